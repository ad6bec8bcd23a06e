import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import {
	AUTH_HEADERS,
	BASE_URL,
	TOKEN,
	TRIGGER,
	cotalkerCredentials,
	withoutAdmin,
} from './credentials';
import {
	closeEveryCotalker,
	CotalkerForTrigger,
	idsOf,
	PROJECTS,
	SUPPORT,
	triggerParameters,
	windowQuery,
} from './trigger-sandbox';

/** Times a minute before this machine's now, as a Cotalker with the same clock stamps them. */
const NOW = Math.floor(Date.now() / 1000) * 1000 - 60_000;
const T = (ms: number) => new Date(NOW + ms).toISOString();
const task = (id: string, group: string, modifiedMs: number): IDataObject => ({
	_id: id,
	taskGroup: group,
	name: `Task ${id.slice(-2)}`,
	createdAt: T(0),
	modifiedAt: T(modifiedMs),
	modifiedStateAt: T(0),
});
const A = '6a1e00000100000000000001';
const B = '6a1e00000100000000000002';
const page = (tasks: IDataObject[]) => ({ data: { tasks, count: tasks.length } });

/**
 * The exact requests of the Cotalker trigger (nock): the first activation finds the newest change
 * without a sort (the last hour's window by this machine's clock first), then each poll reads one
 * window page per task group: GET /api/v2/task-groups/{id}/tasks with isActive=all, the window
 * bound, limit=100, page, count=true; the bearer token, and the Admin header as the credential says.
 */
describe('Cotalker Trigger › requests', () => {
	afterEach(() => nock.cleanAll());

	it('a quiet poll sends one request per task group, and the state stays small', async () => {
		const hourAgo = (query: Record<string, unknown>) => {
			const since = Date.parse(String(query.modifiedAt_gte));
			return (
				Math.abs(since - (Date.now() - 3_600_000)) < 60_000 &&
				windowQuery(String(query.modifiedAt_gte)) ===
					new URLSearchParams(query as Record<string, string>).toString()
			);
		};
		const api = nock(BASE_URL, { reqheaders: { ...AUTH_HEADERS, accept: 'application/json' } });
		// First activation: the last hour of each group holds its newest change; then its window.
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(hourAgo)
			.reply(200, page([task(A, PROJECTS, 5000)]));
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(windowQuery(T(5000 - 120_000)))
			.reply(200, page([task(A, PROJECTS, 5000)]));
		api
			.get(`/api/v2/task-groups/${SUPPORT}/tasks`)
			.query(hourAgo)
			.reply(200, page([task(B, SUPPORT, 7000)]));
		api
			.get(`/api/v2/task-groups/${SUPPORT}/tasks`)
			.query(windowQuery(T(7000 - 120_000)))
			.reply(200, page([task(B, SUPPORT, 7000)]));
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('anyChange', [PROJECTS, SUPPORT]),
			credentials: cotalkerCredentials,
		});
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(api);

		// A quiet poll: one window page per group.
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(windowQuery(T(5000 - 120_000)))
			.reply(200, page([task(A, PROJECTS, 5000)]));
		api
			.get(`/api/v2/task-groups/${SUPPORT}/tasks`)
			.query(windowQuery(T(7000 - 120_000)))
			.reply(200, page([task(B, SUPPORT, 7000)]));
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(api);

		const state = JSON.stringify(trigger.state);
		expect(state).not.toContain(TOKEN);
		expect(state.length).toBe(504);
		expect(trigger.state).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				[PROJECTS]: {
					cursor: T(5000),
					seen: { [T(5000)]: A },
					versions: { at: T(5000), fingerprints: { [A]: expect.any(String) } },
				},
				[SUPPORT]: {
					cursor: T(7000),
					seen: { [T(7000)]: B },
					versions: { at: T(7000), fingerprints: { [B]: expect.any(String) } },
				},
			},
		});

		// A change: the same one page, the task emitted as listed.
		const changed = { ...task(A, PROJECTS, 65_000), name: 'Renamed' };
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(windowQuery(T(5000 - 120_000)))
			.reply(200, page([changed]));
		api
			.get(`/api/v2/task-groups/${SUPPORT}/tasks`)
			.query(windowQuery(T(7000 - 120_000)))
			.reply(200, page([task(B, SUPPORT, 7000)]));
		expect(await trigger.poll()).toEqual([changed]);
		expectExactRequests(api);
	});

	it('Created reads the createdAt window; without Admin Access the header is left out', async () => {
		const created = { ...task(A, PROJECTS, 0) };
		const api = nock(BASE_URL, {
			reqheaders: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
			badheaders: ['admin'],
		});
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query((query) => 'createdAt_gte' in query && !('modifiedAt_gte' in query))
			.reply(200, page([created]));
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(windowQuery(T(-120_000), 1, 'createdAt'))
			.reply(200, page([created]));
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('created'),
			credentials: withoutAdmin,
		});
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(api);
	});

	it("fails with Cotalker's message and keeps the state", async () => {
		const api = nock(BASE_URL);
		api
			.get(`/api/v2/task-groups/${PROJECTS}/tasks`)
			.query(true)
			.reply(404, { statusCode: 404, error: 'Not Found', message: 'Task group not found' });
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('anyChange'),
			credentials: cotalkerCredentials,
		});
		await expect(trigger.poll()).rejects.toThrow('Task group not found');
		expect(trigger.state).toEqual({});
		expectExactRequests(api);
		expectNoRequests();
	});
});

