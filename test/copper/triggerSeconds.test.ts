import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { CopperForTrigger, countBody, drain, readBodies, searchBody } from './trigger-sandbox';

const ids = (items: IDataObject[] | null) => (items ?? []).map((item) => item.id as number);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Where Copper's whole seconds hide changes: a task changed again within the second an earlier
 * poll emitted it at (date_modified does not move), and a second with more tasks than a page,
 * paged by page_number while a task leaves it (the pages shift). Each of these tests fails on the
 * engine without StreamMemory's fingerprints (kept for the newest second listed) or listStream's
 * check of a paged second (the tasks last listed there, read again by ID, against Copper's count).
 */
describe('Copper Trigger › whole seconds', () => {
	let copper: CopperForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		copper = await CopperForTrigger.start();
	});
	afterEach(async () => {
		await copper.close();
	});

	it('emits again, once, a task changed again within the second it was emitted at (not for Created)', async () => {
		const [older] = copper.create('Older');
		const triggers = {
			created: copper.activate('created'),
			updated: copper.activate('updated'),
			createdOrUpdated: copper.activate('createdOrUpdated'),
		};
		for (const trigger of Object.values(triggers)) expect(await trigger.poll()).toBeNull();

		// Second S: a creation and an update, each emitted by a poll in S.
		copper.tick(30);
		const [fresh] = copper.create('Fresh');
		await copper.update(older, { details: 'First' });
		expect(ids(await triggers.created.poll())).toEqual([fresh]);
		expect(ids(await triggers.updated.poll())).toEqual([older]);
		expect(ids(await triggers.createdOrUpdated.poll())).toEqual([older, fresh]);

		// Still second S: both change again; Copper stamps them S again.
		const stamp = copper.nowSeconds;
		await copper.update(older, { details: 'Second' });
		await copper.update(fresh, { details: 'Changed within its second' });
		expect(copper.sandbox.getTask(older)?.date_modified).toBe(stamp);
		expect(copper.sandbox.getTask(fresh)?.date_modified).toBe(stamp);

		// A creation's time does not move: Created has nothing new. The others emit the new versions.
		expect(await triggers.created.poll()).toBeNull();
		// Updated: the fresh task was never updated after its creation second (modified = created).
		expect(await triggers.updated.poll()).toEqual([copper.emitted(older)]);
		expect(await triggers.createdOrUpdated.poll()).toEqual(
			[older, fresh].map((id) => copper.emitted(id)),
		);
		expect(copper.emitted(older).details).toBe('Second');

		// Once each: the next polls, and polls after a restart, emit nothing.
		for (const trigger of Object.values(triggers)) {
			expect(await trigger.poll()).toBeNull();
			trigger.restart();
			expect(await trigger.poll()).toBeNull();
		}
	});

	/**
	 * 450 tasks in second S, a task at S + 200 (past the 2-minute overlap), and burst[4] deleted or
	 * changed after page 1 inside S, before page 2: burst[200] slides onto page 1, already read.
	 * Returns everything emitted over the polls.
	 */
	async function burstWithLateTask(what: 'deleted' | 'changed') {
		const trigger = copper.activate('createdOrUpdated');
		copper.create('Existing');
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const burst = copper.createMany(450);
		const second = copper.nowSeconds;
		copper.tick(200);
		const [late] = copper.create('Late');
		copper.clearRequests();
		copper.beforeSearch = async () => {
			if (copper.searches.length !== 2) return;
			copper.beforeSearch = undefined;
			if (what === 'deleted') await copper.delete(burst[4]);
			else await copper.update(burst[4], { details: 'Changed while the poll paged' });
		};
		const emitted = ids(await drain(trigger));
		return { trigger, burst, second, late, emitted };
	}

	it('loses no task of a 450-task second when one is changed between its page 1 and page 2 and a later task follows', async () => {
		const { trigger, burst, second, late, emitted } = await burstWithLateTask('changed');

		// The repro: the 201st task slid onto page 1, already read, and was never emitted.
		const shifted = burst[200];
		const held = burst.filter((id) => id !== burst[4] && id !== shifted);
		expect(emitted).toEqual([...held, shifted, burst[4], late]);
		// Found in the first poll: the 448 tasks last listed at S, read again by ID, are all still
		// there; Copper counts 449 in S, so S is walked again, and the 449 read by ID then agree with
		// the count. The 451 changes are read by ID to be emitted (200, 200, 51): 18 searches. The
		// next poll lists the window from S + 200 less two minutes, finds nothing new.
		const walk = [1, 2, 3].map((page) => searchBody('date_modified', second, page));
		expect(copper.searches).toEqual([
			searchBody('date_modified', second - 60 - 120, 1),
			...walk,
			...readBodies(held),
			countBody('date_modified', second),
			...walk,
			...readBodies([...held, shifted]),
			countBody('date_modified', second),
			...readBodies(emitted),
			searchBody('date_modified', second + 200 - 120, 1),
		]);
		expect(copper.requests.filter((request) => !request.endsWith('/tasks/search'))).toEqual([
			`PUT /developer_api/v1/tasks/${burst[4]}`,
		]);
		expect(trigger.state?.streams).toMatchObject({ date_modified: { cursor: iso(second + 200) } });
	});

	/**
	 * The walk listed burst[4] at S on page 1, then it was deleted. Copper counts 449 in S; the
	 * walk's 449 at S include burst[4], but read again by ID it is gone (the search leaves it out,
	 * GET /tasks/{id} answers 404), so 448 are held, S is walked again and burst[200] found. A task
	 * read as deleted is not emitted.
	 */
	it('loses no task of a 450-task second when one is deleted between its page 1 and page 2 and a later task follows', async () => {
		const { trigger, burst, second, late, emitted } = await burstWithLateTask('deleted');

		const shifted = burst[200];
		const listed = burst.filter((id) => id !== shifted);
		expect(emitted).toEqual([
			...burst.filter((id) => id !== burst[4] && id !== shifted),
			shifted,
			late,
		]);
		const walk = [1, 2, 3].map((page) => searchBody('date_modified', second, page));
		expect(copper.searches).toEqual([
			searchBody('date_modified', second - 60 - 120, 1),
			...walk,
			...readBodies(listed),
			countBody('date_modified', second),
			...walk,
			...readBodies([...listed, shifted]),
			countBody('date_modified', second),
			...readBodies([...listed, shifted, late]),
			searchBody('date_modified', second + 200 - 120, 1),
		]);
		// burst[4] is missing from each of the three reads: Copper's search by IDs answers every task
		// that exists and matches, so the trigger takes it as gone without reading it alone.
		expect(copper.requests.filter((request) => !request.endsWith('/tasks/search'))).toEqual([
			`DELETE /developer_api/v1/tasks/${burst[4]}`,
		]);
		expect(trigger.state?.streams).toMatchObject({ date_modified: { cursor: iso(second + 200) } });
	});

	/**
	 * Created, with Status: Open. burst[4] is completed between page 1 and page 2 inside S: it
	 * leaves the filtered search but keeps its date_created, so burst[200] slides onto page 1,
	 * already read. Copper's count of S (with the filters) is 449. The read by ID carries the
	 * filters too, so it no longer finds burst[4]: 448 are held, S is walked again, and burst[200]
	 * is emitted; burst[4], no longer Open, is not.
	 */
	it('loses no task of a 450-task second when one stops matching the filters between its page 1 and page 2 (Created, Status: Open)', async () => {
		const trigger = copper.activate('created', { status: 'Open' });
		copper.create('Existing');
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const burst = copper.createMany(450);
		copper.tick(200);
		const [late] = copper.create('Late');
		copper.clearRequests();
		copper.beforeSearch = async () => {
			if (copper.searches.length !== 2) return;
			copper.beforeSearch = undefined;
			await copper.update(burst[4], { status: 'Completed' });
		};

		const emitted = ids(await drain(trigger));

		// Each surviving task once; burst[200], found by the second walk of S, comes after the tasks
		// of S the first walk found. burst[4], no longer Open, is not emitted.
		expect(emitted).toEqual([
			...burst.filter((id) => id !== burst[4] && id !== burst[200]),
			burst[200],
			late,
		]);
	});

	it('keeps the cursor at a paged second whose count it cannot confirm, until it can', async () => {
		const trigger = copper.activate('createdOrUpdated');
		copper.create('Existing');
		const start = copper.nowSeconds;
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const burst = copper.createMany(450);
		const second = copper.nowSeconds;
		copper.tick(200);
		const [late] = copper.create('Late');
		// Copper counts one task more in the burst's second than any walk of it can list.
		copper.answerCount = (total, body) =>
			body.minimum_modified_date === second ? total + 1 : total;
		copper.clearRequests();

		const first = await trigger.poll();

		// Everything listed is emitted; the second is walked again twice, its 450 tasks read by ID
		// (200, 200, 50) and counted 3 times; the 451 changes are read by ID: 25 searches.
		expect(first).toEqual([...burst, late].map((id) => copper.emitted(id)));
		const walk = [1, 2, 3].map((page) => searchBody('date_modified', second, page));
		const check = [...readBodies(burst), countBody('date_modified', second)];
		expect(copper.searches).toEqual([
			searchBody('date_modified', start - 120, 1),
			...walk,
			...check,
			...walk,
			...check,
			...walk,
			...check,
			...readBodies([...burst, late]),
		]);
		expect(copper.requests).toHaveLength(25);
		// The cursor stays at the unconfirmed second (not the late task's), so the next poll walks it.
		expect(trigger.state?.streams).toMatchObject({ date_modified: { cursor: iso(second) } });

		copper.clearRequests();
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
		// The window, then 3 × (walk, read by ID, count), nothing to read for emitting: 22 searches.
		expect(copper.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...walk,
			...check,
			...walk,
			...check,
			...walk,
			...check,
		]);
		expect(copper.requests).toHaveLength(22);
		expect(trigger.state?.streams).toMatchObject({ date_modified: { cursor: iso(second) } });

		// Copper's count agrees again: one read and count, and the cursor moves on to the late task.
		copper.answerCount = undefined;
		copper.clearRequests();
		expect(await trigger.poll()).toBeNull();
		expect(copper.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...walk,
			...check,
		]);
		expect(trigger.state?.streams).toMatchObject({ date_modified: { cursor: iso(second + 200) } });

		copper.clearRequests();
		copper.tick(1);
		const [next] = copper.create('Next');
		expect(await trigger.poll()).toEqual([copper.emitted(next)]);
		expect(copper.searches).toEqual([
			searchBody('date_modified', second + 200 - 120, 1),
			...readBodies([next]),
		]);
	});
	/**
	 * While an unconfirmed second S holds the cursor back, the state keeps the fingerprints of the
	 * newest second listed (S + 200), where a task can still change without its date_modified
	 * moving: the late task changed again within S + 200 is emitted again.
	 */
	it('emits again a task changed within its second while an earlier unconfirmed second holds the cursor', async () => {
		const trigger = copper.activate('createdOrUpdated');
		copper.create('Existing');
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		copper.createMany(450);
		const second = copper.nowSeconds;
		copper.tick(200);
		const [late] = copper.create('Late');
		copper.answerCount = (total, body) =>
			body.minimum_modified_date === second ? total + 1 : total;
		expect(ids(await trigger.poll())).toContain(late);

		await copper.update(late, { details: 'Changed within its second' });
		copper.answerCount = undefined;

		expect(await trigger.poll()).toEqual([copper.emitted(late)]);
	});
});
