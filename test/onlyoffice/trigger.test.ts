import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { fetchTestEvent, withTriggerState } from '../helpers/fetchTestEvent';
import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { TRIGGER } from './credentials';
import {
	CALL,
	idsOf,
	MEETING,
	MIKE,
	NINA,
	OLGA,
	OnlyofficeForTrigger,
	picked,
	pollRequests,
	START,
	triggerParameters,
} from './trigger-sandbox';

type Event = 'created' | 'updated' | 'closed' | 'reopened';

/**
 * The ONLYOFFICE trigger over a sequence of polls against the emulator, with 1,200 tasks in scope
 * (3 pages of 500): creates, edits, closes, reopens and deletes, each reported exactly once, by
 * the one event it is.
 */
describe('ONLYOFFICE Trigger › polls', () => {
	let portal: OnlyofficeForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^(127\.0\.0\.1|localhost):\d+$/);
	});
	beforeEach(async () => {
		portal = await OnlyofficeForTrigger.start();
	});
	afterEach(async () => {
		await portal.stop();
	});

	/** The generated task at `index` (every 4th, index 3, 7, ..., is closed). */
	const generated = (ids: number[], index: number) => ids[index];

	/** The expected items of a poll: the tasks named, as they are now, in the list's order. */
	const items = (ids: number[]) => {
		if (ids.length === 0) return null;
		return portal
			.listOrder()
			.filter((id) => ids.includes(id))
			.map((id) => portal.emitted(id));
	};

	it.each<[Event, Record<'a' | 'b' | 'c', string[]>]>([
		['created', { a: ['n1', 'n2'], b: [], c: ['n3'] }],
		['updated', { a: ['e1', 'e4'], b: ['n1'], c: ['e6'] }],
		['closed', { a: ['e2', 'e4'], b: ['e1'], c: [] }],
		['reopened', { a: ['e3'], b: ['e2'], c: [] }],
	])(
		'reports each %s task exactly once over a sequence of polls across 3 pages',
		async (event, expected) => {
			const ids = portal.generate(1200);
			const named: Record<string, number> = {
				e1: generated(ids, 0), // open, page 1
				e2: generated(ids, 501), // open
				e3: generated(ids, 1003), // closed, the closed tasks come last (page 3)
				e4: generated(ids, 10), // open
				e5: generated(ids, 700), // open, deleted later
				e6: generated(ids, 1100), // open
				e7: generated(ids, 800), // open
			};
			expect(portal.sandbox.getTask(named.e3)?.isClosed).toBe(true);
			const trigger = portal.activate(event, {}, await portal.signedIn());
			const emittedIds: Array<Array<unknown> | null> = [];
			const poll = async (expectedNames: string[]) => {
				const emitted = await trigger.poll();
				emittedIds.push(idsOf(emitted));
				expect(emitted).toEqual(items(expectedNames.map((name) => named[name])));
			};

			// First activation: what exists is not news. Every task is read: 3 pages, nothing else.
			expect(await trigger.poll()).toBeNull();
			expect(portal.requests).toEqual(pollRequests(1200));

			// A: two creations (n2 closed right away), an edit, a close, a reopen, an edit and a close.
			portal.tick(60);
			[named.n1, named.n2] = portal.create('New 1', 'New 2');
			portal.close(named.n2);
			portal.edit(named.e1, { title: 'Edited 1' });
			portal.close(named.e2);
			portal.reopen(named.e3);
			portal.edit(named.e4, { alertValue: 30 });
			portal.close(named.e4);
			await poll(expected.a);

			// Nothing changed: nothing reported.
			portal.tick(60);
			await poll([]);

			// B: the new task's first edit is an update; a close, a reopen; a deletion is no event.
			portal.tick(60);
			portal.edit(named.n1, { description: 'Called back' });
			portal.close(named.e1);
			portal.reopen(named.e2);
			portal.delete(named.e5);
			await poll(expected.b);

			// Across a restart (state saved as JSON and loaded back) nothing is reported again.
			trigger.restart();
			await poll([]);

			// C: edited twice between polls (reported once, as it is now); closed and reopened between
			// polls (no change to report); created and edited between polls (created only).
			portal.tick(60);
			portal.edit(named.e6, { title: 'First' });
			portal.tick(1);
			portal.edit(named.e6, { title: 'Second', responsibleId: NINA, categoryId: MEETING });
			portal.close(named.e7);
			portal.reopen(named.e7);
			[named.n3] = portal.create('New 3');
			portal.edit(named.n3, { description: 'Edited before any poll saw it' });
			await poll(expected.c);

			await poll([]);
			trigger.restart();
			await poll([]);

			// Each task reported at most once by this event over the whole sequence.
			const all = emittedIds.flatMap((list) => list ?? []);
			expect(new Set(all).size).toBe(all.length);
			// Every poll read all pages and nothing more (1,202 tasks, then 1,201 after the deletion).
			expect(portal.listRequests).toHaveLength(3 * 8);
		},
	);

	it('emits the task as the task list answers it, with every field', async () => {
		const trigger = portal.activate('created', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		portal.tick(10);
		const [id] = portal.create({
			title: 'Call Kim',
			description: 'About the renewal',
			responsibleId: MIKE,
			categoryId: CALL,
			contactId: 302,
			entityType: 'opportunity',
			entityId: 402,
			alertValue: 15,
			deadline: '2026-03-12T09:00:00Z',
		});
		const [item] = (await trigger.poll()) ?? [];
		expect(item).toEqual({
			id,
			createBy: expect.objectContaining({ id: OLGA }),
			created: '2026-03-10T11:00:10.0000000+03:00',
			contact: expect.objectContaining({ id: 302 }),
			title: 'Call Kim',
			description: 'About the renewal',
			deadLine: '2026-03-12T12:00:00.0000000+03:00',
			alertValue: 15,
			responsible: expect.objectContaining({ id: MIKE }),
			category: expect.objectContaining({ id: CALL, title: 'Call' }),
			entity: { entityType: 'opportunity', entityId: 402, entityTitle: 'Acme renewal 2027' },
			canEdit: true,
		});
		expect(item).toEqual(portal.emitted(id));
	});

	it('counts a change of any field a user edits as an update, and none of the state', async () => {
		const [id] = portal.create('Task');
		const trigger = portal.activate('updated', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		const edits: IDataObject[] = [
			{ title: 'Renamed' },
			{ description: 'Notes' },
			{ deadLineMs: Date.parse('2026-03-21T12:00:00Z') },
			{ responsibleId: MIKE },
			{ categoryId: MEETING },
			{ contactId: 305 },
			{ entityType: 'case', entityId: 501 },
			{ alertValue: 60 },
		];
		for (const edit of edits) {
			portal.tick(10);
			portal.edit(id, edit);
			expect(idsOf(await trigger.poll())).toEqual([id]);
		}
		portal.close(id);
		expect(await trigger.poll()).toBeNull();
		portal.reopen(id);
		expect(await trigger.poll()).toBeNull();
	});

	describe('a filtered trigger (Responsible: Olga), 3 pages of her 1,100 tasks', () => {
		const olgas = (ids: number[]) => ids.filter((_, index) => index % 3 === 0);
		const mikes = (ids: number[]) => ids.filter((_, index) => index % 3 === 1);
		const filters = { responsible: picked(OLGA) };

		it('sends the filter, and counts a task edited into its scope as updated, not created', async () => {
			const ids = portal.generate(3300);
			const [mikesOpen] = mikes(ids).filter((id) => !portal.sandbox.getTask(id)?.isClosed);
			const [olgasOpen] = olgas(ids).filter((id) => !portal.sandbox.getTask(id)?.isClosed);
			const credentials = await portal.signedIn();
			const created = portal.activate('created', filters, credentials);
			const updated = portal.activate('updated', filters, credentials);
			const closed = portal.activate('closed', filters, credentials);
			const all = [created, updated, closed];
			// One after the other: the three are the same node of the same workflow to the engine.
			const pollAll = async () => {
				const reported = [];
				for (const trigger of all) reported.push(idsOf(await trigger.poll()));
				return reported;
			};
			expect(await pollAll()).toEqual([null, null, null]);
			expect(portal.listRequests).toEqual(
				[0, 1, 2].flatMap(() => pollRequests(1100, { responsibleid: OLGA })),
			);

			// Mike's task handed to Olga: it enters the scope: updated (not created).
			portal.tick(60);
			portal.edit(mikesOpen, { responsibleId: OLGA });
			expect(await pollAll()).toEqual([null, [mikesOpen], null]);

			// Olga's task handed to Nina leaves the scope: no event; handed back, it is updated again.
			portal.tick(60);
			portal.edit(olgasOpen, { responsibleId: NINA });
			expect(await pollAll()).toEqual([null, null, null]);
			portal.tick(60);
			portal.edit(olgasOpen, { responsibleId: OLGA });
			portal.close(olgasOpen);
			expect(await pollAll()).toEqual([null, [olgasOpen], null]);

			// A task created for Mike is none of hers; one created for her is created.
			portal.tick(60);
			const [forMike] = portal.create({ title: 'For Mike', responsibleId: MIKE });
			portal.tick(1);
			const [forOlga] = portal.create({ title: 'For Olga' });
			expect(await pollAll()).toEqual([[forOlga], null, null]);
			expect(forMike).toBeLessThan(forOlga);
			expect(await pollAll()).toEqual([null, null, null]);
		});

		/**
		 * A task created outside the scope AFTER the newest task in scope, and moved into the scope
		 * one or more polls later: it was created before the previous poll (by the portal's Date
		 * header), so it moved in: updated, not created. The newest creation in scope alone would
		 * take it for a new one.
		 */
		it('counts a task created outside the scope after its newest task, moved in a poll later, as updated', async () => {
			portal.generate(30);
			const credentials = await portal.signedIn();
			const created = portal.activate('created', filters, credentials);
			const updated = portal.activate('updated', filters, credentials);
			expect([await created.poll(), await updated.poll()]).toEqual([null, null]);
			portal.tick(60);
			const [forMike] = portal.create({ title: 'For Mike', responsibleId: MIKE });
			expect([await created.poll(), await updated.poll()]).toEqual([null, null]);
			portal.tick(3600);
			portal.edit(forMike, { responsibleId: OLGA });
			expect([idsOf(await created.poll()), idsOf(await updated.poll())]).toEqual([null, [forMike]]);
		});

		it('sends both filters (responsibleid, categoryid) in every page request', async () => {
			portal.generate(100);
			const trigger = portal.activate(
				'created',
				{ responsible: picked(MIKE), category: picked(CALL) },
				await portal.signedIn(),
			);
			expect(await trigger.poll()).toBeNull();
			expect(portal.requests).toEqual(
				pollRequests(1, { categoryid: String(CALL), responsibleid: MIKE }),
			);
		});
	});
});

