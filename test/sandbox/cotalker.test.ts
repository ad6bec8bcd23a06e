import nock from 'nock';

import {
	ADMIN_REQUIRED_MESSAGE,
	COTALKER_TOKEN,
	type CotalkerSandbox,
	createCotalkerSandbox,
	type CotTask,
	type CotTaskGroup,
	GROUP_IDS,
	PROPERTY_IDS,
	type RunningServer,
	scrambleKey,
	STATE_IDS,
	STATE_MACHINE_IDS,
	TASK_GROUP_IDS,
	THROTTLE_MESSAGE,
	UNAUTHORIZED_MESSAGE,
	USER_IDS,
} from './cotalker';

const START = new Date('2026-03-10T08:00:00.000Z');
const DAY = 86_400_000;
const PROJECTS = TASK_GROUP_IDS.projects;
const SUPPORT = TASK_GROUP_IDS.support;
const AUTH = { Authorization: `Bearer ${COTALKER_TOKEN}` };
const ADMIN = { ...AUTH, Admin: 'true' };
const OID = /^[0-9a-f]{24}$/;
/** A well-formed ObjectId nothing has. */
const NOBODY = '0123456789abcdef01234567';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests
type Json = Record<string, any>;

interface Call {
	method?: string;
	json?: unknown;
	headers?: Record<string, string>;
}

