import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { CopperForTrigger, searchBody } from './trigger-sandbox';

/**
 * What a poll costs and what it keeps: Copper's search answers whole task records, so a poll sends
 * its search pages (200 tasks each) and nothing else; the state keeps the overlap window only, as
 * runs of IDs.
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

	it('emits a burst of 1,200 tasks in one second once, with 7 searches, and keeps ~200 bytes', async () => {
		const [existing] = copper.create('Existing');
		const start = copper.nowSeconds;
		const trigger = copper.activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		copper.tick(90);
		const burst = copper.createMany(1200);
		const second = copper.nowSeconds;
		const poll = await measuredPoll(trigger);

		expect(poll.emitted).toEqual(burst.map((id) => copper.emitted(id)));
		// One page of the window, then six pages of 200 inside the burst's second; no record reads.
		expect(poll.requests).toEqual(Array(7).fill(SEARCH));
		expect(poll.searches).toEqual([
			searchBody('date_modified', start - 120, 1),
			...[1, 2, 3, 4, 5, 6].map((page) => searchBody('date_modified', second, page)),
		]);
		const burstState = {
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				date_modified: {
					cursor: iso(second),
					seen: { [iso(start)]: String(existing), [iso(second)]: `${burst[0]}..${burst[1199]}` },
				},
			},
		};
		expect(trigger.state).toEqual(burstState);
		const burstStateSize = JSON.stringify(trigger.state).length;
		expect(burstStateSize).toBeLessThan(250);

		// Quiet polls re-read the burst while it is inside the window, emit nothing, keep the state.
		copper.tick(60);
		const quiet = await measuredPoll(trigger);
		expect(quiet.emitted).toEqual([]);
		expect(quiet.requests).toEqual(Array(7).fill(SEARCH));
		expect(quiet.searches[0]).toEqual(searchBody('date_modified', second - 120, 1));
		trigger.restart();
		expect(trigger.state).toEqual(burstState);

		// A change past the window moves the cursor on; the burst leaves the state.
		copper.tick(70);
		const [next] = copper.create('After the burst');
		const moving = await measuredPoll(trigger);
		expect(moving.emitted).toEqual([copper.emitted(next)]);
		// The window still starts before the burst: its 6 full pages, then page 7 with the new task.
		expect(moving.searches).toEqual([
			searchBody('date_modified', second - 120, 1),
			...[1, 2, 3, 4, 5, 6, 7].map((page) => searchBody('date_modified', second, page)),
		]);
		expect(moving.requests).toEqual(Array(8).fill(SEARCH));
		const after = await measuredPoll(trigger);
		expect(after.emitted).toEqual([]);
		expect(after.searches).toEqual([searchBody('date_modified', copper.nowSeconds - 120, 1)]);
		expect(trigger.state).toEqual({
			configuration: burstState.configuration,
			streams: {
				date_modified: {
					cursor: iso(copper.nowSeconds),
					seen: { [iso(copper.nowSeconds)]: String(next) },
				},
			},
		});
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
		// Page 1 from the window's start; then page 1 and pages 2, 3 inside the updates' second.
		expect(updates.requests).toEqual(Array(4).fill(SEARCH));
		expect(JSON.stringify(trigger.state).length).toBeLessThan(250);
		expect(trigger.state?.streams).toEqual({
			date_modified: {
				cursor: iso(copper.nowSeconds),
				seen: { [iso(copper.nowSeconds)]: `${created[0]}..${created[449]}` },
			},
		});
	});
});
