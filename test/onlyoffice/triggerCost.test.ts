import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { API_URL, passwordCredentials, STORED_TOKEN, TRIGGER } from './credentials';
import {
	CALL,
	idsOf,
	MIKE,
	OLGA,
	OnlyofficeForTrigger,
	PAGE,
	picked,
	pollRequests,
	triggerParameters,
} from './trigger-sandbox';

/**
 * What a poll costs: one list request per 500 tasks in scope, every poll (ONLYOFFICE tasks have
 * no change time); and what the state costs: the IDs in scope as runs plus 6 characters a task.
 */
describe('ONLYOFFICE Trigger › cost and bounds', () => {
	let portal: OnlyofficeForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		portal = await OnlyofficeForTrigger.start();
	});
	afterEach(async () => {
		await portal.stop();
		expect(portal.hookErrors).toEqual([]);
	});

	const stateSize = (trigger: ActivePollTrigger) => JSON.stringify(trigger.state).length;

	it.each([
		[0, 1],
		[499, 1],
		[500, 1],
		[501, 2],
		[1000, 2],
		[1001, 3],
		[5000, 10],
	])(
		'%i tasks in scope: %i list requests a poll, every poll, changed or not',
		async (tasks, requests) => {
			portal.generate(tasks);
			const trigger = portal.activate('updated', {}, await portal.signedIn());
			expect(await trigger.poll()).toBeNull();
			expect(await trigger.poll()).toBeNull();
			if (tasks > 0) portal.edit(1201, { title: 'Changed' });
			expect(idsOf(await trigger.poll())).toEqual(tasks > 0 ? [1201] : null);
			expect(portal.requests).toEqual([
				...pollRequests(tasks),
				...pollRequests(tasks),
				...pollRequests(tasks),
			]);
			expect(pollRequests(tasks)).toHaveLength(requests);
		},
	);

	it.each([
		// tasks in scope, their IDs, the fingerprints' length, the whole state as JSON (measured)
		[1000, 'consecutive', 6000, 6166],
		[5000, 'consecutive', 30000, 30166],
		[1000, 'every 3rd (one responsible of three)', 6000, 11155],
	])(
		'state for %i tasks in scope (%s IDs): 6 characters a task plus the IDs',
		async (tasks, kind, fingerprints, size) => {
			const every3rd = kind !== 'consecutive';
			portal.generate(every3rd ? tasks * 3 : tasks);
			const trigger = portal.activate(
				'created',
				every3rd ? { responsible: picked(OLGA) } : {},
				await portal.signedIn(),
			);
			expect(await trigger.poll()).toBeNull();
			const state = trigger.state as IDataObject;
			expect((state.fingerprints as string).length).toBe(fingerprints);
			const ids = state.ids as string;
			const overhead = stateSize(trigger) - fingerprints - ids.length;
			// The IDs: one run for consecutive ones; else each ID and a comma.
			expect(ids).toBe(
				every3rd
					? Array.from({ length: tasks }, (_, index) => 1201 + 3 * index).join(',')
					: `1201..${1200 + tasks}`,
			);
			// Besides: the configuration digest, the newest creation (time and ID) and the portal's time
			// of the poll, ~160 characters.
			expect(overhead).toBeLessThan(180);
			expect(stateSize(trigger)).toBe(size);
		},
	);

	it('a 503 inside a poll is waited out (Retry-After) and the page asked again', async () => {
		portal.generate(1200);
		const trigger = portal.activate('closed', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		portal.close(1201);
		portal.clearRequests();
		const page2 = portal.listCount + 1;
		portal.beforeList = (index) => {
			if (index === page2) portal.sandbox.throttleNext(1, 0);
		};
		expect(idsOf(await trigger.poll())).toEqual([1201]);
		const [first, second, third] = pollRequests(1200);
		expect(portal.requests).toEqual([first, second, second, third]);
		expect(portal.sandbox.state.requests.map((request) => request.status)).toEqual([
			200, 503, 200, 200,
		]);
	});

	it('a token that expires during a poll is renewed (sign in, the page again)', async () => {
		portal.generate(1200);
		const trigger = portal.activate('closed', {}, await portal.signedIn());
		expect(await trigger.poll()).toBeNull();
		portal.close(1201);
		portal.clearRequests();
		const page2 = portal.listCount + 1;
		portal.beforeList = (index) => {
			if (index === page2) portal.sandbox.expireTokens();
		};
		expect(idsOf(await trigger.poll())).toEqual([1201]);
		const [first, second, third] = pollRequests(1200);
		// The 401 is sent once more in the form that lets n8n renew the token (request.ts sendOnce).
		expect(portal.requests).toEqual([
			first,
			second,
			second,
			'POST /api/2.0/authentication',
			second,
			third,
		]);
		expect(portal.sandbox.state.requests.map((request) => request.status)).toEqual([
			200, 401, 401, 201, 200, 200,
		]);
		const tokens = portal.sandbox.state.requests.map((request) => request.authorization);
		expect(tokens[1]).toBe(tokens[0]);
		expect(tokens[2]).toBe(tokens[0]);
		expect(tokens[3]).toBeUndefined();
		expect(tokens[4]).not.toBe(tokens[0]);
		expect(tokens[5]).toBe(tokens[4]);
		// The test's own sign-in (signedIn) and the trigger's.
		expect(portal.sandbox.snapshot()).toMatchObject({ signIns: 2 });
	});
});