describe('Cotalker sandbox', () => {
	let sandbox: CotalkerSandbox;
	let server: RunningServer;
	let clock: { current: Date };

	beforeAll(() => {
		// test/helpers/setup.ts disables real connections for nock; the sandbox is loopback-only.
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		clock = { current: new Date(START) };
		sandbox = createCotalkerSandbox({ now: () => clock.current });
		server = await sandbox.start(0);
	});
	afterEach(async () => {
		await server.close();
	});

	const raw = async (path: string, { method = 'GET', json, headers = ADMIN }: Call = {}) =>
		await fetch(`${server.url}${path}`, {
			method,
			headers: json === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
			body: json === undefined ? undefined : JSON.stringify(json),
		});
	const api = async (path: string, call: Call = {}) => {
		const res = await raw(path, call);
		return { status: res.status, body: (await res.json()) as Json, res };
	};
	const control = async (path: string, body?: unknown, method = 'POST') =>
		(await (
			await fetch(`${server.url}/__sandbox/${path}`, {
				method,
				body: body === undefined ? undefined : JSON.stringify(body),
			})
		).json()) as Json;
	const v2Tasks = async (group: string, query = '', headers: Record<string, string> = ADMIN) =>
		await api(`/api/v2/task-groups/${group}/tasks${query}`, { headers });
	const names = (tasks: CotTask[]) => tasks.map((task) => task.name);
	const create = async (body: Json, group = PROJECTS) =>
		await api(`/api/v1/tasks/${group}/task/create`, { method: 'POST', json: body });
	const patch = async (id: string, body: Json, group = PROJECTS) =>
		await api(`/api/v1/tasks/${group}/task/${id}`, { method: 'PATCH', json: body });
	const seeded = (name: string) =>
		sandbox.listTasks().find((task) => task.name === name) as CotTask;
	const error = (statusCode: number, error: string, message: string) => ({
		statusCode,
		error,
		message,
	});

	describe('authentication and the Admin header', () => {
		it.each([
			['no Authorization', {}],
			['a wrong token', { Authorization: 'Bearer nope', Admin: 'true' }],
			['the token without the Bearer scheme', { Authorization: COTALKER_TOKEN }],
			['another scheme', { Authorization: `Basic ${COTALKER_TOKEN}` }],
		])('answers 401 {statusCode, error, message} for %s', async (_label, headers) => {
			const { status, body } = await api('/api/v2/task-groups', { headers });
			expect(status).toBe(401);
			expect(body).toEqual(error(401, 'Unauthorized', UNAUTHORIZED_MESSAGE));
		});

		it.each([
			['GET', `/api/v2/task-groups/${PROJECTS}`],
			['POST', '/api/v2/task-groups'],
			['GET', `/api/v2/task-groups/${PROJECTS}/tasks/relations`],
			['GET', '/api/v1/tasks/group'],
			['POST', '/api/v1/tasks/group'],
			['PATCH', `/api/v1/tasks/group/${PROJECTS}`],
			['POST', `/api/v1/tasks/${PROJECTS}/task/create`],
			['PATCH', `/api/tasks/${PROJECTS}/task/${STATE_IDS.open}`],
		])('answers 403 to %s %s without Admin: true', async (method, path) => {
			for (const headers of [AUTH, { ...AUTH, Admin: 'false' }]) {
				const { status, body } = await api(path, { method, headers, json: {} });
				expect(status).toBe(403);
				expect(body).toEqual(error(403, 'Forbidden', ADMIN_REQUIRED_MESSAGE));
			}
		});

		it('reads lists, a group (v1) and a task without Admin; Admin widens task lists to every task', async () => {
			expect((await api('/api/v2/task-groups', { headers: AUTH })).status).toBe(200);
			expect((await api(`/api/v1/tasks/group/${PROJECTS}`, { headers: AUTH })).status).toBe(200);
			const own = await v2Tasks(PROJECTS, '?count=true', AUTH);
			expect(names(own.body.data.tasks).sort()).toEqual([
				'API integration',
				'Security audit',
				'Website relaunch',
			]);
			expect(own.body.data.count).toBe(3);
			expect((await v2Tasks(PROJECTS, '?count=true')).body.data.count).toBe(8);
			const v1Own = await api(`/api/tasks/${SUPPORT}/task`, { headers: AUTH });
			expect(names(v1Own.body as unknown as CotTask[]).sort()).toEqual([
				'Reset password for Ana',
				'VPN drops every hour',
			]);
			const other = seeded('Office move');
			expect(
				(await api(`/api/v1/tasks/${PROJECTS}/task/${other._id}`, { headers: AUTH })).status,
			).toBe(200);
		});
	});

	describe('ObjectIds', () => {
		it('gives every record an ObjectId, and references are ObjectIds', async () => {
			const state = (await control('state', undefined, 'GET')) as Json;
			const ids = [
				...state.users.map((user: Json) => user._id),
				...state.properties.map((property: Json) => property._id),
				...state.taskGroups.flatMap((group: Json) => [group._id, group.group, group.company]),
				...state.states.flatMap((st: Json) => [
					st._id,
					st.property,
					st.stateMachine,
					...st.nextStates,
				]),
				...state.tasks.flatMap((task: CotTask) => [
					task._id,
					task.taskGroup,
					task.assignee,
					task.smState,
					task.status,
					task.channel,
					...task.userList,
				]),
			];
			expect(ids.length).toBeGreaterThan(100);
			for (const id of ids) expect(id).toMatch(OID);
			expect(state.tasks).toHaveLength(15);
		});

		it.each([
			[`/api/v2/task-groups/abc/tasks`, 'groupId', 'abc'],
			[`/api/v2/task-groups/${PROJECTS}x`, 'groupId', `${PROJECTS}x`],
			[`/api/v1/tasks/${PROJECTS}/task/zz${PROJECTS.slice(2)}`, 'taskId', `zz${PROJECTS.slice(2)}`],
			[`/api/v2/properties/12`, 'propertyId', '12'],
		])('answers 400 to a malformed id in %s', async (path, name, value) => {
			const { status, body } = await api(path);
			expect(status).toBe(400);
			expect(body).toEqual(
				error(
					400,
					'Bad Request',
					`${name} must be an ObjectId (24 hex characters), got '${value}'`,
				),
			);
		});

		it('answers 400 to malformed ids in queries and bodies, 404 to unknown ones', async () => {
			expect((await api('/api/v2/task-groups?ids=123')).body.message).toBe(
				"ids must be ObjectIds (24 hex characters), got '123'",
			);
			expect(
				(await api(`/api/v2/task-groups/${PROJECTS}/tasks/relations?assignee=me`)).status,
			).toBe(400);
			expect((await create({ name: 'x', assignee: 'ana' })).body.message).toBe(
				'assignee must be a user ObjectId',
			);
			expect((await create({ name: 'x', followers: [NOBODY] })).body.message).toBe(
				`followers: no user with id ${NOBODY}`,
			);
			expect((await create({ name: 'x', status1: NOBODY })).body.message).toBe(
				`status1: no property with id ${NOBODY}`,
			);
			const missingGroup = await api(`/api/v2/task-groups/${NOBODY}/tasks`);
			expect(missingGroup.status).toBe(404);
			expect(missingGroup.body).toEqual(error(404, 'Not Found', 'Task group not found'));
			const missingTask = await api(`/api/v1/tasks/${PROJECTS}/task/${NOBODY}`);
			expect(missingTask.body).toEqual(error(404, 'Not Found', 'Task not found'));
			// A task of another group is not found through this one.
			const support = seeded('Duplicate ticket');
			expect((await api(`/api/v1/tasks/${PROJECTS}/task/${support._id}`)).status).toBe(404);
		});
	});

	describe('task groups', () => {
		const groupList = async (query: string) => {
			const { status, body } = await api(`/api/v2/task-groups${query}`);
			expect(status).toBe(200);
			return body.data as { taskGroups: CotTaskGroup[]; count?: number };
		};
		const codes = (groups: CotTaskGroup[]) => groups.map((group) => group.collectionName);

		it('lists active groups in {data: {taskGroups}}, count only with count=true', async () => {
			const plain = await groupList('');
			expect(Object.keys(plain)).toEqual(['taskGroups']);
			expect(codes(plain.taskGroups).sort()).toEqual(['projects', 'support_tickets']);
			expect((await groupList('?count=true')).count).toBe(2);
			expect(codes((await groupList('?isActive=all')).taskGroups).sort()).toEqual([
				'archive',
				'projects',
				'support_tickets',
			]);
			expect(codes((await groupList('?isActive=false')).taskGroups)).toEqual(['archive']);
			expect((await api('/api/v2/task-groups?isActive=maybe')).status).toBe(400);
		});

		it('filters by ids and groupIds (comma-separated or repeated), and date ranges', async () => {
			expect(
				codes(
					(await groupList(`?ids=${PROJECTS},${TASK_GROUP_IDS.archive}&isActive=all`)).taskGroups,
				).sort(),
			).toEqual(['archive', 'projects']);
			expect(
				codes(
					(await groupList(`?groupIds=${GROUP_IDS.support}&groupIds=${GROUP_IDS.projects}`))
						.taskGroups,
				).sort(),
			).toEqual(['projects', 'support_tickets']);
			// Projects: created 60 days ago, modified 30 days ago; Support: both 50 days ago.
			const iso = (days: number) => new Date(START.getTime() - days * DAY).toISOString();
			expect(codes((await groupList(`?createdAt_lt=${iso(55)}`)).taskGroups)).toEqual(['projects']);
			expect(codes((await groupList(`?createdAt_gte=${iso(50)}`)).taskGroups)).toEqual([
				'support_tickets',
			]);
			expect(codes((await groupList(`?createdAt_gt=${iso(50)}`)).taskGroups)).toEqual([]);
			expect(codes((await groupList(`?modifiedAt_gt=${iso(40)}`)).taskGroups)).toEqual([
				'projects',
			]);
			expect(codes((await groupList(`?modifiedAt_lte=${iso(50)}`)).taskGroups)).toEqual([
				'support_tickets',
			]);
			expect(codes((await groupList(`?createdAt=${iso(60)}`)).taskGroups)).toEqual(['projects']);
			expect(codes((await groupList(`?createdAt=${iso(60).slice(0, 10)}`)).taskGroups)).toEqual([
				'projects',
			]);
			expect((await api('/api/v2/task-groups?createdAt_gt=yesterday')).body.message).toBe(
				'createdAt_gt must be an ISO date',
			);
		});

		it('sorts by createdAt, modifiedAt or collectionName both ways, and pages', async () => {
			expect(codes((await groupList('?sortBy=collectionName&isActive=all')).taskGroups)).toEqual([
				'archive',
				'projects',
				'support_tickets',
			]);
			expect(
				codes((await groupList('?sortBy=collectionName&orderBy=desc&isActive=all')).taskGroups),
			).toEqual(['support_tickets', 'projects', 'archive']);
			expect(codes((await groupList('?sortBy=createdAt&isActive=all')).taskGroups)).toEqual([
				'projects',
				'support_tickets',
				'archive',
			]);
			expect(
				codes((await groupList('?sortBy=modifiedAt&orderBy=desc&isActive=all')).taskGroups),
			).toEqual(['projects', 'archive', 'support_tickets']);
			expect(
				codes(
					(await groupList('?sortBy=createdAt&isActive=all&limit=2&page=2&count=true')).taskGroups,
				),
			).toEqual(['archive']);
			expect((await api('/api/v2/task-groups?sortBy=name')).body.message).toBe(
				'sortBy must be one of createdAt, modifiedAt, collectionName',
			);
			expect((await api('/api/v2/task-groups?orderBy=up')).status).toBe(400);
			expect((await api('/api/v2/task-groups?limit=0')).status).toBe(400);
		});

		it('gets one group bare (v2 with Admin, v1), and v1 lists bare or {counter, data}', async () => {
			const v2 = await api(`/api/v2/task-groups/${PROJECTS}`);
			expect(v2.body).toMatchObject({
				_id: PROJECTS,
				collectionName: 'projects',
				flowType: 'state-machine',
				initialStateMachine: STATE_MACHINE_IDS.projects,
				botUser: USER_IDS.bot,
				defaultView: 'kanban',
				createdAt: '2026-01-09T08:00:00.000Z',
				modifiedAt: '2026-02-08T08:00:00.000Z',
			});
			expect((await api(`/api/v1/tasks/group/${PROJECTS}`)).body).toEqual(v2.body);
			const v1 = await api('/api/v1/tasks/group?sortBy=collectionName');
			expect(codes(v1.body as unknown as CotTaskGroup[])).toEqual(['projects', 'support_tickets']);
			const counted = await api('/api/v1/tasks/group?count=true&limit=1&sortBy=collectionName');
			expect(counted.body.counter).toBe(2);
			expect(codes(counted.body.data)).toEqual(['projects']);
		});

		it("dates its answers by its own clock (HTTP Date), not this machine's", async () => {
			clock.current = new Date('2031-07-04T12:34:56.789Z');
			const answer = await api('/api/v2/task-groups');
			expect(answer.res.headers.get('date')).toBe('Fri, 04 Jul 2031 12:34:56 GMT');
			const refused = await api('/api/v2/task-groups', { headers: {} });
			expect(refused.status).toBe(401);
			expect(refused.res.headers.get('date')).toBe('Fri, 04 Jul 2031 12:34:56 GMT');
		});

		it('creates a group from {group} like the docs sample, once per group, and patches it (v1)', async () => {
			clock.current = new Date('2026-03-11T09:30:00.123Z');
			const group = '61ae5eb11f130a35a73e2e06';
			const created = await api('/api/v2/task-groups', { method: 'POST', json: { group } });
			expect(created.status).toBe(200);
			expect(created.body).toEqual({
				_id: expect.stringMatching(OID),
				company: '6a1e00000c00000000000001',
				group,
				collectionName: expect.stringMatching(/^task_manager_\d+$/),
				botUser: null,
				createdAt: '2026-03-11T09:30:00.123Z',
				modifiedAt: '2026-03-11T09:30:00.123Z',
				defaultView: 'list',
				defaultFilter: null,
				availableViews: ['list'],
				flowType: 'free',
				hideClosedAfterDays: 30,
				initialStateMachine: null,
				isActive: true,
				readonly: false,
				levelConfig: [20, 20, 10],
				readPermissions: [],
				writePermissions: [],
				taskEditorPermissions: [],
				taskFollowerPermissions: [],
				taskPropertyPermissions: [],
				__v: 0,
			});
			const again = await api('/api/v1/tasks/group', { method: 'POST', json: { group } });
			expect(again.status).toBe(409);
			expect((await api('/api/v2/task-groups', { method: 'POST', json: {} })).status).toBe(400);
			expect(
				(await api('/api/v2/task-groups', { method: 'POST', json: { group: 'g1' } })).status,
			).toBe(400);
			clock.current = new Date('2026-03-12T00:00:00.000Z');
			const id = created.body._id as string;
			const patched = await api(`/api/v1/tasks/group/${id}`, {
				method: 'PATCH',
				json: {
					defaultView: 'kanban',
					taskEditorPermissions: ['default'],
					collectionName: 'ignored',
				},
			});
			expect(patched.body).toMatchObject({
				defaultView: 'kanban',
				taskEditorPermissions: ['default'],
				collectionName: created.body.collectionName,
				modifiedAt: '2026-03-12T00:00:00.000Z',
				__v: 1,
			});
			expect(
				(
					await api(`/api/v1/tasks/group/${id}`, {
						method: 'PATCH',
						json: { defaultView: 'table' },
					})
				).status,
			).toBe(400);
			// A task in a group without a state machine has no state, and nowhere to move.
			const task = await create({ name: 'Free' }, id);
			expect(task.body).toMatchObject({ smState: null, status: null, serial: 1 });
			expect((await api(`/api/tasks/${id}/sm/nextsmstate?taskId=${task.body._id}`)).body).toEqual(
				[],
			);
		});
	});

	describe('task lists (v2)', () => {
		it('answers {data: {tasks}} by default, {data: {<key>}} after the shape control, count on request', async () => {
			const plain = await v2Tasks(PROJECTS);
			expect(Object.keys(plain.body)).toEqual(['data']);
			expect(Object.keys(plain.body.data)).toEqual(['tasks']);
			expect(plain.body.data.tasks).toHaveLength(8);
			expect(await control('shape?arrayKey=values')).toEqual({
				ok: true,
				arrayKey: 'values',
				createWrap: false,
			});
			const switched = await v2Tasks(PROJECTS, '?count=true&limit=2');
			expect(Object.keys(switched.body.data)).toEqual(['values', 'count']);
			expect(switched.body.data.values).toHaveLength(2);
			expect(switched.body.data.count).toBe(8);
			// The relations list follows the same key; reset restores the default unless told.
			expect(
				Object.keys((await api(`/api/v2/task-groups/${PROJECTS}/tasks/relations`)).body.data),
			).toEqual(['values']);
			await control('reset');
			expect(Object.keys((await v2Tasks(PROJECTS)).body.data)).toEqual(['tasks']);
			await control('reset?arrayKey=taskList');
			expect(Object.keys((await v2Tasks(PROJECTS)).body.data)).toEqual(['taskList']);
		});

		it('serves the docs sample-curl path /api/v2/tasks/{g}/task with the same answer', async () => {
			const sample = await api(`/api/v2/tasks/${SUPPORT}/task?count=true`);
			expect(sample.body).toEqual((await v2Tasks(SUPPORT, '?count=true')).body);
			expect(sample.body.data.count).toBe(5);
		});

		it('is not in creation, modification or serial order, but in a fixed scrambled order', async () => {
			const tasks = (await v2Tasks(PROJECTS, '?limit=100')).body.data.tasks as CotTask[];
			const ids = tasks.map((task) => task._id);
			const sortedBy = (key: (task: CotTask) => string | number) =>
				[...tasks]
					.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
					.map((task) => task._id);
			for (const key of [
				(t: CotTask) => t.createdAt,
				(t: CotTask) => t.modifiedAt,
				(t: CotTask) => t.serial,
				(t: CotTask) => t._id,
			]) {
				expect(ids).not.toEqual(sortedBy(key));
				expect(ids).not.toEqual(sortedBy(key).reverse());
			}
			expect(ids).toEqual(sortedBy((task) => scrambleKey(task._id)));
			expect(
				(await v2Tasks(PROJECTS, '?limit=100')).body.data.tasks.map((task: CotTask) => task._id),
			).toEqual(ids);
			// Modifying a task does not move it.
			await patch(ids[3], { name: 'Renamed' });
			expect(
				(await v2Tasks(PROJECTS, '?limit=100')).body.data.tasks.map((task: CotTask) => task._id),
			).toEqual(ids);
		});

		it('pages 3+ pages with limit/page (default 10), each task once, count on every page asked', async () => {
			const seededIds = (await control(`seed?count=25&group=${PROJECTS}`)).ids as string[];
			expect(seededIds).toHaveLength(25);
			const pages: CotTask[][] = [];
			for (let page = 1; page <= 5; page++) {
				const { body } = await v2Tasks(PROJECTS, `?page=${page}&count=true`);
				expect(body.data.count).toBe(33);
				pages.push(body.data.tasks);
			}
			expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 3, 0]);
			const all = pages.flat().map((task) => task._id);
			expect(new Set(all).size).toBe(33);
			expect(all).toEqual(expect.arrayContaining(seededIds));
			const byFive = (await v2Tasks(PROJECTS, '?limit=5&page=7')).body.data.tasks;
			expect(byFive).toHaveLength(3);
			// limit above 100 is clamped.
			await control(`seed?count=100&group=${PROJECTS}`);
			expect((await v2Tasks(PROJECTS, '?limit=500')).body.data.tasks).toHaveLength(100);
			expect((await v2Tasks(PROJECTS, '?page=0')).status).toBe(400);
		});

		it('sorts by name only, both ways', async () => {
			const asc = names((await v2Tasks(SUPPORT, '?sortBy=name')).body.data.tasks);
			expect(asc).toEqual([
				'Laptop battery replacement',
				'Printer on floor 2 jams',
				'Reset password for Ana',
				'Sales CRM access request',
				'VPN drops every hour',
			]);
			expect(names((await v2Tasks(SUPPORT, '?sortBy=name&orderBy=desc')).body.data.tasks)).toEqual(
				[...asc].reverse(),
			);
			const bad = await v2Tasks(SUPPORT, '?sortBy=modifiedAt');
			expect(bad.status).toBe(400);
			expect(bad.body.message).toBe('sortBy must be one of name');
		});

		it('filters isActive and createdAt/modifiedAt ranges (ISO), ANDed', async () => {
			expect(names((await v2Tasks(PROJECTS, '?isActive=false')).body.data.tasks)).toEqual([
				'Archive 2025 invoices',
			]);
			expect((await v2Tasks(PROJECTS, '?isActive=all&count=true')).body.data.count).toBe(9);
			const iso = (ms: number) => new Date(ms).toISOString();
			const recent = await v2Tasks(
				PROJECTS,
				`?createdAt_gte=${iso(START.getTime() - 6 * DAY)}&sortBy=name`,
			);
			expect(names(recent.body.data.tasks)).toEqual([
				'Customer survey',
				'Security audit',
				'Team offsite',
			]);
			const strictly = await v2Tasks(
				PROJECTS,
				`?createdAt_gt=${iso(START.getTime() - 6 * DAY)}&sortBy=name`,
			);
			expect(names(strictly.body.data.tasks)).toEqual(['Security audit', 'Team offsite']);
			// Security audit: created 3 days ago, modified 20 hours later (52 hours ago).
			const modified = await v2Tasks(
				PROJECTS,
				`?modifiedAt_gt=${iso(START.getTime() - 60 * 3_600_000)}&sortBy=name`,
			);
			expect(names(modified.body.data.tasks)).toEqual(['Security audit', 'Team offsite']);
			const window = await v2Tasks(
				PROJECTS,
				`?modifiedAt_gte=${iso(START.getTime() - 3 * DAY + 20 * 3_600_000)}&modifiedAt_lt=${iso(START.getTime() - DAY)}`,
			);
			expect(names(window.body.data.tasks)).toEqual(['Security audit']);
			const lte = await v2Tasks(
				PROJECTS,
				`?createdAt_lte=${iso(START.getTime() - 19 * DAY)}&sortBy=name`,
			);
			expect(names(lte.body.data.tasks)).toEqual(['Quarterly sales report', 'Website relaunch']);
			expect((await v2Tasks(PROJECTS, '?modifiedAt_lt=soon')).status).toBe(400);
		});

		it('compares a stamp written otherwise than toISOString (a test set it by hand) by its instant', async () => {
			const audit = seeded('Security audit');
			const instant = new Date(START.getTime() - DAY - 7_000);
			// The same instant two hours ahead of UTC, without milliseconds.
			const local = new Date(instant.getTime() + 2 * 3_600_000).toISOString().slice(0, 19);
			sandbox.state.tasks.get(audit._id)!.modifiedAt = `${local}+02:00`;
			const at = async (query: string) => names((await v2Tasks(PROJECTS, query)).body.data.tasks);
			expect(await at(`?modifiedAt=${instant.toISOString()}`)).toEqual(['Security audit']);
			expect(
				await at(
					`?modifiedAt_gte=${instant.toISOString()}&modifiedAt_lte=${instant.toISOString()}`,
				),
			).toEqual(['Security audit']);
			expect(
				await at(
					`?modifiedAt_gt=${instant.toISOString()}&modifiedAt_lt=${new Date(instant.getTime() + 1).toISOString()}`,
				),
			).toEqual([]);
			// A bound written with an offset, against the stamps the emulator writes.
			const bound = encodeURIComponent(`${local}+02:00`);
			expect(await at(`?modifiedAt_gt=${bound}&sortBy=name`)).toEqual(['Team offsite']);
		});

		it('lists relations by assignee or property (status, status1..5), Admin only', async () => {
			const rel = (query: string) => api(`/api/v2/task-groups/${PROJECTS}/tasks/relations${query}`);
			expect(names((await rel(`?assignee=${USER_IDS.ana}&sortBy=name`)).body.data.tasks)).toEqual([
				'Hire a designer',
				'Team offsite',
				'Website relaunch',
			]);
			expect(
				names((await rel(`?property=${PROPERTY_IDS.high}&sortBy=name`)).body.data.tasks),
			).toEqual(['API integration', 'Security audit', 'Website relaunch']);
			expect(
				names(
					(await rel(`?property=${PROPERTY_IDS.doing}&assignee=${USER_IDS.bot}&sortBy=name`)).body
						.data.tasks,
				),
			).toEqual(['API integration', 'Security audit']);
			expect(
				(await rel(`?property=${PROPERTY_IDS.done}&isActive=all&count=true`)).body.data.count,
			).toBe(2);
		});
	});

	describe('tasks: read, create, update', () => {
		it('reads a task bare by id (v1, /api/tasks, v2) and by serial', async () => {
			const task = seeded('Website relaunch');
			const v1 = await api(`/api/v1/tasks/${PROJECTS}/task/${task._id}`);
			expect(v1.status).toBe(200);
			expect(v1.body).toEqual(task);
			expect((await api(`/api/tasks/${PROJECTS}/task/${task._id}`)).body).toEqual(task);
			expect((await api(`/api/v2/task-groups/${PROJECTS}/tasks/${task._id}`)).body).toEqual(task);
			expect((await api(`/api/tasks/${PROJECTS}/task/serial/${task.serial}`)).body).toEqual(task);
			expect((await api(`/api/tasks/${PROJECTS}/task/serial/99`)).status).toBe(404);
			expect(task).toMatchObject({
				serial: 1,
				name: 'Website relaunch',
				assignee: USER_IDS.ana,
				followers: [USER_IDS.bot],
				userList: [USER_IDS.ana, USER_IDS.bot],
				smState: STATE_IDS.doing,
				status: PROPERTY_IDS.doing,
				smStateMachine: STATE_MACHINE_IDS.projects,
				status1: PROPERTY_IDS.high,
				status2: PROPERTY_IDS.sales,
				extensions: { project_data: { budget: 12000, code: 'WEB-1' } },
				createdAt: '2026-02-18T08:00:00.000Z',
				modifiedAt: '2026-02-19T14:00:00.000Z',
				modifiedStateAt: '2026-02-19T14:00:00.000Z',
				closedAt: null,
				isActive: true,
			});
		});

		it('creates with every documented field, stamping ISO dates with milliseconds from the clock', async () => {
			clock.current = new Date('2026-03-10T09:15:30.250Z');
			const { status, body } = await create({
				name: 'Prepare the board meeting',
				info: 'Slides and minutes',
				assignee: USER_IDS.carla,
				editors: [USER_IDS.carla, USER_IDS.ana],
				followers: [USER_IDS.bruno],
				startDate: '2026-03-11T09:00:00Z',
				endDate: '2026-03-20',
				status1: PROPERTY_IDS.high,
				status2: PROPERTY_IDS.sales,
				extensions: { project_data: { budget: 500, code: 'BRD-1' } },
				smState: STATE_IDS.done,
				serial: 999,
				unknownField: true,
			});
			expect(status).toBe(200);
			expect(body).toEqual({
				_id: expect.stringMatching(OID),
				__v: 0,
				company: '6a1e00000c00000000000001',
				taskGroup: PROJECTS,
				serial: 10,
				createdBy: USER_IDS.bot,
				channel: expect.stringMatching(OID),
				name: 'Prepare the board meeting',
				info: 'Slides and minutes',
				owner: 'manual',
				assignee: USER_IDS.carla,
				editors: [USER_IDS.carla, USER_IDS.ana],
				followers: [USER_IDS.bruno],
				visibility: [],
				subscribers: [],
				userList: [USER_IDS.carla, USER_IDS.ana, USER_IDS.bruno],
				status: PROPERTY_IDS.open,
				smState: STATE_IDS.open,
				smStateMachine: STATE_MACHINE_IDS.projects,
				status1: PROPERTY_IDS.high,
				status2: PROPERTY_IDS.sales,
				status3: null,
				status4: null,
				status5: null,
				extensions: { project_data: { budget: 500, code: 'BRD-1' } },
				createdAt: '2026-03-10T09:15:30.250Z',
				modifiedAt: '2026-03-10T09:15:30.250Z',
				modifiedStateAt: '2026-03-10T09:15:30.250Z',
				closedAt: null,
				resolutionDate: null,
				startDate: '2026-03-11T09:00:00.000Z',
				endDate: '2026-03-20T00:00:00.000Z',
				estimatedTime: null,
				isActive: true,
				parent: null,
				child: [],
				indentation: 0,
				weight: 0,
				relativeWeight: 0,
				activeSlas: [],
				answers: [],
				asset: null,
				language: 'english',
			});
			expect(sandbox.getTask(body._id as string)).toEqual(body);
		});

		it('creates from a name only like the docs sample: the creator is assignee and editor', async () => {
			const { body } = await create({ name: 'API TASK!' }, SUPPORT);
			expect(body).toMatchObject({
				name: 'API TASK!',
				assignee: USER_IDS.bot,
				editors: [USER_IDS.bot],
				userList: [USER_IDS.bot],
				serial: 7,
				smState: STATE_IDS.new,
				status: PROPERTY_IDS.new,
				extensions: {},
			});
			// Without Admin the bot still sees its own new task.
			expect(names((await v2Tasks(SUPPORT, '?limit=100', AUTH)).body.data.tasks)).toContain(
				'API TASK!',
			);
		});

		it('answers {task} with createWrap (the SDK reading), and refuses bad create bodies with 400', async () => {
			await control('shape?createWrap=true');
			const wrapped = await api(`/api/tasks/${PROJECTS}/task/create?requiredSurvey=false`, {
				method: 'POST',
				json: { name: 'Wrapped' },
			});
			expect(Object.keys(wrapped.body)).toEqual(['task']);
			expect(wrapped.body.task.name).toBe('Wrapped');
			await control('shape?createWrap=false');
			const bad: Array<[Json, string]> = [
				[{}, 'name is required'],
				[{ name: '  ' }, 'name is required'],
				[{ name: 'x', startDate: 'next week' }, 'startDate must be an ISO date'],
				[{ name: 'x', editors: USER_IDS.ana }, 'editors must be an array of user ObjectIds'],
				[
					{ name: 'x', extensions: { project_data: 5 } },
					'extensions.project_data must be an object {fieldCode: value}',
				],
				[{ name: 'x', assignee: null }, 'assignee must be a user ObjectId'],
			];
			for (const [body, message] of bad) {
				const res = await create(body);
				expect([res.status, res.body]).toEqual([400, error(400, 'Bad Request', message)]);
			}
			const notJson = await raw(`/api/tasks/${PROJECTS}/task/create`, {
				method: 'POST',
				headers: { ...ADMIN, 'Content-Type': 'application/json' },
			});
			expect(notJson.status).toBe(400);
			expect(sandbox.listTasks()).toHaveLength(16);
		});

		it('PATCH is partial: only sent fields change, modifiedAt and __v move, an unchanged body moves nothing', async () => {
			const before = seeded('Laptop battery replacement');
			clock.current = new Date('2026-03-10T10:00:00.500Z');
			const { status, body } = await patch(
				before._id,
				{
					name: 'Laptop battery + charger',
					status1: null,
					followers: [USER_IDS.carla],
					extensions: { other_data: { note: 'x' } },
					createdAt: '2020-01-01T00:00:00.000Z',
					userList: [],
				},
				SUPPORT,
			);
			expect(status).toBe(200);
			expect(body).toEqual({
				...before,
				name: 'Laptop battery + charger',
				status1: null,
				followers: [USER_IDS.carla],
				userList: [USER_IDS.ana, USER_IDS.carla],
				extensions: { ticket_data: { asset_tag: 'LT-0042' }, other_data: { note: 'x' } },
				modifiedAt: '2026-03-10T10:00:00.500Z',
				__v: before.__v + 1,
			});
			// A sent collection replaces that collection; null removes it.
			const ext = await patch(
				before._id,
				{ extensions: { ticket_data: { asset_tag: 'LT-0043' }, other_data: null } },
				SUPPORT,
			);
			expect(ext.body.extensions).toEqual({ ticket_data: { asset_tag: 'LT-0043' } });
			clock.current = new Date('2026-03-10T11:00:00.000Z');
			const same = await patch(before._id, { name: 'Laptop battery + charger' }, SUPPORT);
			expect(same.body.modifiedAt).toBe('2026-03-10T10:00:00.500Z');
			expect((await patch(before._id, {}, SUPPORT)).body.__v).toBe(before.__v + 2);
			const rejected = await patch(before._id, { name: 'ok', weight: 'heavy' }, SUPPORT);
			expect(rejected.status).toBe(400);
			expect(sandbox.getTask(before._id)?.name).toBe('Laptop battery + charger');
		});

		it('has no DELETE: deactivation is PATCH {isActive: false}, which hides the task from default lists', async () => {
			const task = seeded('Team offsite');
			for (const path of [
				`/api/v1/tasks/${PROJECTS}/task/${task._id}`,
				`/api/v2/task-groups/${PROJECTS}/tasks/${task._id}`,
			]) {
				const res = await api(path, { method: 'DELETE' });
				expect(res.status).toBe(404);
				expect(res.body).toEqual(error(404, 'Not Found', `Cannot DELETE ${path}`));
			}
			clock.current = new Date('2026-03-10T12:00:00.000Z');
			const off = await patch(task._id, { isActive: false });
			expect(off.body).toMatchObject({ isActive: false, modifiedAt: '2026-03-10T12:00:00.000Z' });
			expect(names((await v2Tasks(PROJECTS, '?limit=100')).body.data.tasks)).not.toContain(
				'Team offsite',
			);
			expect(names((await v2Tasks(PROJECTS, '?isActive=false')).body.data.tasks)).toContain(
				'Team offsite',
			);
			expect(
				names((await api(`/api/tasks/${PROJECTS}/task?limit=100`)).body as unknown as CotTask[]),
			).not.toContain('Team offsite');
			expect((await api(`/api/tasks/${PROJECTS}/task/${task._id}`)).body.isActive).toBe(false);
			expect((await patch(task._id, { isActive: 'no' })).status).toBe(400);
		});
	});

	describe('state machine', () => {
		it('lists states, machines and the allowed next states of a task', async () => {
			const states = (await api(`/api/v1/tasks/${PROJECTS}/sm/smstate`)).body as unknown as Json[];
			expect(states.map((st) => [st.name, st.type])).toEqual([
				['open', 'new'],
				['doing', 'in-progress'],
				['done', 'closed'],
			]);
			expect((await api(`/api/v1/tasks/${PROJECTS}/sm/smstate/all`)).body).toEqual(states);
			const machines = (await api(`/api/tasks/${SUPPORT}/sm/smstatemachine`))
				.body as unknown as Json[];
			expect(machines).toEqual([
				expect.objectContaining({ _id: STATE_MACHINE_IDS.support, initialState: STATE_IDS.new }),
			]);
			const next = async (name: string) =>
				(
					(await api(`/api/tasks/${PROJECTS}/sm/nextsmstate?taskId=${seeded(name)._id}`))
						.body as unknown as Json[]
				).map((st) => st.name);
			expect(await next('Hire a designer')).toEqual(['doing']);
			expect(await next('Website relaunch')).toEqual(['open', 'done']);
			expect(await next('Office move')).toEqual(['open']);
			const first = (
				await api(`/api/tasks/${PROJECTS}/sm/nextsmstate?taskId=${seeded('Hire a designer')._id}`)
			).body as unknown as Json[];
			expect(first[0]).toMatchObject({
				_id: STATE_IDS.doing,
				property: PROPERTY_IDS.doing,
				stateMachine: STATE_MACHINE_IDS.projects,
				type: 'in-progress',
			});
			expect((await api(`/api/tasks/${PROJECTS}/sm/nextsmstate`)).status).toBe(400);
			expect((await api(`/api/tasks/${PROJECTS}/sm/nextsmstate?taskId=bad`)).status).toBe(400);
			expect(
				(
					await api(
						`/api/tasks/${PROJECTS}/sm/nextsmstate?taskId=${seeded('Duplicate ticket')._id}`,
					)
				).status,
			).toBe(404);
		});

		it('moves to an allowed state: smState, status, modifiedStateAt, closedAt; refuses others with 400', async () => {
			const task = seeded('Hire a designer');
			expect(task.modifiedStateAt).toBe(task.createdAt);
			const refused = await patch(task._id, {
				smState: STATE_IDS.done,
				name: 'Hire two designers',
			});
			expect(refused.status).toBe(400);
			expect(refused.body).toEqual(
				error(400, 'Bad Request', "smState: moving from 'open' to 'done' is not allowed"),
			);
			expect(sandbox.getTask(task._id)).toEqual(task);
			expect((await patch(task._id, { smState: STATE_IDS.working })).body.message).toBe(
				`smState: ${STATE_IDS.working} is not a state of this task group's state machine`,
			);
			clock.current = new Date('2026-03-10T13:00:00.001Z');
			const doing = await patch(task._id, { smState: STATE_IDS.doing });
			expect(doing.body).toMatchObject({
				smState: STATE_IDS.doing,
				status: PROPERTY_IDS.doing,
				modifiedStateAt: '2026-03-10T13:00:00.001Z',
				modifiedAt: '2026-03-10T13:00:00.001Z',
				closedAt: null,
			});
			clock.current = new Date('2026-03-10T14:00:00.000Z');
			const done = await patch(task._id, { smState: STATE_IDS.done });
			expect(done.body).toMatchObject({
				smState: STATE_IDS.done,
				status: PROPERTY_IDS.done,
				closedAt: '2026-03-10T14:00:00.000Z',
				resolutionDate: '2026-03-10T14:00:00.000Z',
			});
			clock.current = new Date('2026-03-10T15:00:00.000Z');
			const reopened = await patch(task._id, { smState: STATE_IDS.open, info: 'again' });
			expect(reopened.body).toMatchObject({
				smState: STATE_IDS.open,
				closedAt: null,
				info: 'again',
				modifiedStateAt: '2026-03-10T15:00:00.000Z',
			});
			// Patching other fields leaves modifiedStateAt alone.
			clock.current = new Date('2026-03-10T16:00:00.000Z');
			const renamed = await patch(task._id, { name: 'Hire a senior designer' });
			expect(renamed.body.modifiedStateAt).toBe('2026-03-10T15:00:00.000Z');
			expect(renamed.body.modifiedAt).toBe('2026-03-10T16:00:00.000Z');
			const history = await api(
				`/api/v2/task-groups/${PROJECTS}/tasks/${task._id}/sm-state-changes`,
			);
			expect(history.body.data.count).toBe(3);
			expect(
				history.body.data.values.map((change: Json) => [
					change.previousSmState,
					change.smState,
					change.createdAt,
					change.user,
				]),
			).toEqual([
				[STATE_IDS.open, STATE_IDS.doing, '2026-03-10T13:00:00.001Z', USER_IDS.bot],
				[STATE_IDS.doing, STATE_IDS.done, '2026-03-10T14:00:00.000Z', USER_IDS.bot],
				[STATE_IDS.done, STATE_IDS.open, '2026-03-10T15:00:00.000Z', USER_IDS.bot],
			]);
		});
	});

	describe('v1 lists and find', () => {
		const v1 = async (group: string, query: string) =>
			(await api(`/api/v1/tasks/${group}/task${query}`)).body as unknown as CotTask[];

		it('answers a bare array, limit/page (default 10), in the scrambled order', async () => {
			await control(`seed?count=10&group=${PROJECTS}`);
			const first = await v1(PROJECTS, '');
			expect(first).toHaveLength(10);
			const second = await v1(PROJECTS, '?page=2');
			expect(second).toHaveLength(8);
			expect(new Set([...first, ...second].map((task) => task._id)).size).toBe(18);
			const ids = [...first, ...second].map((task) => task._id);
			expect(ids).toEqual([...ids].sort((a, b) => scrambleKey(a) - scrambleKey(b)));
		});

		it('searches comma-separated keywords (any) in name, info and extensions', async () => {
			expect(names(await v1(PROJECTS, '?search=report')).sort()).toEqual([
				'Quarterly sales report',
			]);
			expect(names(await v1(PROJECTS, '?search=sales,%20audit')).sort()).toEqual([
				'Quarterly sales report',
				'Security audit',
			]);
			expect(names(await v1(PROJECTS, '?search=API-7'))).toEqual(['API integration']);
			expect(names(await v1(PROJECTS, '?search=nothing-matches'))).toEqual([]);
		});

		it('filters assignee, status (state element or status1..5), smStateMachine and limitBy', async () => {
			expect(names(await v1(SUPPORT, `?assignee=${USER_IDS.bruno}`)).sort()).toEqual([
				'Sales CRM access request',
				'VPN drops every hour',
			]);
			expect(names(await v1(SUPPORT, `?status=${PROPERTY_IDS.working}`)).sort()).toEqual([
				'Laptop battery replacement',
				'VPN drops every hour',
			]);
			expect(names(await v1(SUPPORT, `?status=${PROPERTY_IDS.sales}`))).toEqual([
				'Sales CRM access request',
			]);
			expect(await v1(SUPPORT, `?smStateMachine=${STATE_MACHINE_IDS.projects}`)).toEqual([]);
			expect(
				(await v1(SUPPORT, `?smStateMachine=${STATE_MACHINE_IDS.support}&limitBy=all`)).length,
			).toBe(5);
			expect((await api(`/api/v1/tasks/${SUPPORT}/task?limitBy=some`)).status).toBe(400);
		});

		it('takes modifiedAt as epoch milliseconds meaning "modified after", and refuses ISO there', async () => {
			const cut = START.getTime() - 60 * 3_600_000;
			expect(names(await v1(PROJECTS, `?modifiedAt=${cut}`)).sort()).toEqual([
				'Security audit',
				'Team offsite',
			]);
			const exact = Date.parse(seeded('Team offsite').modifiedAt);
			expect(names(await v1(PROJECTS, `?modifiedAt=${exact}`))).toEqual([]);
			expect(names(await v1(PROJECTS, `?modifiedAt=${exact - 1}`))).toEqual(['Team offsite']);
			const iso = await api(`/api/v1/tasks/${PROJECTS}/task?modifiedAt=2026-03-01T00:00:00Z`);
			expect(iso.status).toBe(400);
			expect(iso.body.message).toBe('modifiedAt must be a Unix epoch timestamp in milliseconds');
		});

		it('groups by state with a filter (the SDK shape)', async () => {
			const grouped = (await api(`/api/tasks/${SUPPORT}/task?filter=${NOBODY}&limit=100`))
				.body as unknown as Json[];
			const summary = grouped.map((entry) => [entry._id[0].display, entry.tasks.length]).sort();
			expect(summary).toEqual([
				['new', 2],
				['resolved', 1],
				['working', 2],
			]);
			expect(grouped[0]._id[0]).toEqual({
				key: 'smState',
				display: expect.any(String),
				type: 'COTSMState',
				id: expect.stringMatching(OID),
			});
		});

		it('finds with a Mongo-style body in POST task/all: ids or $in, date operators, isActive', async () => {
			const find = async (body: Json) =>
				(await api(`/api/v1/tasks/${PROJECTS}/task/all`, { method: 'POST', json: body }))
					.body as unknown as CotTask[];
			expect((await find({})).length).toBe(9);
			expect(names(await find({ smState: STATE_IDS.done })).sort()).toEqual([
				'Archive 2025 invoices',
				'Office move',
			]);
			expect(names(await find({ smState: STATE_IDS.done, isActive: true }))).toEqual([
				'Office move',
			]);
			expect(
				names(
					await find({
						status1: { $in: [PROPERTY_IDS.low, PROPERTY_IDS.medium] },
						userList: USER_IDS.ana,
					}),
				).sort(),
			).toEqual(['Hire a designer', 'Team offsite']);
			expect(
				names(
					await find({ userList: { $in: [USER_IDS.bot] }, smState: { $nin: [STATE_IDS.doing] } }),
				),
			).toEqual([]);
			expect(
				names(
					await find({ createdAt: { $gte: new Date(START.getTime() - 3 * DAY).toISOString() } }),
				).sort(),
			).toEqual(['Security audit', 'Team offsite']);
			expect(
				names(
					await find({
						modifiedAt: { $gt: START.getTime() - 60 * 3_600_000, $lte: START.getTime() },
					}),
				).sort(),
			).toEqual(['Security audit', 'Team offsite']);
			expect(
				names(await find({ endDate: { $lt: new Date(START.getTime() + 5 * DAY).toISOString() } })),
			).toEqual(['Security audit']);
			const bad = await api(`/api/v1/tasks/${PROJECTS}/task/all`, {
				method: 'POST',
				json: { smState: { $regex: 'x' } },
			});
			expect(bad.body).toEqual(
				error(400, 'Bad Request', 'smState: unsupported operator $regex (use $in or $nin)'),
			);
			expect(
				(
					await api(`/api/v1/tasks/${PROJECTS}/task/all`, {
						method: 'POST',
						json: { color: 'red' },
					})
				).status,
			).toBe(400);
		});
	});

	describe('users and properties', () => {
		it('lists users in {data: {users, count}} and answers /users/me', async () => {
			const { body } = await api('/api/v2/users?count=true');
			expect(body.data.count).toBe(4);
			expect(body.data.users.map((user: Json) => user.name.displayName)).toEqual([
				'Ana Rojas',
				'Bruno Díaz',
				'Carla Soto',
				'Sandbox Bot',
			]);
			expect(
				(await api('/api/v2/users?search=carla')).body.data.users.map((user: Json) => user._id),
			).toEqual([USER_IDS.carla]);
			expect(
				(await api('/api/v2/users?email=bruno@cotalker.sandbox.test&limit=1')).body.data.users,
			).toHaveLength(1);
			expect((await api('/api/v2/users/me', { headers: AUTH })).body).toMatchObject({
				_id: USER_IDS.bot,
				email: 'bot@cotalker.sandbox.test',
			});
			expect((await api('/api/v1/users/me', { headers: AUTH })).body._id).toBe(USER_IDS.bot);
		});

		it('lists properties in {data: {properties}} by propertyTypes, ids and search, and reads one', async () => {
			const priority = await api('/api/v2/properties?propertyTypes=priority&count=true');
			expect(priority.body.data.properties.map((p: Json) => p.name)).toEqual([
				{ code: 'low', display: 'Low' },
				{ code: 'medium', display: 'Medium' },
				{ code: 'high', display: 'High' },
			]);
			expect(priority.body.data.count).toBe(3);
			expect(
				(await api('/api/v2/properties?propertyTypes=department,tickets_state&count=true')).body
					.data.count,
			).toBe(5);
			expect(
				(await api(`/api/v2/properties?ids=${PROPERTY_IDS.sales}`)).body.data.properties[0].name
					.code,
			).toBe('sales');
			expect(
				(await api('/api/v2/properties?search=resol')).body.data.properties.map((p: Json) => p._id),
			).toEqual([PROPERTY_IDS.resolved]);
			expect((await api(`/api/v2/properties/${PROPERTY_IDS.high}`)).body).toMatchObject({
				_id: PROPERTY_IDS.high,
				propertyType: 'priority',
			});
			expect((await api(`/api/v2/properties/${NOBODY}`)).status).toBe(404);
		});
	});

	describe('throttling and controls', () => {
		it('answers 429 with Retry-After for the next N requests, before auth, then recovers', async () => {
			expect((await control('throttle?count=2')).throttle).toMatchObject({
				remaining: 2,
				retryAfterSeconds: 1,
			});
			for (const headers of [ADMIN, {}]) {
				const res = await raw('/api/v2/task-groups', { headers });
				expect(res.status).toBe(429);
				expect(res.headers.get('retry-after')).toBe('1');
				expect(await res.json()).toEqual(error(429, 'Too Many Requests', THROTTLE_MESSAGE));
			}
			// Controls are never throttled; the API recovers.
			expect((await control('state', undefined, 'GET')).tasks).toHaveLength(15);
			expect((await api('/api/v2/task-groups')).status).toBe(200);
			await control('throttle?count=1&retryAfter=7');
			expect((await raw(`/api/tasks/${PROJECTS}/task`)).headers.get('retry-after')).toBe('7');
			await control('throttle?rate=2&windowSeconds=60');
			const statuses = [];
			for (let index = 0; index < 3; index++) statuses.push((await raw('/api/v2/users')).status);
			expect(statuses).toEqual([200, 200, 429]);
			clock.current = new Date(START.getTime() + 61_000);
			expect((await raw('/api/v2/users')).status).toBe(200);
			await control('throttle?off=true');
		});

		it('controls the clock, seeds from bodies, logs requests and resets with or without the seed', async () => {
			expect(await control('clock?advanceSeconds=90')).toEqual({
				ok: true,
				now: '2026-03-10T08:01:30.000Z',
			});
			expect(await control('clock?set=2026-04-01T00:00:00.000Z')).toEqual({
				ok: true,
				now: '2026-04-01T00:00:00.000Z',
			});
			const seededTasks = await control(`seed?group=${SUPPORT}`, {
				tasks: [{ name: 'From a body', assignee: USER_IDS.ana }],
			});
			expect(seededTasks.tasks).toBe(16);
			const task = sandbox.getTask(seededTasks.ids[0]);
			expect(task).toMatchObject({
				name: 'From a body',
				taskGroup: SUPPORT,
				createdAt: '2026-04-01T00:00:00.000Z',
				serial: 7,
			});
			expect((await control(`seed?group=${NOBODY}&count=2`)).error).toBe(`no task group ${NOBODY}`);
			expect((await control('seed', { tasks: [{}] })).error).toContain('name is required');
			await control('requests', undefined, 'DELETE');
			const sent = Date.now();
			await create({ name: 'Logged' });
			const log = (await control('requests', undefined, 'GET')) as unknown as Json[];
			expect(log).toEqual([
				{
					at: '2026-04-01T00:00:00.000Z',
					method: 'POST',
					url: `/api/v1/tasks/${PROJECTS}/task/create`,
					status: 200,
					body: { name: 'Logged' },
					finishedAt: expect.any(Number),
				},
			]);
			// When the answer left, by the machine's clock (the emulator's own is set to April).
			expect(log[0].finishedAt).toBeGreaterThanOrEqual(sent);
			expect(log[0].finishedAt).toBeLessThanOrEqual(Date.now());
			expect((await control('reset?seed=false')).tasks).toBe(0);
			expect((await v2Tasks(PROJECTS, '?count=true')).body.data.count).toBe(0);
			expect((await api('/api/v2/task-groups?count=true')).body.data.count).toBe(2);
			expect((await control('reset')).tasks).toBe(15);
			expect((await control('nope')).error).toBe("unknown sandbox control 'nope'");
		});
	});
});
