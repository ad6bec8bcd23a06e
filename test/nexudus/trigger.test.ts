import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { runNode } from '../helpers/runNode';
import { recordWaits } from '../helpers/waits';
import { TRIGGER, basicCredentials } from './credentials';
import { FakeNexudus } from './fakeNexudus';

const SERVER_START = new Date('2026-03-01T09:00:00Z');

const activate = (event = 'createdOrUpdated', filters: INodeParameters = {}) =>
	new ActivePollTrigger({
		type: TRIGGER,
		parameters: { resource: 'coworkerTask', event, filters },
		credentials: basicCredentials,
	});

describe.each([
	['UTC', 0],
	['local wall-clock with a fake Z, ahead of UTC', 2],
	['local wall-clock with a fake Z, behind UTC', -5],
])('Nexudus Trigger with server times stamped in %s', (_label, offsetHours) => {
	it('emits every create and update exactly once across polls, restarts and mid-poll changes', async () => {
		const server = new FakeNexudus(SERVER_START, offsetHours);
		const seeded = [server.create('Seed 1'), server.create('Seed 2'), server.create('Seed 3')];
		server.tick(30);
		const trigger = activate();

		// Activation: what already exists is not news.
		expect(await trigger.poll()).toBeNull();

		// Between polls, one task is created and one is changed.
		server.tick(40);
		const created = server.create('Welcome pack');
		server.tick(5);
		server.update(seeded[0].Id as number, { Completed: true });
		expect(await trigger.poll()).toEqual([
			server.full(created.Id as number),
			server.full(seeded[0].Id as number),
		]);

		// Nothing changed: nothing emitted, even after a restart.
		trigger.restart();
		server.tick(60);
		expect(await trigger.poll()).toBeNull();

		// A second change within the same minute as the first is a new event.
		server.tick(3);
		server.update(created.Id as number, { Notes: 'Door fob included' });
		expect(await trigger.poll()).toEqual([server.full(created.Id as number)]);

		// Changes made while a poll is paging are emitted by that poll or the next, once.
		server.tick(61);
		server.beforeSearchPage = () => {
			server.beforeSearchPage = undefined;
			server.tick(1);
			server.create('Created mid-poll');
			server.update(seeded[1].Id as number, { Name: 'Renamed mid-poll' });
		};
		const midPoll = [...((await trigger.poll()) ?? []), ...((await trigger.poll()) ?? [])];
		expect(midPoll.map((task) => task.Name).sort()).toEqual([
			'Created mid-poll',
			'Renamed mid-poll',
		]);
		expect(await trigger.poll()).toBeNull();
	});
});

