import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { CopperForTrigger, countBody, searchBody } from './trigger-sandbox';

/**
 * What a poll costs and what it keeps: Copper's search answers whole task records, so a poll sends
 * its search pages (200 tasks each), one count of each second it paged through by page_number,
 * and nothing else; the state keeps the overlap window only, as runs of IDs, plus a fingerprint of
 * each task at the cursor's own second (date_modified only).
 */
describe('Copper Trigger › cost and state', () => {
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

	/** Runs one poll; returns what it emitted and every request it sent. */
	async function measuredPoll(trigger: ActivePollTrigger) {
		copper.clearRequests();
		const emitted: IDataObject[] = (await trigger.poll()) ?? [];
		return { emitted, requests: copper.requests, searches: copper.searches };
	}

	const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
	const SEARCH = 'POST /developer_api/v1/tasks/search';

	it("emits a burst of 1,200 tasks in one second once, with 8 searches, and keeps 25,407 bytes of state while the burst is the cursor's second", async () => {
		const [existing] = copper.create('Existing');
		const start = copper.nowSeconds;
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		copper.tick(90);
		const burst = copper.createMany(1200);
		const second = copper.nowSeconds;
		const poll = await measuredPoll(trigger);

		expect(poll.emitted).toEqual(burst.map((id) => copper.emitted(id)));
		// One page of the window, six pages of 200 inside the burst's second, then Copper's count of
		// that second (1,200, all held): 8 searches, no record reads.
		const burstSearches = [
			searchBody('date_modified', start - 120, 1),
			...[1, 2, 3, 4, 5, 6].map((page) => searchBody('date_modified', second, page)),
			countBody('date_modified', second),
		];
		expect(poll.requests).toEqual(Array(8).fill(SEARCH));
		expect(poll.searches).toEqual(burstSearches);
		const fingerprint = expect.stringMatching(/^[0-9a-f]{8}$/);
		const burstState = {
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				date_modified: {
					cursor: iso(second),
					seen: { [iso(start)]: String(existing), [iso(second)]: `${burst[0]}..${burst[1199]}` },
					versions: Object.fromEntries(burst.map((id) => [id, fingerprint])),
				},
			},
		};
		expect(trigger.state).toEqual(burstState);
		// The IDs stay one run, but the burst is the cursor's own second, where a task can still
		// change without its date_modified moving: each of the 1,200 tasks keeps its fingerprint,
		// `"<7-digit id>":"<8 hex>",` (21 bytes) each: 25,407 bytes until the cursor leaves that second.
		const burstStateSize = JSON.stringify(trigger.state).length;
		expect(burstStateSize).toBe(25_407);

		// Quiet polls re-read the burst while it is inside the window, emit nothing, keep the state.
		copper.tick(60);
		const quiet = await measuredPoll(trigger);
		expect(quiet.emitted).toEqual([]);
		expect(quiet.requests).toEqual(Array(8).fill(SEARCH));
		expect(quiet.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...burstSearches.slice(1),
		]);
		trigger.restart();
		expect(trigger.state).toEqual(burstState);

		// A change past the window moves the cursor on; the burst leaves the state.
		copper.tick(70);
		const [next] = copper.create('After the burst');
		const moving = await measuredPoll(trigger);
		expect(moving.emitted).toEqual([copper.emitted(next)]);
		// The window still starts before the burst: its 6 full pages, then page 7 with the new task,
		// then the count of the burst's second: 9 searches.
		expect(moving.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...[1, 2, 3, 4, 5, 6, 7].map((page) => searchBody('date_modified', second, page)),
			countBody('date_modified', second),
		]);
		expect(moving.requests).toEqual(Array(9).fill(SEARCH));
		const after = await measuredPoll(trigger);
		expect(after.emitted).toEqual([]);
		expect(after.searches).toEqual([searchBody('date_modified', copper.nowSeconds - 120, 1)]);
		// Only the new task's fingerprint is left: the burst's second is no longer the cursor's.
		expect(trigger.state).toEqual({
			configuration: burstState.configuration,
			streams: {
				date_modified: {
					cursor: iso(copper.nowSeconds),
					seen: { [iso(copper.nowSeconds)]: String(next) },
					versions: { [next]: fingerprint },
				},
			},
		});
		// Back to ~200 bytes (182) once the cursor leaves the burst's second.
		expect(JSON.stringify(trigger.state).length).toBe(182);
	});

	it('costs one search per quiet poll, and ceil(K / 200) pages for K changes spread over time', async () => {
		copper.create('Existing');
		const trigger = copper.activate('updated');
		expect(await trigger.poll()).toBeNull();

		copper.tick(5);
		const quiet = await measuredPoll(trigger);
		expect(quiet).toEqual({ emitted: [], requests: [SEARCH], searches: [expect.any(Object)] });

		// 1,000 tasks created one a second, then each updated in one later second.
		copper.tick(1000);
		const created = copper.sandbox.generateTasks(1000);
		const creations = await measuredPoll(trigger);
		expect(creations.emitted).toEqual([]);
		copper.tick(300);
		for (const id of created.slice(0, 450)) await copper.update(id, { details: 'Reviewed' });
		const updates = await measuredPoll(trigger);
		expect(updates.emitted.map((task) => task.id)).toEqual(created.slice(0, 450));
		// Page 1 from the window's start; then page 1 and pages 2, 3 inside the updates' second, and
		// Copper's count of that second.
		const second = copper.nowSeconds;
		expect(updates.searches).toEqual([
			expect.any(Object),
			...[1, 2, 3].map((page) => searchBody('date_modified', second, page)),
			countBody('date_modified', second),
		]);
		expect(updates.requests).toEqual(Array(5).fill(SEARCH));
		// The 450 updates are at the cursor's own second: one run of IDs, and a fingerprint each.
		expect(trigger.state?.streams).toEqual({
			date_modified: {
				cursor: iso(second),
				seen: { [iso(second)]: `${created[0]}..${created[449]}` },
				versions: Object.fromEntries(
					created.slice(0, 450).map((id) => [id, expect.stringMatching(/^[0-9a-f]{8}$/)]),
				),
			},
		});
		// 450 fingerprints of 21 bytes: 9,620 bytes while the cursor is that second (was < 250).
		expect(JSON.stringify(trigger.state).length).toBe(9_620);
	});
});
