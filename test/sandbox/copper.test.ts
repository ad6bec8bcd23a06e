import nock from 'nock';

import {
	COPPER_API_KEY,
	COPPER_THROTTLE_MESSAGE,
	COPPER_UNAUTHORIZED_MESSAGE,
	COPPER_USER_EMAIL,
	type CopperSandbox,
	type CopperSandboxOptions,
	createCopperSandbox,
	RELATED_PATHS,
	type RenderedTask,
	type RunningServer,
	SORT_FIELDS,
} from './copper';

const API = '/developer_api/v1';
const HEADERS = {
	'X-PW-AccessToken': COPPER_API_KEY,
	'X-PW-Application': 'developer_api',
	'X-PW-UserEmail': COPPER_USER_EMAIL,
	'Content-Type': 'application/json',
};
const START = new Date('2026-03-10T08:00:00Z');
const START_SECONDS = START.getTime() / 1000;

type Json = Record<string, unknown>;

interface Harness {
	sandbox: CopperSandbox;
	server: RunningServer;
	clock: { current: Date };
	call(
		path: string,
		init?: RequestInit & { json?: unknown; headers?: Record<string, string> },
	): Promise<Response>;
}

async function startHarness(options: CopperSandboxOptions = {}): Promise<Harness> {
	const clock = { current: new Date(START) };
	const sandbox = createCopperSandbox({ now: () => clock.current, ...options });
	const server = await sandbox.start(0);
	const call = async (
		path: string,
		init: RequestInit & { json?: unknown; headers?: Record<string, string> } = {},
	) => {
		const { json, headers, ...rest } = init;
		return await fetch(`${server.url}${path}`, {
			...rest,
			headers: headers ?? HEADERS,
			body: json === undefined ? rest.body : JSON.stringify(json),
		});
	};
	return { sandbox, server, clock, call };
}

