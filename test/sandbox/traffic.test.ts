/**
 * The controls every emulator shares for benchmarks (traffic.ts, control.ts): the latency added
 * to each vendor answer, and the count of requests served, which goes on past the log's cap.
 * One table of the four emulators, each with a cheap authenticated read of its tasks.
 */
import nock from 'nock';

import { COPPER_API_KEY, COPPER_USER_EMAIL, createCopperSandbox } from './copper';
import { FIRST_TASK_ID as FIRST_COPPER_TASK } from './copper/seed';
import { COTALKER_TOKEN, createCotalkerSandbox, TASK_GROUP_IDS } from './cotalker';
import type { RunningServer } from './http';
import { createNexudusSandbox, NEXUDUS_ADMIN_EMAIL, NEXUDUS_ADMIN_PASSWORD } from './nexudus';
import { createOnlyofficeSandbox, ONLYOFFICE_PASSWORD, ONLYOFFICE_USER_NAME } from './onlyoffice';
import { MAX_LOGGED_REQUESTS, routeOf } from './traffic';

interface Emulator {
	state: { requests: unknown[] };
	start(port?: number): Promise<RunningServer>;
	setLatency(ms: number): void;
	reset(): void;
}

interface Vendor {
	name: string;
	create(): Emulator;
	/** A read of the tasks: its path and the headers it needs (signing in first if need be). */
	read(url: string): Promise<{ path: string; headers: Record<string, string> }>;
	/** The read's route in the count. */
	route: string;
}

const VENDORS: Vendor[] = [
	{
		name: 'Copper',
		create: () => createCopperSandbox(),
		read: async () => ({
			path: `/developer_api/v1/tasks/${FIRST_COPPER_TASK}`,
			headers: {
				'X-PW-AccessToken': COPPER_API_KEY,
				'X-PW-Application': 'developer_api',
				'X-PW-UserEmail': COPPER_USER_EMAIL,
			},
		}),
		route: 'GET /developer_api/v1/tasks/{id}',
	},
	{
		name: 'ONLYOFFICE',
		create: () => createOnlyofficeSandbox(),
		read: async (url) => {
			const signIn = await fetch(`${url}/api/2.0/authentication.json`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD }),
			});
			const { response } = (await signIn.json()) as { response: { token: string } };
			return {
				path: '/api/2.0/crm/task/filter.json?count=1',
				headers: { Authorization: response.token },
			};
		},
		route: 'GET /api/2.0/crm/task/filter.json',
	},
	{
		name: 'Cotalker',
		create: () => createCotalkerSandbox(),
		read: async () => ({
			path: `/api/v2/task-groups/${TASK_GROUP_IDS.projects}/tasks?limit=1`,
			headers: { Authorization: `Bearer ${COTALKER_TOKEN}`, Admin: 'true' },
		}),
		route: 'GET /api/v2/task-groups/{id}/tasks',
	},
	{
		name: 'Nexudus',
		create: () => createNexudusSandbox(),
		read: async () => ({
			path: '/api/crm/coworkertasks?size=1',
			headers: {
				Authorization: `Basic ${Buffer.from(`${NEXUDUS_ADMIN_EMAIL}:${NEXUDUS_ADMIN_PASSWORD}`).toString('base64')}`,
			},
		}),
		route: 'GET /api/crm/coworkertasks',
	},
];

describe.each(VENDORS)('$name sandbox › latency and request count', (vendor) => {
	let sandbox: Emulator;
	let server: RunningServer;
	let read: () => Promise<Response>;
	const control = async (path: string, method = 'POST') =>
		await fetch(`${server.url}/__sandbox/${path}`, { method });
	/** How long an answer takes, in ms, and its status. */
	const timed = async (request: () => Promise<Response>) => {
		const started = performance.now();
		const response = await request();
		await response.arrayBuffer();
		return { ms: performance.now() - started, status: response.status };
	};

	beforeAll(() => {
		// test/helpers/setup.ts disables real connections for nock; the sandbox is loopback-only.
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		sandbox = vendor.create();
		server = await sandbox.start(0);
		const { path, headers } = await vendor.read(server.url);
		read = async () => await fetch(`${server.url}${path}`, { headers });
		await control('requests', 'DELETE');
	});
	afterEach(async () => {
		await server.close();
	});

	it('delays every vendor answer by the latency set, never a control, until it is set to 0', async () => {
		const set = await control('latency?ms=150');
		expect(await set.json()).toEqual({ ok: true, latencyMs: 150 });
		for (let attempt = 0; attempt < 3; attempt++) {
			const answer = await timed(read);
			expect(answer.status).toBe(200);
			expect(answer.ms).toBeGreaterThanOrEqual(150);
		}
		expect((await timed(async () => await control('requests?count=true', 'GET'))).ms).toBeLessThan(
			150,
		);
		expect(await (await control('latency?ms=0')).json()).toEqual({ ok: true, latencyMs: 0 });
		expect((await timed(read)).ms).toBeLessThan(150);
	});

	it('has the same latency in-process (setLatency), and forgets it on reset', async () => {
		sandbox.setLatency(120);
		expect((await timed(read)).ms).toBeGreaterThanOrEqual(120);
		sandbox.reset();
		expect((await timed(read)).ms).toBeLessThan(120);
	});

	it('refuses a latency that is not a number of milliseconds, 0 or more', async () => {
		for (const query of ['latency', 'latency?ms=-5', 'latency?ms=soon']) {
			const answer = await control(query);
			expect(answer.status).toBe(400);
			expect(await answer.json()).toEqual({ error: 'latency needs ms=<milliseconds, 0 or more>' });
		}
		expect((await control('latency?ms=10', 'GET')).status).toBe(405);
	});

	it('counts every request served past the log cap, by route, until the log is cleared', async () => {
		const total = MAX_LOGGED_REQUESTS + 25;
		for (let sent = 0; sent < total; sent++) expect((await read()).status).toBe(200);
		await fetch(`${server.url}/elsewhere`);
		const count = await (await control('requests?count=true', 'GET')).json();
		// The control requests are not counted; a path outside the vendor API is not either.
		expect(count).toEqual({ count: total, byRoute: { [vendor.route]: total } });
		expect(sandbox.state.requests).toHaveLength(MAX_LOGGED_REQUESTS);
		expect(await (await control('requests', 'DELETE')).json()).toEqual([]);
		expect(await (await control('requests?count=true', 'GET')).json()).toEqual({
			count: 0,
			byRoute: {},
		});
	});
});

describe('routeOf', () => {
	it.each([
		[
			'GET',
			'/api/v2/task-groups/6a1e00000f00000000000001/tasks?page=2',
			'GET /api/v2/task-groups/{id}/tasks',
		],
		['PUT', '/api/2.0/crm/task/1201/close', 'PUT /api/2.0/crm/task/{id}/close'],
		['POST', '/developer_api/v1/tasks/search', 'POST /developer_api/v1/tasks/search'],
		['GET', '/api/x/7a3c0b9e-0000-4000-8000-000000000001', 'GET /api/x/{id}'],
	])('%s %s is %s', (method, url, route) => {
		expect(routeOf(method, url)).toBe(route);
	});
});
