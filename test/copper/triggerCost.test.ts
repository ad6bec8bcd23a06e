import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { CopperForTrigger, countBody, readBodies, searchBody } from './trigger-sandbox';

/**
 * What a poll costs and what it keeps. A poll sends its search pages (200 tasks each); for each
 * second it paged through by page_number, a read by ID of the tasks last listed at that second
 * (200 a search) and Copper's count of it; then a read by ID of the changes it emits (200 a
 * search). All of these are searches (POST /tasks/search); a task missing from a read would cost
 * one GET more. The state keeps the overlap window only, as runs of IDs, plus a fingerprint of each
 * task at the newest second listed (date_modified only).
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

	it('emits a burst of 1,200 tasks in one second once, with 20 searches (7 pages, 12 reads by ID, 1 count), and keeps 25,456 bytes of state while the burst is the newest second', async () => {
		const [existing] = copper.create('Existing');
		const start = copper.nowSeconds;
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		copper.tick(90);
		const burst = copper.createMany(1200);
		const second = copper.nowSeconds;
		const poll = await measuredPoll(trigger);

		expect(poll.emitted).toEqual(burst.map((id) => copper.emitted(id)));
		// One page of the window and six pages of 200 inside the burst's second; the 1,200 tasks
		// listed at that second read again by ID (6 searches of 200) and Copper's count of it
		// (1,200, all still there); then the 1,200 changes read by ID to emit them (6 more):
		// 20 searches, no other request.
		const burstSearches = [
			searchBody('date_modified', start - 120, 1),
			...[1, 2, 3, 4, 5, 6].map((page) => searchBody('date_modified', second, page)),
			...readBodies(burst),
			countBody('date_modified', second),
		];
		expect(poll.requests).toEqual(Array(20).fill(SEARCH));
		expect(poll.searches).toEqual([...burstSearches, ...readBodies(burst)]);
		const fingerprint = expect.stringMatching(/^[0-9a-f]{8}$/);
		const burstState = {
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				date_modified: {
					cursor: iso(second),
					seen: { [iso(start)]: String(existing), [iso(second)]: `${burst[0]}..${burst[1199]}` },
					versions: {
						at: iso(second),
						fingerprints: Object.fromEntries(burst.map((id) => [id, fingerprint])),
					},
				},
			},
		};
		expect(trigger.state).toEqual(burstState);
		// The IDs stay one run, but the burst is the newest second listed, where a task can still
		// change without its date_modified moving: each of the 1,200 tasks keeps its fingerprint,
		// `"<7-digit id>":"<8 hex>",` (21 bytes) each: 25,456 bytes until a newer second is listed.
		const burstStateSize = JSON.stringify(trigger.state).length;
		expect(burstStateSize).toBe(25_456);

		// Quiet polls re-read the burst while it is inside the window (and read its 1,200 tasks by
		// ID again to check the count: 14 searches), emit nothing, keep the state.
		copper.tick(60);
		const quiet = await measuredPoll(trigger);
		expect(quiet.emitted).toEqual([]);
		expect(quiet.requests).toEqual(Array(14).fill(SEARCH));
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
		// the burst read by ID (6) and counted, then the new task read by ID: 16 searches.
		expect(moving.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...[1, 2, 3, 4, 5, 6, 7].map((page) => searchBody('date_modified', second, page)),
			...readBodies(burst),
			countBody('date_modified', second),
			...readBodies([next]),
		]);
		expect(moving.requests).toEqual(Array(16).fill(SEARCH));
		const after = await measuredPoll(trigger);
		expect(after.emitted).toEqual([]);
		expect(after.requests).toEqual([SEARCH]);
		expect(after.searches).toEqual([searchBody('date_modified', copper.nowSeconds - 120, 1)]);
		// Only the new task's fingerprint is left: the burst's second is no longer the newest.
		expect(trigger.state).toEqual({
			configuration: burstState.configuration,
			streams: {
				date_modified: {
					cursor: iso(copper.nowSeconds),
					seen: { [iso(copper.nowSeconds)]: String(next) },
					versions: { at: iso(copper.nowSeconds), fingerprints: { [next]: fingerprint } },
				},
			},
		});
		// Back to ~230 bytes (231) once a newer second is listed.
		expect(JSON.stringify(trigger.state).length).toBe(231);
	});

	it('costs one search per quiet poll; 450 updates in one second cost 11 searches (4 pages, 3 + 3 reads by ID, 1 count)', async () => {
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
		// Page 1 from the window's start; then page 1 and pages 2, 3 inside the updates' second; the
		// 450 tasks listed there read by ID (200, 200, 50) and Copper's count of that second; then the
		// 450 updates read by ID to emit them: 11 searches.
		const second = copper.nowSeconds;
		const updated = created.slice(0, 450);
		expect(updates.searches).toEqual([
			expect.any(Object),
			...[1, 2, 3].map((page) => searchBody('date_modified', second, page)),
			...readBodies(updated),
			countBody('date_modified', second),
			...readBodies(updated),
		]);
		expect(updates.requests).toEqual(Array(11).fill(SEARCH));
		// The 450 updates are at the newest second listed: one run of IDs, and a fingerprint each.
		expect(trigger.state?.streams).toEqual({
			date_modified: {
				cursor: iso(second),
				seen: { [iso(second)]: `${created[0]}..${created[449]}` },
				versions: {
					at: iso(second),
					fingerprints: Object.fromEntries(
						updated.map((id) => [id, expect.stringMatching(/^[0-9a-f]{8}$/)]),
					),
				},
			},
		});
		// 450 fingerprints of 21 bytes: 9,669 bytes while that second is the newest (was < 250).
		expect(JSON.stringify(trigger.state).length).toBe(9_669);
	});

	it('costs ceil(K / 200) pages and ceil(K / 200) reads by ID for K changes one a second: 3 + 3 for 450', async () => {
		copper.create('Existing');
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		// 450 tasks stamped one a second, the last one now.
		copper.tick(600);
		const created = copper.sandbox.generateTasks(450);
		const poll = await measuredPoll(trigger);

		expect(poll.emitted.map((task) => task.id)).toEqual(created);
		// Keyset pages: the window's (the existing task and 199 new), then each from the second of the
		// previous page's last task (listed again): 200 and 53 tasks. No second holds more than a
		// page, so nothing is counted; the 450 changes are read by ID (200, 200, 50): 6 searches.
		const second = (index: number) => copper.sandbox.getTask(created[index])!.date_modified;
		expect(poll.searches).toEqual([
			expect.any(Object),
			searchBody('date_modified', second(198), 1),
			searchBody('date_modified', second(397), 1),
			...readBodies(created),
		]);
		expect(poll.requests).toEqual(Array(6).fill(SEARCH));

		copper.tick(10);
		const quiet = await measuredPoll(trigger);
		expect(quiet).toEqual({ emitted: [], requests: [SEARCH], searches: [expect.any(Object)] });
	});
});