describe('Copper sandbox', () => {
	let h: Harness;
	beforeAll(() => {
		// test/helpers/setup.ts disables real connections for nock; the sandbox is loopback-only.
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		h = await startHarness();
	});
	afterEach(async () => {
		await h.server.close();
	});

	const search = async (body: Json, query = '') => {
		const res = await h.call(`${API}/tasks/search${query}`, { method: 'POST', json: body });
		return { res, tasks: (await res.json()) as RenderedTask[] };
	};
	const searchIds = async (body: Json) => (await search(body)).tasks.map((task) => task.id);
	const create = async (body: Json) => {
		const res = await h.call(`${API}/tasks`, { method: 'POST', json: body });
		return { res, task: (await res.json()) as RenderedTask & Json };
	};
	const put = async (id: number, body: Json) => {
		const res = await h.call(`${API}/tasks/${id}`, { method: 'PUT', json: body });
		return { res, task: (await res.json()) as RenderedTask & Json };
	};
	const control = async (path: string, body?: unknown) =>
		(await (
			await fetch(`${h.server.url}/__sandbox/${path}`, {
				method: 'POST',
				body: body === undefined ? undefined : JSON.stringify(body),
			})
		).json()) as Json;
	const emptyTasks = async () => {
		await control('reset?seed=false');
	};

	describe('authentication', () => {
		it.each([
			['no headers', {}],
			['a wrong key', { ...HEADERS, 'X-PW-AccessToken': 'nope' }],
			['a wrong email', { ...HEADERS, 'X-PW-UserEmail': 'someone@else.test' }],
			['a wrong application', { ...HEADERS, 'X-PW-Application': 'web' }],
			[
				'no application',
				{ 'X-PW-AccessToken': COPPER_API_KEY, 'X-PW-UserEmail': COPPER_USER_EMAIL },
			],
		])('answers 401 with {status, message} for %s', async (_label, headers) => {
			const res = await h.call(`${API}/tasks/3716920`, {
				headers: headers as Record<string, string>,
			});
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({ status: 401, message: COPPER_UNAUTHORIZED_MESSAGE });
		});

		it('accepts the three headers, the email in any case, and answers /users/me and /account', async () => {
			const headers = { ...HEADERS, 'X-PW-UserEmail': COPPER_USER_EMAIL.toUpperCase() };
			const me = await h.call(`${API}/users/me`, { headers });
			expect(me.status).toBe(200);
			expect(await me.json()).toMatchObject({ email: COPPER_USER_EMAIL, id: 137658 });
			const account = (await (await h.call(`${API}/account`)).json()) as Json;
			expect(account.primary_timezone).toBe('Europe/Berlin');
		});
	});

	describe('tasks CRUD', () => {
		it('reads a seeded task in the documented shape, custom fields listed per definition', async () => {
			const res = await h.call(`${API}/tasks/3716920`);
			expect(res.status).toBe(200);
			const task = (await res.json()) as Json;
			expect(Object.keys(task)).toEqual([
				'id',
				'name',
				'related_resource',
				'assignee_id',
				'due_date',
				'reminder_date',
				'completed_date',
				'priority',
				'status',
				'details',
				'tags',
				'custom_fields',
				'date_created',
				'date_modified',
			]);
			expect(task).toMatchObject({
				name: 'My First Task',
				related_resource: { id: 144296, type: 'project' },
				status: 'Open',
				tags: ['onboarding'],
			});
			expect(task.custom_fields).toContainEqual({
				custom_field_definition_id: 12,
				value: [20, 21],
			});
			expect(task.custom_fields).toContainEqual({ custom_field_definition_id: 9, value: null });
			// The Currency definition is not available on tasks.
			expect(
				(task.custom_fields as Json[]).map((field) => field.custom_field_definition_id),
			).not.toContain(14);
		});

		it('creates with every task field, stamping whole Unix seconds from the sandbox clock', async () => {
			h.clock.current = new Date('2026-03-10T08:00:00.900Z');
			const { res, task } = await create({
				name: 'Demo task',
				related_resource: { id: 144296, type: 'project' },
				assignee_id: 137659,
				due_date: 1496799000,
				reminder_date: 1496798000,
				priority: 'High',
				status: 'Open',
				details: 'This needs to be done!',
				tags: ['a', 'b'],
				custom_fields: [
					{ custom_field_definition_id: 8, value: 2 },
					{ custom_field_definition_id: 3, value: 'text' },
				],
				completed_date: 123,
				date_created: 1,
			});
			expect(res.status).toBe(200);
			expect(task).toMatchObject({
				name: 'Demo task',
				related_resource: { id: 144296, type: 'project' },
				assignee_id: 137659,
				due_date: 1496799000,
				reminder_date: 1496798000,
				completed_date: null,
				priority: 'High',
				status: 'Open',
				details: 'This needs to be done!',
				tags: ['a', 'b'],
				date_created: START_SECONDS,
				date_modified: START_SECONDS,
			});
			expect(task.custom_fields).toContainEqual({ custom_field_definition_id: 8, value: 2 });
			expect(task.custom_fields).toContainEqual({ custom_field_definition_id: 3, value: 'text' });
			expect((await h.call(`${API}/tasks/${task.id}`)).status).toBe(200);
		});

		it('creates with defaults from a name only, like the documented example', async () => {
			const { task } = await create({ name: 'Demo Task' });
			expect(task).toMatchObject({
				related_resource: { id: null, type: null },
				assignee_id: null,
				due_date: null,
				priority: 'None',
				status: 'Open',
				details: null,
				tags: [],
			});
		});

		it.each([
			[{}, "Name can't be blank"],
			[{ name: 'x', priority: 'Low' }, 'priority'],
			[{ name: 'x', status: 'Done' }, 'status'],
			[{ name: 'x', assignee_id: 999 }, 'assignee_id'],
			[{ name: 'x', related_resource: { id: 1, type: 'spaceship' } }, 'related_resource'],
			[{ name: 'x', due_date: '2026-01-01' }, 'due_date'],
			[
				{ name: 'x', custom_fields: [{ custom_field_definition_id: 14, value: 1 }] },
				'custom_field',
			],
			[{ name: 'x', custom_fields: [{ custom_field_definition_id: 8, value: 99 }] }, 'option id'],
		])('rejects bad input %j with 422 {status, message}', async (body, message) => {
			const { res, task } = await create(body);
			expect(res.status).toBe(422);
			expect(task.status).toBe(422);
			expect(String(task.message)).toContain(message);
		});

		it('PUT is partial: only sent fields change, explicit null clears, an empty body changes nothing', async () => {
			const before = (await (await h.call(`${API}/tasks/3716922`)).json()) as RenderedTask;
			h.clock.current = new Date(START.getTime() + 60_000);
			const empty = await put(3716922, {});
			expect(empty.res.status).toBe(200);
			expect(empty.task).toEqual(before);

			h.clock.current = new Date(START.getTime() + 120_000);
			const { task } = await put(3716922, {
				details: 'This is an update',
				tags: null,
				assignee_id: null,
				custom_fields: [{ custom_field_definition_id: 3, value: null }],
			});
			expect(task).toEqual({
				...before,
				details: 'This is an update',
				tags: [],
				assignee_id: null,
				custom_fields: before.custom_fields.map((field) =>
					field.custom_field_definition_id === 3 ? { ...field, value: null } : field,
				),
				date_modified: START_SECONDS + 120,
			});
			const cleared = await put(3716922, { related_resource: null, details: null });
			expect(cleared.task).toMatchObject({
				related_resource: { id: null, type: null },
				details: null,
			});
			expect((await put(3716922, { name: null })).res.status).toBe(422);
		});

		it('sets completed_date on Open -> Completed and clears it on reopen', async () => {
			h.clock.current = new Date(START.getTime() + 5_000);
			const done = await put(3716920, { status: 'Completed', completed_date: 7 });
			expect(done.task).toMatchObject({ status: 'Completed', completed_date: START_SECONDS + 5 });
			const open = await put(3716920, { status: 'Open' });
			expect(open.task.completed_date).toBeNull();
		});

		it('deletes with {id, is_deleted}, then 404s with {status, message}', async () => {
			const res = await h.call(`${API}/tasks/3716923`, { method: 'DELETE' });
			expect(await res.json()).toEqual({ id: 3716923, is_deleted: true });
			const gone = await h.call(`${API}/tasks/3716923`);
			expect(gone.status).toBe(404);
			expect(await gone.json()).toEqual({ status: 404, message: 'Resource not found' });
			expect((await put(3716923, { name: 'x' })).res.status).toBe(404);
		});
	});

	describe('search paging', () => {
		it('answers a bare array with X-PW-TOTAL, default page size 20', async () => {
			await control('seed?count=45');
			const { res, tasks } = await search({});
			expect(res.headers.get('x-pw-total')).toBe('49');
			expect(tasks).toHaveLength(20);
		});

		it('reads paging only from the body: query-string paging is ignored', async () => {
			await emptyTasks();
			await control('seed?count=300');
			const { res, tasks } = await search({}, '?page_size=200&page_number=2');
			expect(res.status).toBe(200);
			expect(tasks).toHaveLength(20);
			const first = await search({});
			expect(tasks.map((task) => task.id)).toEqual(first.tasks.map((task) => task.id));
			const second = await search({ page_size: 50, page_number: 2 });
			expect(second.tasks).toHaveLength(50);
			expect(second.tasks[0].id).not.toBe(first.tasks[0].id);
		});

		it('caps page_size at 200 and pages 1,000 tasks into exactly 5 full pages', async () => {
			await emptyTasks();
			await control('seed?count=1000');
			const seen = new Set<number>();
			for (let page = 1; page <= 6; page++) {
				const { res, tasks } = await search({
					page_size: 500,
					page_number: page,
					sort_by: 'date_created',
				});
				expect(res.headers.get('x-pw-total')).toBe('1000');
				expect(tasks).toHaveLength(page <= 5 ? 200 : 0);
				for (const task of tasks) seen.add(task.id);
			}
			expect(seen.size).toBe(1000);
		});

		it('never returns records past the search cap; X-PW-TOTAL still counts every match', async () => {
			await control('reset?seed=false&searchCap=50');
			await control('seed?count=120');
			const page1 = await search({ page_size: 40, page_number: 1 });
			const page2 = await search({ page_size: 40, page_number: 2 });
			const page3 = await search({ page_size: 40, page_number: 3 });
			expect(page1.res.headers.get('x-pw-total')).toBe('120');
			expect([page1.tasks.length, page2.tasks.length, page3.tasks.length]).toEqual([40, 10, 0]);
			expect(h.sandbox.snapshot().searchCap).toBe(50);
			await control('reset');
			expect(h.sandbox.state.searchCap).toBe(100000);
		});

		it('rejects bad paging and sort values with 422', async () => {
			for (const body of [
				{ page_size: 0 },
				{ page_number: 0 },
				{ sort_by: 'id' },
				{ sort_direction: 'up' },
			]) {
				const { res } = await search(body);
				expect(res.status).toBe(422);
			}
		});
	});

	describe('search filters', () => {
		it('filters by ids, statuses and tags (any of, case-insensitive)', async () => {
			expect(await searchIds({ ids: [3716920, 3716921, 1] })).toEqual([3716921, 3716920]);
			expect(await searchIds({ statuses: ['Completed'] })).toEqual([3716921]);
			const completed = await search({ statuses: ['Completed'], page_size: 1 });
			expect(completed.res.headers.get('x-pw-total')).toBe('1');
			const open = await search({ statuses: ['Open'], page_size: 1 });
			expect(open.res.headers.get('x-pw-total')).toBe('3');
			expect(open.tasks).toHaveLength(1);
			expect(await searchIds({ tags: ['renewal', 'onboarding'] })).toEqual([3716920, 3716922]);
		});

		it('filters assignees, with -2 for no assignee', async () => {
			expect(await searchIds({ assignee_ids: [137659] })).toEqual([3716922]);
			expect((await searchIds({ assignee_ids: [-2] })).sort()).toEqual([3716921, 3716923]);
			expect((await searchIds({ assignee_ids: [-2, 137658] })).sort()).toEqual([
				3716920, 3716921, 3716923,
			]);
		});

		it('filters projects and opportunities, each with -2 for none', async () => {
			expect(await searchIds({ project_ids: [144296] })).toEqual([3716920]);
			expect((await searchIds({ project_ids: [-2] })).sort()).toEqual([3716921, 3716922, 3716923]);
			expect(await searchIds({ opportunity_ids: [4] })).toEqual([3716921]);
			expect((await searchIds({ opportunity_ids: [-2] })).sort()).toEqual([
				3716920, 3716922, 3716923,
			]);
		});

		it('filters followed (1) and not followed (2) for the key owner', async () => {
			expect(await searchIds({ followed: 1 })).toEqual([3716920]);
			expect((await searchIds({ followed: 2 })).sort()).toEqual([3716921, 3716922, 3716923]);
		});

		it('filters due, created and modified dates in Unix seconds, inclusive, ANDed', async () => {
			const due = START_SECONDS + 2 * 86400;
			expect(await searchIds({ minimum_due_date: due, maximum_due_date: due })).toEqual([3716920]);
			expect(await searchIds({ maximum_due_date: START_SECONDS })).toEqual([3716921]);
			const created = START_SECONDS - 10 * 86400 + 3600;
			expect(
				await searchIds({ minimum_created_date: created, maximum_created_date: created }),
			).toEqual([3716921]);
			h.clock.current = new Date(START.getTime() + 30_000);
			await put(3716923, { details: 'touched' });
			expect(await searchIds({ minimum_modified_date: START_SECONDS + 30 })).toEqual([3716923]);
			expect(
				await searchIds({
					maximum_modified_date: START_SECONDS,
					statuses: ['Open'],
					assignee_ids: [-2],
				}),
			).toEqual([]);
		});

		it('filters custom fields as documented for each type', async () => {
			const cf = async (filter: Json) => (await searchIds({ custom_fields: [filter] })).sort();
			expect(await cf({ custom_field_definition_id: 3, value: 'MORNING' })).toEqual([3716922]);
			expect(await cf({ custom_field_definition_id: 7, value: true })).toEqual([3716921]);
			expect(await cf({ custom_field_definition_id: 8, value: [1, 2] })).toEqual([3716922]);
			expect(await cf({ custom_field_definition_id: 12, value: [21] })).toEqual([3716920]);
			expect(await cf({ custom_field_definition_id: 12, value: [20, 22], option: 'ALL' })).toEqual(
				[],
			);
			expect(await cf({ custom_field_definition_id: 12, value: [] })).toEqual([
				3716921, 3716922, 3716923,
			]);
			expect(
				await cf({ custom_field_definition_id: 9, minimum_value: 1, maximum_value: 2 }),
			).toEqual([3716922]);
			expect(await cf({ custom_field_definition_id: 6, minimum_value: START_SECONDS })).toEqual([
				3716920,
			]);
			expect(
				await cf({ custom_field_definition_id: 9, minimum_value: 5, allow_empty: true }),
			).toEqual([3716920, 3716921, 3716923]);
			expect(
				(await search({ custom_fields: [{ custom_field_definition_id: 999, value: 'x' }] })).res
					.status,
			).toBe(422);
		});
	});

	describe('search sort', () => {
		// Seed: 920 My First Task / Olive / project / Open / None / due +2d / created first;
		// 921 Follow up on Price Quote / - / opportunity / Completed / due -1d, completed -2d;
		// 922 Call Ada back / Ada / person / High / no due; 923 Download the mobile app / - / none.
		const ORDERS: Record<(typeof SORT_FIELDS)[number], [number[], number[]]> = {
			name: [
				[922, 923, 921, 920],
				[920, 921, 923, 922],
			],
			assigned_to: [
				[922, 920, 921, 923],
				[921, 923, 920, 922],
			],
			related_to: [
				[921, 922, 920, 923],
				[923, 920, 922, 921],
			],
			status: [
				[921, 920, 922, 923],
				[920, 922, 923, 921],
			],
			priority: [
				[920, 921, 923, 922],
				[922, 920, 921, 923],
			],
			due_date: [
				[921, 920, 922, 923],
				[922, 923, 920, 921],
			],
			reminder_date: [
				[920, 921, 922, 923],
				[920, 921, 922, 923],
			],
			completed_date: [
				[921, 920, 922, 923],
				[920, 922, 923, 921],
			],
			date_created: [
				[920, 921, 922, 923],
				[923, 922, 921, 920],
			],
			date_modified: [
				[920, 921, 922, 923],
				[923, 922, 921, 920],
			],
		};
		it.each(SORT_FIELDS.map((field) => [field]))(
			'sorts by %s both ways, nulls last ascending, ties by id',
			async (field) => {
				const [asc, desc] = ORDERS[field].map((ids) => ids.map((id) => 3716000 + id));
				expect(await searchIds({ sort_by: field, sort_direction: 'asc' })).toEqual(asc);
				expect(await searchIds({ sort_by: field, sort_direction: 'desc' })).toEqual(desc);
			},
		);

		it('defaults to due_date ascending with tasks without a due date last', async () => {
			expect(await searchIds({})).toEqual([3716921, 3716920, 3716922, 3716923]);
			expect(await searchIds({ sort_direction: 'desc' })).toEqual([
				3716922, 3716923, 3716920, 3716921,
			]);
		});

		it('sorts by name case-insensitively and by assignee name', async () => {
			expect(await searchIds({ sort_by: 'name' })).toEqual([3716922, 3716923, 3716921, 3716920]);
			// Ada Lovelace (3716922), Olive Owner (3716920), then unassigned by id.
			expect(await searchIds({ sort_by: 'assigned_to' })).toEqual([
				3716922, 3716920, 3716921, 3716923,
			]);
			expect((await searchIds({ sort_by: 'priority', sort_direction: 'desc' }))[0]).toBe(3716922);
		});
	});

	describe('reference lists', () => {
		it('searches users with body paging and X-PW-TOTAL', async () => {
			const res = await h.call(`${API}/users/search`, { method: 'POST', json: { page_size: 2 } });
			expect(res.headers.get('x-pw-total')).toBe('3');
			const users = (await res.json()) as Json[];
			expect(users.map((user) => user.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
			expect(users[0]).toEqual({
				id: 137659,
				name: 'Ada Lovelace',
				email: 'ada@copper.sandbox.test',
			});
		});

		it('lists custom field definitions with their types and options', async () => {
			const res = await h.call(`${API}/custom_field_definitions`);
			const definitions = (await res.json()) as Json[];
			expect(definitions.map((definition) => definition.data_type)).toEqual(
				expect.arrayContaining([
					'Text',
					'Date',
					'Checkbox',
					'Dropdown',
					'Float',
					'MultiSelect',
					'Currency',
				]),
			);
			expect(definitions.find((definition) => definition.id === 8)).toMatchObject({
				available_on: ['task'],
				options: [
					{ id: 1, name: 'Phone', rank: 0 },
					{ id: 2, name: 'Email', rank: 1 },
				],
			});
		});
	});

	describe('related records', () => {
		const searchRelated = async (plural: string, body: unknown) => {
			const res = await h.call(`${API}/${plural}/search`, { method: 'POST', json: body });
			return { res, records: (await res.json()) as Json[] };
		};
		const names = async (plural: string, body: Json) =>
			(await searchRelated(plural, body)).records.map((record) => record.name);

		it('lists every type by name, as a bare array with X-PW-TOTAL', async () => {
			const expected: Record<string, string[]> = {
				leads: ['Jordan Lee', 'Priya Natarajan', 'Sam Rivera'],
				people: ['Kim Tanaka', 'Luis Ortega', 'Mia Svensson', 'Noah Becker'],
				companies: ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health'],
				opportunities: ['Acme renewal', 'Globex expansion', 'Initech pilot'],
				projects: ['Data migration', 'Office move', 'Website relaunch'],
			};
			expect(Object.keys(RELATED_PATHS).sort()).toEqual(Object.keys(expected).sort());
			for (const [plural, wanted] of Object.entries(expected)) {
				const { res, records } = await searchRelated(plural, {});
				expect(res.status).toBe(200);
				expect(res.headers.get('x-pw-total')).toBe(String(wanted.length));
				expect(records.map((record) => record.name)).toEqual(wanted);
			}
			const { records } = await searchRelated('opportunities', { name: 'acme' });
			expect(records).toEqual([
				{ id: 4, name: 'Acme renewal', company_id: 31001, status: 'Open', monetary_value: 120000 },
			]);
		});

		it('filters by name case-insensitively anywhere in it, sorts both ways, pages from the body', async () => {
			expect(await names('people', { name: 'KIM' })).toEqual(['Kim Tanaka']);
			expect(await names('companies', { name: 'EX' })).toEqual(['Globex']);
			expect(
				await names('projects', { name: 'I', sort_by: 'name', sort_direction: 'desc' }),
			).toEqual(['Website relaunch', 'Office move', 'Data migration']);
			const none = await searchRelated('leads', { name: 'nobody' });
			expect([none.records, none.res.headers.get('x-pw-total')]).toEqual([[], '0']);
			const page2 = await h.call(`${API}/people/search?page_size=1`, {
				method: 'POST',
				json: { page_size: 3, page_number: 2 },
			});
			expect(page2.headers.get('x-pw-total')).toBe('4');
			expect(((await page2.json()) as Json[]).map((record) => record.name)).toEqual([
				'Noah Becker',
			]);
			expect(await names('people', { page_size: 500, page_number: 1 })).toHaveLength(4);
			expect(await names('people', { page_size: 2, page_number: 3 })).toEqual([]);
		});

		it('rejects bad search bodies with 422 {status, message}', async () => {
			for (const body of [
				{ name: 7 },
				{ sort_by: 'date_modified' },
				{ sort_direction: 'up' },
				{ page_size: 0 },
				{ page_number: 1.5 },
			]) {
				const { res, records } = await searchRelated('companies', body);
				expect(res.status).toBe(422);
				expect(records).toMatchObject({ status: 422 });
			}
			const notJson = await h.call(`${API}/companies/search`, { method: 'POST', body: '[' });
			expect(notJson.status).toBe(400);
			expect((await h.call(`${API}/companies/search`)).status).toBe(405);
		});

		it('reads one record by id, and 404s with {status, message} for an unknown one', async () => {
			const res = await h.call(`${API}/projects/144296`);
			expect(res.status).toBe(200);
			expect(await res.json()).toEqual({ id: 144296, name: 'Website relaunch', status: 'Open' });
			expect(await (await h.call(`${API}/people/5`)).json()).toMatchObject({
				id: 5,
				name: 'Kim Tanaka',
				company_id: 31001,
			});
			for (const path of ['people/4', 'projects/1', 'companies/x', 'leads/8893401/extra']) {
				const gone = await h.call(`${API}/${path}`);
				expect(gone.status).toBe(404);
				expect(await gone.json()).toEqual({ status: 404, message: 'Resource not found' });
			}
		});

		it('authenticates and throttles like every vendor endpoint', async () => {
			const anonymous = await h.call(`${API}/leads/search`, { method: 'POST', headers: {} });
			expect(anonymous.status).toBe(401);
			await control('throttle?count=1');
			expect((await h.call(`${API}/projects/144296`)).status).toBe(429);
			expect((await h.call(`${API}/projects/144296`)).status).toBe(200);
		});

		it('accepts a task related to a seeded record and answers 422 for an id its type lacks', async () => {
			for (const task of h.sandbox.listTasks()) {
				const { id, type } = task.related_resource;
				if (type === null) continue;
				const plural = Object.keys(RELATED_PATHS).find((path) => RELATED_PATHS[path] === type);
				expect((await h.call(`${API}/${plural}/${id}`)).status).toBe(200);
			}
			const created = await create({ name: 'x', related_resource: { id: 31004, type: 'company' } });
			expect(created.task.related_resource).toEqual({ id: 31004, type: 'company' });
			const unknown = await create({ name: 'x', related_resource: { id: 4, type: 'person' } });
			expect(unknown.res.status).toBe(422);
			expect(unknown.task).toEqual({
				status: 422,
				message: 'Invalid related_resource: no person with id 4',
			});
			const before = h.sandbox.getTask(3716920);
			const update = await put(3716920, { related_resource: { id: 999, type: 'project' } });
			expect(update.res.status).toBe(422);
			expect(h.sandbox.getTask(3716920)).toEqual(before);
			const moved = await put(3716920, { related_resource: { id: 8893402, type: 'lead' } });
			expect(moved.task.related_resource).toEqual({ id: 8893402, type: 'lead' });
			expect(
				(
					await control('seed', {
						tasks: [{ name: 'y', related_resource: { id: 1, type: 'lead' } }],
					})
				).error,
			).toContain('no lead with id 1');
		});
	});

	describe('throttling and controls', () => {
		it('answers 429 without Retry-After for the next N requests, then recovers', async () => {
			await control('throttle?count=2');
			for (let i = 0; i < 2; i++) {
				const res = await h.call(`${API}/tasks/3716920`);
				expect(res.status).toBe(429);
				expect(res.headers.get('retry-after')).toBeNull();
				expect(await res.json()).toEqual({ status: 429, message: COPPER_THROTTLE_MESSAGE });
			}
			expect((await h.call(`${API}/tasks/3716920`)).status).toBe(200);
			await control('throttle?count=5');
			await control('throttle?off=true');
			expect((await h.call(`${API}/tasks/3716920`)).status).toBe(200);
		});

		it('applies a rolling-window rate limit with 429s and no Retry-After', async () => {
			await control('throttle?rate=2&windowSeconds=60');
			expect((await h.call(`${API}/tasks/3716920`)).status).toBe(200);
			expect((await h.call(`${API}/tasks/3716920`)).status).toBe(200);
			const refused = await h.call(`${API}/tasks/3716920`);
			expect(refused.status).toBe(429);
			expect(refused.headers.get('retry-after')).toBeNull();
			h.clock.current = new Date(START.getTime() + 61_000);
			expect((await h.call(`${API}/tasks/3716920`)).status).toBe(200);
			await control('throttle?off=true');
			expect(h.sandbox.snapshot().throttle).toEqual({ remaining: 0, rate: undefined });
		});

		it('controls the clock and seeds tasks from bodies, with followers', async () => {
			const clock = await control('clock?advanceSeconds=90');
			expect(clock.nowSeconds).toBe(START_SECONDS + 90);
			await control('clock?set=2026-04-01T00:00:00Z');
			const seeded = await control('seed', {
				tasks: [{ name: 'Seeded', tags: ['x'], followers: [137658] }],
			});
			const [id] = seeded.ids as number[];
			const task = (await (await h.call(`${API}/tasks/${id}`)).json()) as Json;
			expect(task.date_created).toBe(Date.parse('2026-04-01T00:00:00Z') / 1000);
			expect(await searchIds({ followed: 1, tags: ['x'] })).toEqual([id]);
			expect((await control('seed', { tasks: [{ name: '' }] })).error).toContain('blank');
		});

		it('logs vendor requests with bodies, and reset restores the seed', async () => {
			await search({ page_size: 5 });
			const log = (await (await fetch(`${h.server.url}/__sandbox/requests`)).json()) as Json[];
			expect(log).toEqual([
				expect.objectContaining({
					method: 'POST',
					url: `${API}/tasks/search`,
					status: 200,
					body: { page_size: 5 },
				}),
			]);
			await create({ name: 'extra' });
			await control('reset');
			const state = (await (await fetch(`${h.server.url}/__sandbox/state`)).json()) as Json;
			expect((state.tasks as Json[]).map((task) => task.id)).toEqual([
				3716920, 3716921, 3716922, 3716923,
			]);
		});
	});
});
