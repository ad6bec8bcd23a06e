import type { IDataObject } from 'n8n-workflow';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { TRIGGER, basicCredentials } from './credentials';
import { FakeNexudus } from './fakeNexudus';

const SERVER_START = new Date('2026-03-01T09:00:00Z');

const activate = (event: string) =>
	new ActivePollTrigger({
		type: TRIGGER,
		parameters: { resource: 'coworkerTask', event, filters: {} },
		credentials: basicCredentials,
	});

/** Runs one poll and returns what it emitted and the requests it sent. */
async function measuredPoll(server: FakeNexudus, trigger: ActivePollTrigger) {
	const before = server.requests.length;
	const emitted = (await trigger.poll()) ?? [];
	return { emitted, requests: server.requests.slice(before) };
}

const batchReads = (requests: string[]) => requests.filter((request) => request.includes('id=%5B'));

describe('Nexudus Trigger › cost and bursts', () => {
	it('reads 1,000 changed tasks with one search page and two batch reads, not 1,000 GETs', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate('created');
		expect(await trigger.poll()).toBeNull();
		server.tick(90);
		const burst = Array.from({ length: 1000 }, (_, index) => server.create(`Task ${index}`));

		const poll = await measuredPoll(server, trigger);

		expect(poll.emitted.map((task) => task.Id)).toEqual(burst.map((task) => task.Id));
		expect(poll.emitted[0]).toEqual(server.full(burst[0].Id as number));
		// At most 1 + 2 × ceil(K / 1000) + a few: here 1 search page and 2 batch reads.
		expect(poll.requests).toHaveLength(3);
		expect(batchReads(poll.requests)).toHaveLength(2);
		expect(poll.requests.filter((request) => /coworkertasks\/\d+/.test(request))).toEqual([]);
	});

	it('emits a burst of 5,000 changes inside one window exactly once, and never again', async () => {
		const server = new FakeNexudus(SERVER_START);
		const existing = Array.from({ length: 50 }, (_, index) => server.create(`Existing ${index}`));
		const trigger = activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		// 5,000 changes in the same minute: more than a page, and more than any cap the engine had.
		server.tick(90);
		const created = Array.from({ length: 4950 }, (_, index) => server.create(`Burst ${index}`));
		for (const task of existing) server.update(task.Id as number, { Completed: true });
		const changed = [...created, ...existing].map((task) => task.Id);

		const burst = await measuredPoll(server, trigger);
		expect(burst.emitted).toHaveLength(5000);
		expect(new Set(burst.emitted.map((task) => task.Id))).toEqual(new Set(changed));

		// Later polls with no new change emit nothing, after a restart too. They re-read the window
		// (5 pages per stream) until a newer change moves the cursor on.
		for (let round = 0; round < 3; round++) {
			server.tick(30);
			if (round === 1) trigger.restart();
			const quiet = await measuredPoll(server, trigger);
			expect(quiet.emitted).toEqual([]);
			expect(batchReads(quiet.requests)).toEqual([]);
		}
		const stateSize = JSON.stringify(trigger.state).length;
		expect(stateSize).toBeLessThan(1000);

		server.tick(300);
		const next = server.create('After the burst');
		const after = await measuredPoll(server, trigger);
		expect(after.emitted).toEqual([server.full(next.Id as number)]);
		expect(batchReads(after.requests)).toHaveLength(1);
	});

	it('halves the batch read when the server refuses a URL that long, losing no record', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate('created');
		expect(await trigger.poll()).toBeNull();
		server.tick(90);
		const burst = Array.from({ length: 600 }, (_, index) => server.create(`Task ${index}`));
		// Like IIS with its default query-string limit: 404.15 past 2,048 characters.
		server.maxIdListLength = 2048;

		const emitted: IDataObject[] = (await trigger.poll()) ?? [];

		expect(emitted.map((task) => task.Id)).toEqual(burst.map((task) => task.Id));
		// 600 IDs (3,000 characters) refused, then two halves of 300 that pass.
		expect(batchReads(server.requests).map((request) => /size=(\d+)/.exec(request)?.[1])).toEqual([
			'600',
			'300',
			'300',
		]);
	});
});
