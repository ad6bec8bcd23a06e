import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import {
	CopperForTrigger,
	countBody,
	readBodies,
	searchBody,
	triggerParameters,
} from './trigger-sandbox';

const ids = (items: IDataObject[] | null) => (items ?? []).map((item) => item.id as number);

/**
 * The Copper trigger where exactly-once is hard: several changes in one second, a burst of more
 * than a page in one second, tasks changed while a poll pages, and a poll that starts while the
 * previous one still runs. Copper stamps whole seconds; the emulator's clock only moves when told.
 */
describe('Copper Trigger › races', () => {
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

	it('emits changes stamped in the second of its cursor, and stamped late before it, once', async () => {
		copper.create('Existing');
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		// Two tasks in second S, then a poll in that same second: its cursor is S.
		copper.tick(30);
		const [a, b] = copper.create('A', 'B');
		expect(ids(await trigger.poll())).toEqual([a, b]);

		// Still second S: two more tasks in it, one change Copper stamps a second late (S - 1),
		// and one in the next second.
		const [c, c2] = copper.create('C', 'C2');
		copper.tick(-1);
		const [late] = copper.create('Stamped late');
		await copper.update(b, { details: 'Changed, stamped late' });
		copper.tick(2);
		const [d] = copper.create('D');

		expect(await trigger.poll()).toEqual([b, late, c, c2, d].map((id) => copper.emitted(id)));
		expect(await trigger.poll()).toBeNull();
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('pages through a burst of 450 tasks in one second by page_number, emitting each once', async () => {
		const [existing] = copper.create('Existing');
		const start = copper.nowSeconds;
		const trigger = copper.activate('created');
		expect(await trigger.poll()).toBeNull();

		copper.tick(90);
		const burst = copper.createMany(450);
		const second = copper.nowSeconds;
		copper.clearRequests();

		const emitted = await trigger.poll();

		expect(emitted).toEqual(burst.map((id) => copper.emitted(id)));
		// Page 1 from the window; then the lower bound moves to the burst's second, where keyset
		// paging cannot move it further, and page_number walks on inside it. The 450 tasks listed
		// there, read again by ID (200, 200, 50), are all still there, and Copper's count of that
		// second (450) confirms no task was shifted out of sight; then the 450 are read by ID to be
		// emitted: 11 searches.
		expect(copper.searches).toEqual([
			searchBody('date_created', start - 120, 1),
			searchBody('date_created', second, 1),
			searchBody('date_created', second, 2),
			searchBody('date_created', second, 3),
			...readBodies(burst),
			countBody('date_created', second),
			...readBodies(burst),
		]);
		expect(copper.sandbox.getTask(existing)).toBeDefined();
		expect(await trigger.poll()).toBeNull();
		trigger.restart();
		copper.tick(1);
		const [next] = copper.create('After the burst');
		expect(await trigger.poll()).toEqual([copper.emitted(next)]);
	});

	it('emits a task changed between page 1 and page 2 once, in its newer version, skipping none', async () => {
		copper.create('Existing');
		const start = copper.nowSeconds;
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		// 250 tasks, one a second: more than a page, spread over more than the overlap window.
		copper.tick(300);
		const tasks = copper.sandbox.generateTasks(250);
		const moved = tasks[9];
		const lastOnPage1 = copper.sandbox.getTask(tasks[198])!.date_modified;
		copper.clearRequests();
		copper.beforeSearch = async () => {
			if (copper.searches.length !== 1) return;
			copper.beforeSearch = undefined;
			await copper.update(moved, { details: 'Changed while the poll paged' });
		};

		const emitted = await trigger.poll();

		const order = [...tasks.filter((id) => id !== moved), moved];
		expect(emitted).toEqual(order.map((id) => copper.emitted(id)));
		expect(emitted?.[249].details).toBe('Changed while the poll paged');
		// Keyset paging: page 2 starts at the second of page 1's last task, so the task that left
		// page 1 shifts nothing. The 250 changes are then read by ID, in the order emitted.
		expect(copper.searches).toEqual([
			searchBody('date_modified', start - 120, 1),
			searchBody('date_modified', lastOnPage1, 1),
			...readBodies(order),
		]);
		expect(await trigger.poll()).toBeNull();
	});

	it('delivers in the same poll the task a change inside a one-second burst shifted past a page', async () => {
		const trigger = copper.activate('createdOrUpdated');
		copper.create('Existing');
		const start = copper.nowSeconds;
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const burst = copper.createMany(450);
		const second = copper.nowSeconds;
		copper.tick(1);
		copper.clearRequests();
		copper.beforeSearch = async () => {
			// Before page 2 inside the burst's second: the 5th task is changed, the list shifts left.
			if (copper.searches.length !== 2) return;
			copper.beforeSearch = undefined;
			await copper.update(burst[4], { details: 'Changed while the poll paged' });
		};

		const firstPoll = ids(await trigger.poll());
		const firstSearches = copper.searches;
		copper.clearRequests();
		const secondPoll = await trigger.poll();

		// Offset paging inside one second cannot see the shift: the 201st task slid onto page 1,
		// already read. The 448 tasks the walk last listed at that second, read again by ID, are all
		// still there; Copper's count of the second (449) exceeds them, so the poll walks the second
		// again, finds it, reads the 449 by ID, and the count then agrees. The 450 changes are then
		// read by ID in the order emitted: 18 searches.
		const shifted = burst[200];
		const held = burst.filter((id) => id !== burst[4] && id !== shifted);
		expect(firstPoll).toEqual([...held, shifted, burst[4]]);
		const walk = [1, 2, 3].map((page) => searchBody('date_modified', second, page));
		expect(firstSearches).toEqual([
			searchBody('date_modified', start - 120, 1),
			...walk,
			...readBodies(held),
			countBody('date_modified', second),
			...walk,
			...readBodies([...held, shifted]),
			countBody('date_modified', second),
			...readBodies(firstPoll),
		]);
		// The next poll re-reads the window (the burst is still in it), reads the 449 tasks at the
		// burst's second by ID, counts once, emits nothing: 8 searches.
		expect(secondPoll).toBeNull();
		expect(copper.searches).toEqual([
			searchBody('date_modified', second + 1 - 120, 1),
			...walk,
			...readBodies(burst.filter((id) => id !== burst[4])),
			countBody('date_modified', second),
		]);
		expect(await trigger.poll()).toBeNull();
	});

	it('lets a poll that starts while the previous one still runs emit and change nothing', async () => {
		copper.create('Existing');
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const created = copper.create('One', 'Two');
		const stateBefore = trigger.state;
		let overlapping: IDataObject[] | null | undefined;
		let searchesDuringOverlap = -1;
		let stateDuringOverlap: IDataObject | undefined;
		copper.beforeSearch = async () => {
			copper.beforeSearch = undefined;
			const searchesBefore = copper.searches.length;
			overlapping = await trigger.poll();
			searchesDuringOverlap = copper.searches.length - searchesBefore;
			stateDuringOverlap = trigger.state;
		};

		const first = await trigger.poll();

		expect(overlapping).toBeNull();
		expect(searchesDuringOverlap).toBe(0);
		expect(stateDuringOverlap).toEqual(stateBefore);
		expect(first).toEqual(created.map((id) => copper.emitted(id)));
		expect(await trigger.poll()).toBeNull();
		copper.tick(1);
		const [later] = copper.create('Later');
		expect(await trigger.poll()).toEqual([copper.emitted(later)]);
	});
});

/**
 * Edits of an active trigger start it afresh; a restart does not; and only Copper's own stamps are
 * ever compared, whatever Copper's clock says against this machine's.
 */
describe('Copper Trigger › settings, restarts and clocks', () => {
	let copper: CopperForTrigger;
	let other: CopperForTrigger | undefined;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		copper = await CopperForTrigger.start();
	});
	afterEach(async () => {
		await copper.close();
		await other?.close();
		other = undefined;
	});

	it('starts afresh from "now" when the event or a filter of the active trigger changes', async () => {
		const [open] = copper.create('Open task');
		const trigger = copper.activate('updated');
		expect(await trigger.poll()).toBeNull();

		copper.tick(60);
		await copper.update(open, { details: 'Changed before the edit' });
		trigger.reconfigure(triggerParameters('created'));
		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const [fresh] = copper.create('Fresh task');
		expect(await trigger.poll()).toEqual([copper.emitted(fresh)]);

		// A filter added: the change above (inside the window) is history, not news.
		copper.tick(10);
		await copper.update(open, { status: 'Completed' });
		trigger.reconfigure(triggerParameters('created', { status: 'Completed' }));
		expect(await trigger.poll()).toBeNull();
		copper.tick(10);
		const [done] = copper.create({ name: 'Done at once', status: 'Completed' });
		copper.create({ name: 'Still open' });
		expect(await trigger.poll()).toEqual([copper.emitted(done)]);
	});

	it('starts afresh when the credential points at another account or user', async () => {
		const trigger = copper.activate('createdOrUpdated');
		copper.create('Mine');
		expect(await trigger.poll()).toBeNull();

		// Another Copper whose tasks are all newer than this trigger's cursor: none is news.
		other = await CopperForTrigger.start({ now: () => new Date('2026-03-11T08:00:00Z') });
		other.create('Theirs 1', 'Theirs 2');
		trigger.useCredentials(other.credentials());
		expect(await trigger.poll()).toBeNull();
		other.tick(5);
		const [theirs] = other.create('Theirs 3');
		expect(await trigger.poll()).toEqual([other.emitted(theirs)]);

		// The same Copper as another user: afresh again.
		other.tick(5);
		other.create('Before the switch');
		trigger.useCredentials(other.credentials('second'));
		expect(await trigger.poll()).toBeNull();
		other.tick(5);
		const [after] = other.create('After the switch');
		expect(await trigger.poll()).toEqual([other.emitted(after)]);
	});

	it.each([
		['7 hours ahead of', 7],
		['9 hours behind', -9],
	])('emits each change once when Copper’s clock is %s this machine’s', async (_label, hours) => {
		await copper.close();
		const copperNow = new Date(Math.floor(Date.now() / 1000) * 1000 + hours * 3_600_000);
		copper = await CopperForTrigger.start({ now: () => copperNow });
		const [existing] = copper.create('Existing');
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		const emitted: IDataObject[] = [];
		const expected: number[] = [];
		for (let round = 0; round < 6; round++) {
			copper.tick(round === 3 ? 400 : 1);
			if (round === 2) {
				await copper.update(existing, { details: 'Changed' });
				expected.push(existing);
			}
			expected.push(...copper.create(`Round ${round} a`, `Round ${round} b`));
			if (round === 4) trigger.restart();
			emitted.push(...((await trigger.poll()) ?? []));
		}

		expect(ids(emitted)).toEqual(expected);
		expect(await trigger.poll()).toBeNull();
	});
});