/**
 * Edits of an active trigger start it afresh; a restart does not; overlapping polls emit and change
 * nothing; Fetch Test Event shows the newest task and leaves the state alone.
 */
describe('ONLYOFFICE Trigger › settings, restarts, overlaps and the test event', () => {
	let portal: OnlyofficeForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^(127\.0\.0\.1|localhost):\d+$/);
	});
	beforeEach(async () => {
		portal = await OnlyofficeForTrigger.start();
		portal.generate(1200);
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('first activation emits nothing and stores the snapshot', async () => {
		const trigger = portal.activate('created', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		expect(trigger.state).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			ids: '1201..2400',
			fingerprints: expect.stringMatching(/^([oc][0-9a-f]{5}){1200}$/),
			newest: { at: new Date(START.getTime() - 1000).toISOString(), id: '2400' },
			// The portal's time of the poll's first page (its Date header).
			polledAt: START.toISOString(),
		});
	});

	it.each<[string, 'created' | 'updated', (trigger: ActivePollTrigger) => Promise<void> | void]>([
		['the event', 'updated', (trigger) => trigger.reconfigure(triggerParameters('updated'))],
		[
			'a filter',
			'created',
			(trigger) => trigger.reconfigure(triggerParameters('created', { category: picked(CALL) })),
		],
		[
			'the credential’s user',
			'created',
			async (trigger) => trigger.useCredentials(await portal.signedIn('mike')),
		],
		[
			'the credential’s portal',
			'created',
			async (trigger) => {
				const credentials = await portal.signedIn();
				credentials.onlyofficeWorkspaceApi.portalUrl = portal.url.replace('127.0.0.1', 'localhost');
				trigger.useCredentials(credentials);
			},
		],
	])(
		'a change of %s starts afresh: the next poll reports nothing',
		async (_what, event, change) => {
			const trigger = portal.activate('created', {}, await portal.signedIn());
			expect(await trigger.poll()).toBeNull();
			const stateBefore = trigger.state;
			// Changes the old settings would report, and the new ones too.
			portal.tick(60);
			const [mine] = portal.create({ title: 'New before the change', categoryId: CALL });
			portal.edit(1201, { title: 'Edited before the change' });
			await change(trigger);
			expect(await trigger.poll()).toBeNull();
			expect(trigger.state?.configuration).not.toEqual(stateBefore?.configuration);
			expect(trigger.state?.newest).toEqual({ at: expect.any(String), id: String(mine) });
			// From then on it reports as usual.
			portal.tick(60);
			if (event === 'updated') {
				portal.edit(mine, { title: 'Edited after the change' });
				expect(idsOf(await trigger.poll())).toEqual([mine]);
			} else {
				const [later] = portal.create({ title: 'Later', categoryId: CALL });
				expect(idsOf(await trigger.poll())).toEqual([later]);
			}
			expect(await trigger.poll()).toBeNull();
		},
	);

	it('restart keeps the snapshot: a change made while n8n was down is reported once', async () => {
		const trigger = portal.activate('closed', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		const state = trigger.state;
		trigger.restart();
		expect(trigger.state).toEqual(state);
		portal.close(1201);
		trigger.restart();
		expect(idsOf(await trigger.poll())).toEqual([1201]);
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
	});

	it('a poll started while one is under way emits nothing, sends nothing and changes nothing', async () => {
		const trigger = portal.activate('created', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		portal.tick(60);
		const [created] = portal.create('New');
		const stateBefore = trigger.state;
		let overlapping: IDataObject[] | null | undefined;
		let requestsDuringOverlap = -1;
		let stateDuringOverlap: IDataObject | undefined;
		portal.beforeList = async (index) => {
			if (index !== 4) return; // page 2 of the second poll
			portal.beforeList = undefined;
			const before = portal.requests.length;
			overlapping = await trigger.poll();
			requestsDuringOverlap = portal.requests.length - before;
			stateDuringOverlap = trigger.state;
		};
		expect(idsOf(await trigger.poll())).toEqual([created]);
		expect(overlapping).toBeNull();
		expect(requestsDuringOverlap).toBe(0);
		expect(stateDuringOverlap).toEqual(stateBefore);
		expect(await trigger.poll()).toBeNull();
	});

	it('Fetch Test Event returns the newest task (in scope) and leaves the state alone', async () => {
		const credentials = await portal.signedIn();
		const trigger = portal.activate('updated', {}, credentials);
		expect(await trigger.poll()).toBeNull();
		portal.tick(60);
		const [newest] = portal.create({ title: 'Newest', responsibleId: MIKE });
		portal.tick(60);
		const [newestOfOlga] = portal.create({ title: 'Newest of Olga', responsibleId: OLGA });
		portal.edit(1201, { title: 'Edited' });
		const staticData = withTriggerState(trigger.state);
		portal.clearRequests();

		const test = await fetchTestEvent(
			TRIGGER,
			triggerParameters('updated'),
			credentials,
			staticData,
		);
		expect(test.items).toEqual([portal.emitted(newestOfOlga)]);
		expect(test.staticData).toEqual(staticData);
		expect(portal.requests).toEqual(pollRequests(1202));

		const filtered = await fetchTestEvent(
			TRIGGER,
			triggerParameters('created', { responsible: picked(MIKE) }),
			credentials,
			staticData,
		);
		expect(filtered.items).toEqual([portal.emitted(newest)]);
		expect(filtered.staticData).toEqual(staticData);

		// The active trigger still reports what changed since its own last poll.
		expect(idsOf(await trigger.poll())).toEqual([1201]);
	});
});