/** The exact requests, on a mocked portal (nock): the headers, the query, and refusals before any. */
describe('ONLYOFFICE Trigger › exact requests', () => {
	const task = (id: number) => ({
		id,
		created: '2026-03-01T10:00:00.0000000+03:00',
		title: `Task ${id}`,
		deadLine: '2026-03-20T00:00:00.0000000+03:00',
		responsible: { id: MIKE },
		category: { id: CALL },
		canEdit: true,
	});
	const envelope = (tasks: IDataObject[], startIndex: number, total: number) => ({
		count: tasks.length,
		startIndex,
		...(tasks.length === PAGE ? { nextIndex: startIndex + PAGE } : {}),
		total,
		status: 0,
		statusCode: 200,
		response: tasks,
	});

	it('GET /crm/task/filter with the filters, deadLine ascending, startIndex/count; raw token; JSON', async () => {
		const page = (startIndex: number, count: number) =>
			Array.from({ length: count }, (_, index) => task(1 + startIndex + index));
		const scope = nock(API_URL, {
			reqheaders: {
				authorization: STORED_TOKEN,
				accept: 'application/json',
			},
		});
		for (const [startIndex, count] of [
			[0, PAGE],
			[PAGE, 1],
		]) {
			scope
				.get('/crm/task/filter')
				.query({
					responsibleid: MIKE,
					categoryid: String(CALL),
					sortBy: 'deadLine',
					sortOrder: 'ascending',
					startIndex: String(startIndex),
					count: String(PAGE),
				})
				.reply(200, envelope(page(startIndex, count), startIndex, PAGE + 1));
		}
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('created', {
				responsible: picked(MIKE),
				category: picked(String(CALL)),
			}),
			credentials: passwordCredentials,
		});
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(scope);
		expect(trigger.state?.ids).toBe('1..501');
	});

	/**
	 * A portal of `total` tasks (IDs 1..total) answering every page the trigger asks for, dated as
	 * a portal's answers are (the state then keeps the time of the poll).
	 */
	function portalOf(total: number, requests: string[]) {
		const scope = nock(API_URL).persist();
		scope.on('request', (request: { path: string }) => requests.push(request.path));
		scope
			.get('/crm/task/filter')
			.query(true)
			.reply(
				200,
				(uri) => {
					const query = new URL(uri, API_URL).searchParams;
					const startIndex = Number(query.get('startIndex'));
					const count = Math.max(0, Math.min(PAGE, total - startIndex));
					const tasks = Array.from({ length: count }, (_, index) => task(startIndex + index + 1));
					return envelope(tasks, startIndex, total);
				},
				{ Date: 'Tue, 10 Mar 2026 08:00:00 GMT' },
			);
		return scope;
	}

	it('25,000 tasks in scope: 50 requests a poll, a state of 150,165 characters; 25,001 fail the poll clearly, state kept', async () => {
		const requests: string[] = [];
		portalOf(25_000, requests);
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('created'),
			credentials: passwordCredentials,
		});
		expect(await trigger.poll()).toBeNull();
		expect(requests).toHaveLength(50);
		expect(trigger.state?.ids).toBe('1..25000');
		const size = JSON.stringify(trigger.state).length;
		expect(size).toBe(150_165);
		expect(trigger.state?.polledAt).toBe('2026-03-10T08:00:00.000Z');
		const state = trigger.state;

		nock.cleanAll();
		portalOf(25_001, requests);
		requests.length = 0;
		const failure = await trigger.poll().catch((error: unknown) => error);
		expect(failure).toMatchObject({
			message: 'The trigger watches more than 25,000 records',
			description: 'Narrow it with its filters, so that each poll can compare every record.',
		});
		// It fails at page 51, the one that passes the bound, and keeps the state it had.
		expect(requests).toHaveLength(51);
		expect(requests[50]).toContain('startIndex=25000&count=500');
		expect(trigger.state).toEqual(state);
	});

	it.each([
		['Responsible', { responsible: picked('not-a-user-id') }],
		['Category', { category: picked('call') }],
		['Category', { category: picked(-3) }],
	])(
		'a bad %s filter fails the poll naming the filter, before any request',
		async (name, filters) => {
			const trigger = new ActivePollTrigger({
				type: TRIGGER,
				parameters: triggerParameters('created', filters),
				credentials: passwordCredentials,
			});
			await expect(trigger.poll()).rejects.toThrow(name);
			expectNoRequests();
			expect(trigger.state).toBeUndefined();
		},
	);
});