/**
 * What polls cost against the emulator, measured: requests per poll for n tasks changed in the
 * window (ceil(n/100), at least one per group, no second read), and the state kept.
 */
describe('Cotalker Trigger › cost', () => {
	let cotalker: CotalkerForTrigger;
	closeEveryCotalker();

	it.each([
		[0, 1, 123],
		[1, 1, 276],
		[99, 1, 6450],
		[100, 1, 6513],
		[101, 2, 6576],
		[250, 3, 15963],
		[1000, 10, 63213],
	])(
		'%d tasks changed in the window: %d requests, %d characters of state',
		async (count, requests, stateSize) => {
			cotalker = await CotalkerForTrigger.start();
			const trigger = cotalker.activate('anyChange');
			expect(await trigger.poll()).toBeNull();
			cotalker.tick(300);
			const burst = cotalker.createMany(PROJECTS, count);
			cotalker.clearRequests();
			const items = await trigger.poll();
			expect(items ?? []).toHaveLength(burst.length);
			expect(cotalker.requests).toHaveLength(requests);
			expect(cotalker.listRequests).toHaveLength(requests);
			// Every change inside the overlap is remembered: about 63 characters a task (ID, and a
			// fingerprint for the newest millisecond).
			const size = JSON.stringify(trigger.state).length;
			expect(size).toBe(stateSize);
			// The window is the two minutes before the newest change, by Cotalker's stamps only: while
			// the burst is the newest change, a quiet poll reads it again (and emits nothing).
			cotalker.tick(180);
			cotalker.clearRequests();
			expect(await trigger.poll()).toBeNull();
			expect(cotalker.requests).toHaveLength(requests);
			// A later change more than two minutes after it: the burst leaves the window and the state.
			const [later] = cotalker.create(PROJECTS, 'Later');
			expect(idsOf(await trigger.poll())).toEqual([later]);
			cotalker.clearRequests();
			expect(await trigger.poll()).toBeNull();
			expect(cotalker.requests).toHaveLength(1);
			expect(JSON.stringify(trigger.state).length).toBe(276);
		},
	);
});

/**
 * A burst with nothing after it: Cotalker dates its answers, so a complete read also reached that
 * Date less two minutes, and the burst leaves the window once a poll's Date is more than four
 * minutes past it. Without a Date header only a later change moves the window on.
 */
describe('Cotalker Trigger › quiet after a burst', () => {
	let cotalker: CotalkerForTrigger;
	closeEveryCotalker();

	async function quietPolls(dated: boolean) {
		cotalker = await CotalkerForTrigger.start();
		cotalker.dated = dated;
		const trigger = cotalker.activate('anyChange');
		expect(await trigger.poll()).toBeNull();
		cotalker.tick(300);
		const burst = cotalker.createMany(PROJECTS, 250);
		expect(await trigger.poll()).toHaveLength(burst.length);
		const requests: number[] = [];
		for (let minute = 1; minute <= 6; minute++) {
			cotalker.tick(60);
			cotalker.clearRequests();
			expect(await trigger.poll()).toBeNull();
			requests.push(cotalker.requests.length);
		}
		return { requests, state: JSON.stringify(trigger.state).length };
	}

	it('dated answers: polls a minute apart read the burst for five minutes, then one request', async () => {
		expect(await quietPolls(true)).toEqual({ requests: [3, 3, 3, 3, 3, 1], state: 123 });
	});

	it('undated answers: every quiet poll reads the burst again', async () => {
		expect(await quietPolls(false)).toEqual({ requests: [3, 3, 3, 3, 3, 3], state: 15963 });
	});
});

/** A Cotalker that answers fewer tasks a page than the trigger asks for (its limit is undocumented). */
describe('Cotalker Trigger › pages capped below 100', () => {
	afterEach(() => nock.cleanAll());

	it('reads on while the total says more, and emits every task once', async () => {
		const first = task(A, PROJECTS, 0);
		const tasks = Array.from({ length: 120 }, (_, index) =>
			task(`6a1e000001000000000${(0x20000 + index).toString(16)}`, PROJECTS, 1000 + index),
		);
		const api = nock(BASE_URL, { reqheaders: AUTH_HEADERS });
		const list = () => api.get(`/api/v2/task-groups/${PROJECTS}/tasks`);
		list()
			.query((query) => query.page === '1' && query.modifiedAt_gte !== T(-120_000))
			.reply(200, page([first]));
		list()
			.query(windowQuery(T(-120_000)))
			.reply(200, page([first]));
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('anyChange'),
			credentials: cotalkerCredentials,
		});
		expect(await trigger.poll()).toBeNull();
		expectExactRequests(api);

		// 121 tasks in the window, 50 a page whatever the limit asked for.
		const window = [first, ...tasks];
		for (const number of [1, 2, 3]) {
			list()
				.query(windowQuery(T(-120_000), number))
				.reply(200, {
					data: { tasks: window.slice((number - 1) * 50, number * 50), count: window.length },
				});
		}
		expect(await trigger.poll()).toEqual(tasks);
		expectExactRequests(api);
	});
});
