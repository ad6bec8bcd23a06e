import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { AUTH_HEADERS, BASE_URL, TRIGGER, copperCredentials } from './credentials';
import {
	CopperForTrigger,
	asEmitted,
	newestBody,
	pickedUser,
	readBody,
	searchBody,
	triggerParameters,
} from './trigger-sandbox';

/**
 * The Copper trigger over a sequence of polls: first activation, creates and updates each emitted
 * once and oldest first for each event, the filters in every search, and filters refused before
 * any request.
 */
describe('Copper Trigger › polls', () => {
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

	/** What each event emits from the same history: its expected IDs per poll. */
	it.each([
		['created', { first: ['n1', 'n2'], second: [], third: ['n3'], fourth: [] }],
		['updated', { first: ['e1'], second: ['n1'], third: ['e2'], fourth: ['n3'] }],
		[
			'createdOrUpdated',
			{ first: ['n1', 'e1', 'n2'], second: ['n1'], third: ['e2', 'n3'], fourth: ['n3'] },
		],
	])('emits each change of a sequence once, oldest first, for %s', async (event, expected) => {
		const [e1, e2] = copper.create('Existing 1', 'Existing 2');
		copper.tick(30);
		const trigger = copper.activate(event);

		// First activation: what exists is not news, but the trigger remembers where it stands.
		expect(await trigger.poll()).toBeNull();
		const stream = event === 'created' ? 'date_created' : 'date_modified';
		const existing = new Date((copper.nowSeconds - 30) * 1000).toISOString();
		// createdOrUpdated also keeps a fingerprint of each task at the newest second listed (here the
		// cursor's), so that a change within that very second is still news; Created's times never move, and Updated
		// saw no update yet.
		const fingerprint = expect.stringMatching(/^[0-9a-f]{8}$/);
		expect(trigger.state?.streams).toEqual({
			[stream]: {
				cursor: existing,
				seen: event === 'updated' ? {} : { [existing]: `${e1}..${e2}` },
				...(event === 'createdOrUpdated'
					? { versions: { at: existing, fingerprints: { [e1]: fingerprint, [e2]: fingerprint } } }
					: {}),
			},
		});

		// A creation, an update of an older task, another creation: a second apart each.
		copper.tick(40);
		const [n1] = copper.create('New 1');
		copper.tick(1);
		await copper.update(e1, { status: 'Completed' });
		copper.tick(1);
		const [n2] = copper.create('New 2');
		const ids: Record<string, number> = { e1, e2, n1, n2 };
		const items = (names: string[]) => names.map((name) => copper.emitted(ids[name]));
		expect(await trigger.poll()).toEqual(expected.first.length ? items(expected.first) : null);

		// Nothing changed: nothing emitted.
		copper.tick(20);
		expect(await trigger.poll()).toBeNull();

		// A new task's first update is an update; a creation is never one.
		copper.tick(5);
		await copper.update(n1, { details: 'Called back' });
		expect(await trigger.poll()).toEqual(expected.second.length ? items(expected.second) : null);

		// Past the overlap window, a restart, then an update and a creation in the same second.
		copper.tick(300);
		trigger.restart();
		await copper.update(e2, { priority: 'High' });
		[ids.n3] = copper.create('New 3');
		expect(await trigger.poll()).toEqual(expected.third.length ? items(expected.third) : null);

		// Changed twice between polls: emitted once, as it is now (not for Created).
		copper.tick(7);
		await copper.update(ids.n3, { details: 'First' });
		copper.tick(1);
		await copper.update(ids.n3, { details: 'Second' });
		const fourth = await trigger.poll();
		expect(fourth).toEqual(expected.fourth.length ? items(expected.fourth) : null);
		if (fourth) expect(fourth[0].details).toBe('Second');

		expect(await trigger.poll()).toBeNull();
		trigger.restart();
		expect(await trigger.poll()).toBeNull();
		expect(copper.requests.filter((request) => !request.endsWith('/tasks/search'))).toEqual(
			[e1, n1, e2, ids.n3, ids.n3].map((id) => `PUT /developer_api/v1/tasks/${id}`),
		);
	});

	it('emits full records with a readable ISO copy of every date', async () => {
		const trigger = copper.activate('created');
		expect(await trigger.poll()).toBeNull();
		copper.tick(10);
		const [id] = copper.create({ name: 'Call Ada', due_date: 1773216000, tags: ['vip'] });

		const [item] = (await trigger.poll()) ?? [];

		const stamp = copper.nowSeconds;
		const iso = new Date(stamp * 1000).toISOString();
		expect(item).toEqual({
			id,
			name: 'Call Ada',
			related_resource: { id: null, type: null },
			assignee_id: null,
			due_date: 1773216000,
			reminder_date: null,
			completed_date: null,
			priority: 'None',
			status: 'Open',
			details: null,
			tags: ['vip'],
			custom_fields: expect.any(Array),
			date_created: stamp,
			date_modified: stamp,
			due_date_iso: '2026-03-11T08:00:00.000Z',
			reminder_date_iso: null,
			completed_date_iso: null,
			date_created_iso: iso,
			date_modified_iso: iso,
		});
		expect(item).toEqual(asEmitted(copper.sandbox.getTask(id)!));
	});

	it('sends the filters in every search of every poll, reads the matching tasks again by ID, and reports only those', async () => {
		const ada = 137659;
		const [match] = copper.create({ name: 'Ada, VIP', assignee_id: ada, tags: ['vip'] });
		copper.create({ name: 'Olive, VIP', assignee_id: 137658, tags: ['vip'] });
		const trigger = copper.activate('createdOrUpdated', {
			assignee: pickedUser(String(ada)),
			status: 'Open',
			tags: 'vip, renewal',
		});
		const filters = { assignee_ids: [ada], statuses: ['Open'], tags: ['vip', 'renewal'] };
		const start = copper.nowSeconds;

		expect(await trigger.poll()).toBeNull();
		copper.tick(60);
		const [renewal] = copper.create({ name: 'Ada, renewal', assignee_id: ada, tags: ['Renewal'] });
		copper.create({ name: 'Ada, no tag', assignee_id: ada });
		copper.create({ name: 'Ada, VIP, done', assignee_id: ada, tags: ['vip'], status: 'Completed' });
		copper.create({ name: 'Grace, VIP', assignee_id: 137660, tags: ['vip'] });
		expect(await trigger.poll()).toEqual([copper.emitted(renewal)]);
		copper.tick(60);
		await copper.update(match, { details: 'Changed' });
		expect(await trigger.poll()).toEqual([copper.emitted(match)]);

		// Each change listed is read again by ID, with the filters: a task that no longer matches
		// them is not emitted.
		expect(copper.searches).toEqual([
			newestBody('date_modified', filters),
			searchBody('date_modified', start - 120, 1, filters),
			searchBody('date_modified', start - 120, 1, filters),
			readBody([renewal], filters),
			searchBody('date_modified', start + 60 - 120, 1, filters),
			readBody([match], filters),
		]);
	});
});

