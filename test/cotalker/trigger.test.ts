import type { IDataObject } from 'n8n-workflow';

import { fetchTestEvent, withTriggerState } from '../helpers/fetchTestEvent';
import { loadOptionsContext } from '../helpers/loadOptions';
import { USER_IDS } from '../sandbox/cotalker';
import { TRIGGER } from './credentials';
import {
	closeEveryCotalker,
	CotalkerForTrigger,
	idsOf,
	PROJECTS,
	START,
	SUPPORT,
	triggerParameters,
	windowUrl,
} from './trigger-sandbox';

const iso = (ms: number) => new Date(START.getTime() + ms).toISOString();

/**
 * The Cotalker trigger over a sequence of polls against the emulator (unsorted task lists, its own
 * clock): first activation, each event's changes emitted once as the task is now, several task
 * groups, the Assignee filter, restart, a fresh start on any change of settings or account,
 * Fetch Test Event, and bad settings refused before any request.
 */
describe('Cotalker Trigger › polls', () => {
	let cotalker: CotalkerForTrigger;
	closeEveryCotalker();
	beforeEach(async () => {
		cotalker = await CotalkerForTrigger.start();
	});

	/** A history: two tasks before activation, then a creation, an edit, a state move, both. */
	async function history() {
		const [e1, e2] = cotalker.create(PROJECTS, 'Existing 1', 'Existing 2');
		cotalker.tick(30);
		return { e1, e2 };
	}

	it.each([
		['anyChange', ['n1', 'e1', 'e2', 'n2'], ['n1'], ['e1']],
		['created', ['n1', 'n2'], [], []],
		// n2's edit 5 ms after its creation is part of the creation (SAME_CHANGE_MS).
		['updated', ['e1'], ['n1'], []],
		['stateChanged', ['e2'], [], ['e1']],
	])(
		'emits each change once, oldest first, as the task is now, for %s',
		async (event, first, second, third) => {
			const { e1, e2 } = await history();
			const trigger = cotalker.activate(event);

			// First activation: what exists is not news.
			expect(await trigger.poll()).toBeNull();

			cotalker.tick(10);
			const [n1] = cotalker.create(PROJECTS, 'New 1');
			cotalker.tick(1);
			await cotalker.update(e1, { name: 'Existing 1, renamed' });
			cotalker.tick(1);
			await cotalker.move(e2);
			cotalker.tick(1);
			const [n2] = cotalker.create(PROJECTS, 'New 2');
			cotalker.tickMs(5);
			await cotalker.update(n2, { info: 'Edited right away' });
			const ids: Record<string, string> = { e1, e2, n1, n2 };
			const now = (names: string[]) => names.map((name) => cotalker.task(ids[name]));
			const expectPoll = async (names: string[]) =>
				expect(await trigger.poll()).toEqual(names.length ? now(names) : null);

			await expectPoll(first);
			// Nothing changed: nothing emitted.
			cotalker.tick(20);
			await expectPoll([]);

			// An edit of a new task; then a state move and an edit in the same request.
			cotalker.tick(5);
			await cotalker.update(n1, { info: 'Called back' });
			await expectPoll(second);
			cotalker.tick(300);
			trigger.restart();
			await cotalker.move(e1);
			await expectPoll(third);

			expect(await trigger.poll()).toBeNull();
			trigger.restart();
			expect(await trigger.poll()).toBeNull();
		},
	);

	it.each([
		['anyChange', 500, ['moved']],
		['updated', 500, []],
		['stateChanged', 500, ['moved']],
		['anyChange', 1000, ['moved']],
		['updated', 1000, ['moved']],
		['stateChanged', 1000, ['moved']],
	])(
		'%s: an edit %d ms after a state move, both before the poll',
		async (event, afterMs, expected) => {
			const [task] = cotalker.create(PROJECTS, 'Task');
			const trigger = cotalker.activate(event);
			expect(await trigger.poll()).toBeNull();
			cotalker.tick(5);
			await cotalker.move(task);
			cotalker.tickMs(afterMs);
			await cotalker.update(task, { info: 'Noted' });
			expect(await trigger.poll()).toEqual(expected.length ? [cotalker.task(task)] : null);
			expect(await trigger.poll()).toBeNull();
		},
	);

	it.each([
		['anyChange', ['new', 'moved']],
		['created', ['new', 'moved']],
		['updated', []],
		['stateChanged', ['moved']],
	])(
		'%s: a creation stamped like the docs sample (state +14 ms, modified +75 ms) is no state move or edit',
		async (event, expected) => {
			const trigger = cotalker.activate(event);
			expect(await trigger.poll()).toBeNull();
			cotalker.tick(5);
			const [created] = cotalker.create(PROJECTS, 'API TASK!');
			const [moved] = cotalker.create(PROJECTS, 'Moved a second later');
			// Cotalker's create sample: createdAt .313, modifiedStateAt .327, modifiedAt .388.
			for (const id of [created, moved]) {
				const task = cotalker.sandbox.state.tasks.get(id)!;
				const createdAt = Date.parse(task.createdAt);
				task.modifiedStateAt = new Date(createdAt + 14).toISOString();
				task.modifiedAt = new Date(createdAt + 75).toISOString();
			}
			cotalker.tickMs(1000);
			await cotalker.move(moved);
			const ids: Record<string, string> = { new: created, moved };
			expect(await trigger.poll()).toEqual(
				expected.length ? expected.map((name) => cotalker.task(ids[name])) : null,
			);
			expect(await trigger.poll()).toBeNull();
		},
	);

	it.each([
		['anyChange', true],
		['updated', true],
		['created', false],
		['stateChanged', false],
	])('%s: a deactivated task (Delete in Cotalker) is reported: %s', async (event, reported) => {
		const [task] = cotalker.create(PROJECTS, 'To deactivate');
		const trigger = cotalker.activate(event);
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(5);
		await cotalker.update(task, { isActive: false });
		const items = await trigger.poll();
		expect(items).toEqual(reported ? [cotalker.task(task)] : null);
		if (items) expect(items[0].isActive).toBe(false);
		expect(await trigger.poll()).toBeNull();
	});

	it('keeps a small state: a cursor per task group and the changes of its overlap', async () => {
		cotalker.create(PROJECTS, 'Existing');
		cotalker.tick(10);
		const trigger = cotalker.activate('anyChange', [PROJECTS, SUPPORT]);
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(10);
		const [a] = cotalker.create(SUPPORT, 'Ticket');
		expect(idsOf(await trigger.poll())).toEqual([a]);
		expect(trigger.state).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				[PROJECTS]: {
					cursor: iso(0),
					seen: { [iso(0)]: expect.any(String) },
					versions: { at: iso(0), fingerprints: expect.any(Object) },
				},
				[SUPPORT]: {
					cursor: iso(20_000),
					seen: { [iso(20_000)]: a },
					versions: {
						at: iso(20_000),
						fingerprints: { [a]: expect.stringMatching(/^[0-9a-f]{8}$/) },
					},
				},
			},
		});
		expect(JSON.stringify(trigger.state)).not.toContain('sandbox-cotalker-token');
	});

	it('watches several task groups, and only the tasks of the assignee filtered on', async () => {
		const trigger = cotalker.activate('anyChange', [PROJECTS, SUPPORT], {
			assignee: { __rl: true, mode: 'list', value: USER_IDS.ana },
		});
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(5);
		const [p1] = cotalker.create(PROJECTS, { name: 'For Ana', assignee: USER_IDS.ana });
		cotalker.tick(1);
		const [p2] = cotalker.create(PROJECTS, { name: 'For Bruno', assignee: USER_IDS.bruno });
		cotalker.tick(1);
		const [s1] = cotalker.create(SUPPORT, { name: 'Ticket for Ana', assignee: USER_IDS.ana });
		expect(idsOf(await trigger.poll())).toEqual([p1, s1]);

		// Handed to Ana: now in scope, reported as changed.
		cotalker.tick(5);
		await cotalker.update(p2, { assignee: USER_IDS.ana });
		expect(await trigger.poll()).toEqual([cotalker.task(p2)]);
		expect(await trigger.poll()).toBeNull();
	});

	it('starts afresh from the newest change when its settings or account change', async () => {
		const trigger = cotalker.activate('anyChange');
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(5);
		cotalker.create(PROJECTS, 'Before the edit');

		// Another event: the first poll after the edit emits nothing.
		trigger.reconfigure(triggerParameters('created'));
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(5);
		const [a] = cotalker.create(PROJECTS, 'After the edit');
		expect(idsOf(await trigger.poll())).toEqual([a]);

		// Another token (the same emulator accepts it only as the same user here): starts afresh.
		trigger.useCredentials({
			cotalkerApi: { ...cotalker.credentials().cotalkerApi, admin: false },
		});
		cotalker.tick(5);
		cotalker.create(PROJECTS, 'After the new credential');
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event returns the newest change, read through widening windows, and keeps the state', async () => {
		const [old] = cotalker.create(PROJECTS, 'Old');
		cotalker.tick(3 * 24 * 3600);
		const trigger = cotalker.activate('anyChange');
		expect(await trigger.poll()).toBeNull();
		const state = trigger.state;
		cotalker.clearRequests();

		const { items, staticData } = await fetchTestEvent(
			TRIGGER,
			triggerParameters('anyChange'),
			cotalker.credentials(),
			withTriggerState(state),
		);

		expect(items).toEqual([cotalker.task(old)]);
		expect(staticData).toEqual(withTriggerState(state));
		// The emulator's clock is START + 3 days; this machine's is today: the windows widen until
		// one holds the task, whatever the difference.
		expect(cotalker.listRequests.length).toBeGreaterThanOrEqual(1);
		expect(cotalker.listRequests.at(-1)).toMatch(
			/^\/api\/v2\/task-groups\/[0-9a-f]{24}\/tasks\?isActive=all&/,
		);
	});

	it('first activation finds the newest change through the windows of the last hour, day, week, then one more read', async () => {
		// A Cotalker on this machine's clock, whose last change was three days ago.
		await cotalker.close();
		cotalker = await CotalkerForTrigger.start({ now: () => new Date() });
		cotalker.tick(-3 * 24 * 3600);
		const [old] = cotalker.create(PROJECTS, 'Old');
		cotalker.tick(3 * 24 * 3600);
		const trigger = cotalker.activate('anyChange');
		cotalker.clearRequests();
		expect(await trigger.poll()).toBeNull();
		const since = (url: string) => new URL(url, 'http://x').searchParams.get('modifiedAt_gte');
		const ages = cotalker.listRequests.map((url) => Date.now() - Date.parse(since(url)!));
		const HOUR = 3_600_000;
		expect(ages).toHaveLength(4);
		[HOUR, 24 * HOUR, 7 * 24 * HOUR].forEach((span, index) => {
			expect(Math.abs(ages[index] - span)).toBeLessThan(60_000);
		});
		expect(since(cotalker.listRequests[3])).toBe(
			new Date(Date.parse(cotalker.task(old).modifiedAt) - 120_000).toISOString(),
		);
		// Cotalker's answers are dated (its clock, whole seconds): a read that saw everything also
		// reached that Date less two minutes, past the old change, which leaves the state.
		const stream = (trigger.state?.streams as IDataObject)[PROJECTS] as IDataObject;
		expect(Math.abs(Date.parse(String(stream.cursor)) - (Date.now() - 120_000))).toBeLessThan(
			5_000,
		);
		expect(stream).toEqual({ cursor: expect.stringMatching(/:\d\d\.000Z$/), seen: {} });
	});

	it.each([
		[{ taskGroups: { group: [] } }, 'Invalid value for "Task Groups": add at least one task group'],
		[
			{ taskGroups: { group: [{ taskGroup: { __rl: true, mode: 'id', value: 'not-an-id' } }] } },
			'Invalid value for "Task Groups": Enter an ObjectId (24 hexadecimal characters)',
		],
		[
			{ filters: { assignee: { __rl: true, mode: 'id', value: '123' } } },
			'Invalid value for "Assignee"',
		],
	])('refuses bad settings before any request (%#)', async (parameters, message) => {
		const trigger = cotalker.activate('anyChange');
		trigger.reconfigure({ ...triggerParameters('anyChange'), ...parameters });
		await expect(trigger.poll()).rejects.toThrow(message);
		expect(cotalker.requests).toEqual([]);
	});

	it('reads the window of each task group from its cursor minus two minutes', async () => {
		const [a] = cotalker.create(PROJECTS, 'A');
		const trigger = cotalker.activate('anyChange');
		expect(await trigger.poll()).toBeNull();
		cotalker.clearRequests();
		cotalker.tick(60);
		expect(await trigger.poll()).toBeNull();
		expect(cotalker.listRequests).toEqual([windowUrl(PROJECTS, iso(-120_000))]);
		void a;
	});
});

/** The trigger's pickers: the editor lists task groups and users through the trigger node. */
describe('Cotalker Trigger › pickers', () => {
	let cotalker: CotalkerForTrigger;
	closeEveryCotalker();
	beforeEach(async () => {
		cotalker = await CotalkerForTrigger.start();
	});

	it('lists the task groups and the users to pick', async () => {
		const { context, nodeType } = loadOptionsContext(
			TRIGGER,
			triggerParameters('anyChange'),
			cotalker.credentials(),
		);
		const groups = await nodeType.methods!.listSearch!.searchTaskGroups.call(context);
		expect(groups.results.map((result) => result.value)).toEqual(
			expect.arrayContaining([PROJECTS, SUPPORT]),
		);
		const users = await nodeType.methods!.listSearch!.searchUsers.call(context);
		expect(users.results.map((result) => result.value)).toEqual(
			expect.arrayContaining([USER_IDS.ana, USER_IDS.bruno]),
		);
	});
});
