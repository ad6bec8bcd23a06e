import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { runNode } from '../helpers/runNode';
import { TRIGGER, basicCredentials } from './credentials';
import { FakeNexudus } from './fakeNexudus';

const SERVER_START = new Date('2026-03-01T09:00:00Z');

const parametersFor = (event: string, filters: INodeParameters = {}) => ({
	resource: 'coworkerTask',
	event,
	filters,
});

const activate = (event = 'createdOrUpdated', filters: INodeParameters = {}) =>
	new ActivePollTrigger({
		type: TRIGGER,
		parameters: parametersFor(event, filters),
		credentials: basicCredentials,
	});

/** Polls until a poll emits nothing; returns everything emitted on the way. */
async function drain(trigger: ActivePollTrigger) {
	const emitted: IDataObject[] = [];
	for (let polls = 0; polls < 5; polls++) {
		const items = await trigger.poll();
		if (!items) return emitted;
		emitted.push(...items);
	}
	throw new Error('The trigger kept emitting');
}

describe('Nexudus Trigger › races', () => {
	it('emits a task that changed between the list and the full read once, in its newer version', async () => {
		const server = new FakeNexudus(SERVER_START);
		const task = server.create('Call back');
		const trigger = activate();
		expect(await trigger.poll()).toBeNull();

		server.tick(90);
		server.update(task.Id as number, { Notes: 'First change' });
		server.beforeRecordRead = () => {
			server.beforeRecordRead = undefined;
			server.tick(20);
			server.update(task.Id as number, { Notes: 'Second change, made during the read' });
		};

		const first = await trigger.poll();
		expect(first).toEqual([server.full(task.Id as number)]);
		expect(first?.[0].Notes).toBe('Second change, made during the read');
		server.tick(60);
		expect(await trigger.poll()).toBeNull();
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('lets a poll that starts while the previous one still runs emit and change nothing', async () => {
		const server = new FakeNexudus(SERVER_START);
		const trigger = activate();
		expect(await trigger.poll()).toBeNull();
		server.tick(90);
		const created = [server.create('One'), server.create('Two')];

		let overlapping: Promise<IDataObject[] | null> | undefined;
		let requestsBeforeOverlap = 0;
		server.beforeSearchPage = () => {
			server.beforeSearchPage = undefined;
			requestsBeforeOverlap = server.requests.length;
			overlapping = trigger.poll();
		};
		const first = await trigger.poll();

		expect(await overlapping).toBeNull();
		expect(first?.map((task) => task.Id)).toEqual(created.map((task) => task.Id));
		// The overlapping poll sent no request: the search under way is the only one at that point.
		expect(server.requests[requestsBeforeOverlap - 1]).toContain('orderBy=UpdatedOn');
		expect(server.requests[requestsBeforeOverlap]).toContain('orderBy=CreatedOn');
		expect(await trigger.poll()).toBeNull();
	});

	it('starts afresh from "now" when the user changes the event or filters of an active trigger', async () => {
		const server = new FakeNexudus(SERVER_START);
		const open = server.create('Open task');
		const trigger = activate('updated');
		expect(await trigger.poll()).toBeNull();

		// Edited while active: old changes are not flooded in, and the new setting's changes come.
		server.tick(90);
		server.update(open.Id as number, { Completed: true });
		trigger.reconfigure(parametersFor('created'));
		expect(await trigger.poll()).toBeNull();
		server.tick(90);
		const fresh = server.create('Fresh task');
		expect(await trigger.poll()).toEqual([server.full(fresh.Id as number)]);

		// Back to Updated: a start from now again, so the completion above is history, not news.
		trigger.reconfigure(parametersFor('updated'));
		expect(await trigger.poll()).toBeNull();
		server.tick(90);
		server.update(fresh.Id as number, { Notes: 'Checked' });
		expect(await trigger.poll()).toEqual([server.full(fresh.Id as number)]);
	});

	it('reports tasks that Nexudus creates with an empty UpdatedOn, for Created or Updated', async () => {
		const server = new FakeNexudus(SERVER_START);
		server.create('Existing');
		const trigger = activate('createdOrUpdated');
		expect(await trigger.poll()).toBeNull();

		server.tick(90);
		const bare = server.create('Created without UpdatedOn', { withoutUpdatedOn: true });
		expect(await trigger.poll()).toEqual([server.full(bare.Id as number)]);
		expect(await trigger.poll()).toBeNull();

		// Its first update is a change of its own.
		server.tick(90);
		server.update(bare.Id as number, { Completed: true });
		expect(await drain(trigger)).toEqual([server.full(bare.Id as number)]);
	});
});

describe('Nexudus Trigger › Fetch Test Event', () => {
	const fetchTestEvent = async (event: string) =>
		await runNode({
			type: TRIGGER,
			parameters: parametersFor(event),
			credentials: basicCredentials,
		});

	it('shows a task that was actually updated for the Updated event', async () => {
		const server = new FakeNexudus(SERVER_START);
		const updated = server.create('Updated task');
		server.tick(60);
		server.update(updated.Id as number, { Completed: true });
		server.tick(60);
		server.create('Newer, never updated');

		const run = await fetchTestEvent('updated');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([server.full(updated.Id as number)]);
	});

	it('shows the newest created task for the Created event', async () => {
		const server = new FakeNexudus(SERVER_START);
		const older = server.create('Older');
		server.tick(60);
		const newest = server.create('Newest');
		server.tick(60);
		server.update(older.Id as number, { Completed: true });

		const run = await fetchTestEvent('created');

		expect(run.json).toEqual([server.full(newest.Id as number)]);
	});
});