/** The exact requests of a trigger's first polls, as nock sees them (headers included). */
describe('Copper Trigger › requests', () => {
	const T = 1773129600; // 2026-03-10T08:00:00Z
	const task = (id: number, created: number, modified = created) => ({
		id,
		name: `Task ${id}`,
		status: 'Open',
		date_created: created,
		date_modified: modified,
	});
	const activate = (event: string, filters = {}) =>
		new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters(event, filters),
			credentials: copperCredentials,
		});
	const copperApi = () => nock(BASE_URL, { reqheaders: AUTH_HEADERS });
	/** A search body as nock matches it: deep-equal, nothing more or less. */
	const exactly = (body: IDataObject) => body as nock.DataMatcherMap;

	it('starts from the newest change, then searches from the cursor minus two minutes and reads the changes by ID', async () => {
		const filters = { assignee_ids: [42], tags: ['vip'] };
		const scope = copperApi()
			.post('/tasks/search', exactly(newestBody('date_created', filters)))
			.reply(200, [task(7, T), task(6, T - 50)], { 'X-PW-TOTAL': '2' })
			.post('/tasks/search', exactly(searchBody('date_created', T - 120, 1, filters)))
			.reply(200, [task(6, T - 50), task(7, T)], { 'X-PW-TOTAL': '2' })
			.post('/tasks/search', exactly(searchBody('date_created', T - 120, 1, filters)))
			.reply(200, [task(6, T - 50), task(7, T), task(8, T + 1), task(9, T + 1, T + 5)], {
				'X-PW-TOTAL': '4',
			})
			// The two new tasks read again by ID, in the order of their changes, with the filters.
			.post('/tasks/search', exactly({ ...filters, ids: [8, 9], page_number: 1, page_size: 2 }))
			.reply(200, [task(9, T + 1, T + 5), task(8, T + 1)], { 'X-PW-TOTAL': '2' })
			.post('/tasks/search', exactly(searchBody('date_created', T + 1 - 120, 1, filters)))
			.reply(200, [task(7, T), task(8, T + 1), task(9, T + 1, T + 5)], { 'X-PW-TOTAL': '3' });
		const trigger = activate('created', { assignee: pickedUser('42'), tags: ' vip ' });

		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toEqual([
			asEmitted(task(8, T + 1)),
			asEmitted(task(9, T + 1, T + 5)),
		]);
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(scope);
	});

	it('refuses an assignee that is not an ID, naming the filter, before any request', async () => {
		const trigger = activate('createdOrUpdated', {
			assignee: { __rl: true, mode: 'id', value: 'abc' },
		});

		await expect(trigger.poll()).rejects.toThrow(/"Assignee"/);
		await expect(trigger.poll()).rejects.toThrow(
			'Invalid value for "Assignee": Enter a numeric ID, e.g. 1234, or pick a user from the list',
		);
		expectNoRequests();
		expect(trigger.state).toBeUndefined();
	});

	it('refuses a status that is not one of the options, naming the filter', async () => {
		const trigger = activate('updated', { status: 'Done' });

		await expect(trigger.poll()).rejects.toThrow(/"Status"/);
		expectNoRequests();
		expect(trigger.state).toBeUndefined();
	});
});