describe('Nexudus Trigger', () => {
	// Server errors are retried: the waits are recorded, not slept.
	const waits = recordWaits();

	it('pages through a burst of more than 1000 changes and emits each once, oldest first', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate('created');
		expect(await trigger.poll()).toBeNull();

		const burst = Array.from({ length: 1203 }, (_, index) => {
			if (index % 400 === 0) server.tick(60);
			return server.create(`Burst ${index}`);
		});
		const emitted = await trigger.poll();

		expect(emitted?.map((task) => task.Id)).toEqual(burst.map((task) => task.Id));
		expect(await trigger.poll()).toBeNull();
	});

	it('rides out a server error on the full read (retried), emitting each task once', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate();
		expect(await trigger.poll()).toBeNull();

		server.tick(90);
		const first = server.create('First');
		server.failRecordReads = 2;
		expect(await trigger.poll()).toEqual([server.full(first.Id as number)]);
		expect(waits).toHaveLength(2);
		expect(await trigger.poll()).toBeNull();
	});

	it('keeps its cursor when a poll fails, so the next poll delivers what the failed one missed', async () => {
		const server = new FakeNexudus(SERVER_START);
		server.create('Before activation');
		const trigger = activate();
		expect(await trigger.poll()).toBeNull();
		const stateBefore = trigger.state;

		server.tick(90);
		const first = server.create('First');
		const second = server.create('Second');
		// A server error that outlasts the retries (4 attempts).
		server.failRecordReads = 4;
		await expect(trigger.poll()).rejects.toThrow('An error has occurred.');
		expect(trigger.state).toEqual(stateBefore);

		expect(await trigger.poll()).toEqual([
			server.full(first.Id as number),
			server.full(second.Id as number),
		]);
	});

	it('reports only updates for the Updated event, and only creations for Created', async () => {
		const server = new FakeNexudus(SERVER_START);
		const existing = server.create('Existing');
		const updates = activate('updated');
		const creations = activate('created');
		expect(await updates.poll()).toBeNull();
		expect(await creations.poll()).toBeNull();

		server.tick(120);
		const fresh = server.create('Fresh');
		server.update(existing.Id as number, { Completed: true });

		expect(await updates.poll()).toEqual([server.full(existing.Id as number)]);
		expect(await creations.poll()).toEqual([server.full(fresh.Id as number)]);
	});

	it('keeps small, JSON-only state bounded to the overlap window', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate();
		expect(await trigger.poll()).toBeNull();
		let newest: IDataObject = {};
		for (let round = 0; round < 5; round++) {
			// Further apart than the window each poll re-reads (an hour and two minutes).
			server.tick(3_900);
			newest = server.create(`Round ${round}`);
			await trigger.poll();
		}

		// Only the newest change is still inside the window the next poll re-reads. The CreatedOn
		// stream only reports tasks created without an UpdatedOn; it remembers just its cursor.
		const changedAt = new Date(String(newest.UpdatedOn)).toISOString();
		expect(trigger.state).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				UpdatedOn: { cursor: changedAt, seen: { [changedAt]: String(newest.Id) } },
				CreatedOn: { cursor: changedAt, seen: {} },
			},
		});
	});

	it('sends the chosen filters with every search', async () => {
		const server = new FakeNexudus(SERVER_START);
		server.create('Existing');
		const trigger = activate('createdOrUpdated', {
			completed: false,
			responsible: { __rl: true, mode: 'list', value: '71' },
		});
		await trigger.poll();
		server.tick(60);
		await trigger.poll();

		const filters = 'CoworkerTask_Completed=false&CoworkerTask_Responsible=71';
		const since = (time: string) =>
			`from_CoworkerTask_${time}=2026-03-01T07%3A58&dir=1&page=1&size=1000`;
		const search = (time: string, rest: string) =>
			`GET /api/crm/coworkertasks?${filters}&orderBy=${time}&${rest}`;
		const poll = [search('UpdatedOn', since('UpdatedOn')), search('CreatedOn', since('CreatedOn'))];
		expect(server.requests).toEqual([
			search('UpdatedOn', 'dir=-1&page=1&size=25'),
			poll[0],
			search('CreatedOn', 'dir=-1&page=1&size=25'),
			poll[1],
			...poll,
		]);
	});

	it('refuses a filter that is not an ID, naming it, before polling', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate('createdOrUpdated', {
			responsible: { __rl: true, mode: 'list', value: 'Grace' },
		});

		await expect(trigger.poll()).rejects.toThrow(
			'Invalid value for "Responsible User": Enter a numeric ID, e.g. 1234, or pick a user from the list',
		);
		expect(server.requests).toEqual([]);
		expect(trigger.state).toBeUndefined();
	});

	it('ignores a filter the user added but left empty, as the Find operation does', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate('created', {
			coworker: { __rl: true, mode: 'list', value: '' },
			business: { __rl: true, mode: 'id', value: '  ' },
			responsible: { __rl: true, mode: 'id', value: '71' },
		});

		await trigger.poll();

		expect(server.requests).toEqual([
			'GET /api/crm/coworkertasks?CoworkerTask_Responsible=71&orderBy=CreatedOn&dir=-1&page=1&size=25',
		]);
	});

	it('returns the newest task as a sample in a manual run, and remembers nothing', async () => {
		const server = new FakeNexudus(SERVER_START);
		server.create('Older');
		server.tick(60);
		const newest = server.create('Newest');

		const run = await runNode({
			type: TRIGGER,
			parameters: { resource: 'coworkerTask', event: 'createdOrUpdated' },
			credentials: basicCredentials,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([server.full(newest.Id as number)]);
	});
});
