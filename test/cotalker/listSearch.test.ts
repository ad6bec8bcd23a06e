/**
 * The pickers (listSearch methods) for task groups, tasks and users: labels, narrowing by the
 * typed text, paging tokens, the task group the task list depends on; against the Cotalker
 * emulator and, for exact headers and errors, with nock.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { TASK_GROUP_IDS, UNAUTHORIZED_MESSAGE, USER_IDS } from '../sandbox/cotalker';
import { BASE_URL, NODE, cotalkerCredentials, sandboxCredentials } from './credentials';
import { failed } from './fixtures/taskGroups';
import { useEmulator } from './recordHelpers';
import { picked } from './runCotalker';

const searchOf = (
	credentials: Record<string, ICredentialDataDecryptedObject>,
	parameters: INodeParameters = { resource: 'task', operation: 'get' },
) => {
	const { context, nodeType } = loadOptionsContext(NODE, parameters, credentials);
	return async (name: string, filter?: string, token?: string) =>
		await nodeType.methods!.listSearch![name].call(context, filter, token);
};

const taskId = (n: number) => `6a1e0000010000000000000${n.toString(16)}`;

describe('Cotalker › pickers against the emulator', () => {
	const emulator = useEmulator(new Date('2026-11-20T08:00:00Z'));

	const credentials = () => sandboxCredentials(emulator.server.url);
	const inGroup = (taskGroup: INodeParameters[string] | undefined) =>
		searchOf(credentials(), {
			resource: 'task',
			operation: 'get',
			...(taskGroup === undefined ? {} : { taskGroup }),
		});
	const search = (name: string, filter?: string, token?: string) =>
		searchOf(credentials())(name, filter, token);
	const sent = () =>
		emulator.sandbox.state.requests.map(({ method, url, status }) => `${method} ${url} ${status}`);

	it('lists the active task groups by code name, in order, narrowed here by the typed text', async () => {
		const all = await search('searchTaskGroups');
		const typed = await search('searchTaskGroups', 'PORT');

		expect(all).toEqual({
			results: [
				{ name: 'projects', value: TASK_GROUP_IDS.projects },
				{ name: 'support_tickets', value: TASK_GROUP_IDS.support },
			],
			paginationToken: undefined,
		});
		expect(typed).toEqual({
			results: [{ name: 'support_tickets', value: TASK_GROUP_IDS.support }],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			'GET /api/v2/task-groups?sortBy=collectionName&orderBy=asc&count=true&limit=100&page=1 200',
			'GET /api/v2/task-groups?sortBy=collectionName&orderBy=asc&count=true&limit=100&page=1 200',
		]);
	});

	it('lists the tasks of the task group chosen in the node by name, labelled "#serial name"', async () => {
		const found = await inGroup(picked(TASK_GROUP_IDS.projects, 'list'))('searchTasks');

		expect(found).toEqual({
			results: [
				{ name: '#5 API integration', value: taskId(5) },
				{ name: '#7 Customer survey', value: taskId(7) },
				{ name: '#4 Hire a designer', value: taskId(4) },
				{ name: '#3 Office move', value: taskId(3) },
				{ name: '#2 Quarterly sales report', value: taskId(2) },
				{ name: '#8 Security audit', value: taskId(8) },
				{ name: '#9 Team offsite', value: taskId(9) },
				{ name: '#1 Website relaunch', value: taskId(1) },
			],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			`GET /api/v2/task-groups/${TASK_GROUP_IDS.projects}/tasks?sortBy=name&orderBy=asc&count=true&limit=100&page=1 200`,
		]);
	});

	it('finds tasks by the typed keywords with the v1 search, in the task group typed by ID', async () => {
		const found = await inGroup(picked(TASK_GROUP_IDS.support))('searchTasks', ' vpn ');

		expect(found).toEqual({
			results: [{ name: '#2 VPN drops every hour', value: taskId(0xb) }],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			`GET /api/v1/tasks/${TASK_GROUP_IDS.support}/task?search=vpn&limit=100&page=1 200`,
		]);
	});

	it.each([
		['no task group is chosen', picked('', 'list')],
		['the task group is not an ObjectId', picked('projects')],
		['the node has no task group parameter', undefined],
	])('lists no tasks, and sends nothing, when %s', async (_, taskGroup) => {
		const found = await inGroup(taskGroup)('searchTasks', 'report');

		expect(found).toEqual({ results: [] });
		expect(sent()).toEqual([]);
	});

	it('hands n8n the next page of tasks as a token and reads it when asked', async () => {
		expect(emulator.sandbox.generateTasks(242, TASK_GROUP_IDS.projects)).toHaveLength(242); // 250 active

		const tasks = inGroup(picked(TASK_GROUP_IDS.projects));
		const first = await tasks('searchTasks');
		const second = await tasks('searchTasks', undefined, first.paginationToken);
		const third = await tasks('searchTasks', undefined, second.paginationToken);

		expect([first, second, third].map((page) => page.results.length)).toEqual([100, 100, 50]);
		expect([first, second, third].map((page) => page.paginationToken)).toEqual([
			'2',
			'3',
			undefined,
		]);
		const values = [first, second, third].flatMap((page) => page.results.map((r) => r.value));
		expect(new Set(values).size).toBe(250);
		expect(sent()).toEqual(
			[1, 2, 3].map(
				(page) =>
					`GET /api/v2/task-groups/${TASK_GROUP_IDS.projects}/tasks?sortBy=name&orderBy=asc&count=true&limit=100&page=${page} 200`,
			),
		);
	});

	it('lists users by name with their email, searched by Cotalker on the typed text', async () => {
		const all = await search('searchUsers');
		const typed = await search('searchUsers', 'bru');

		expect(all).toEqual({
			results: [
				{ name: 'Ana Rojas (ana@cotalker.sandbox.test)', value: USER_IDS.ana },
				{ name: 'Bruno Díaz (bruno@cotalker.sandbox.test)', value: USER_IDS.bruno },
				{ name: 'Carla Soto (carla@cotalker.sandbox.test)', value: USER_IDS.carla },
				{ name: 'Sandbox Bot (bot@cotalker.sandbox.test)', value: USER_IDS.bot },
			],
			paginationToken: undefined,
		});
		expect(typed).toEqual({
			results: [
				{ name: 'Bruno Díaz (bruno@cotalker.sandbox.test)', value: USER_IDS.bruno },
			],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			'GET /api/v2/users?count=true&limit=100&page=1 200',
			'GET /api/v2/users?search=bru&count=true&limit=100&page=1 200',
		]);
	});

	it('waits out 429 while listing', async () => {
		emulator.sandbox.throttleNext(1, 0);

		const all = await search('searchTaskGroups');

		expect(all.results).toHaveLength(2);
		expect(sent().map((line) => line.slice(-3))).toEqual(['429', '200']);
	});
});

describe('Cotalker › pickers with nock', () => {
	const api = () =>
		nock(BASE_URL, {
			reqheaders: {
				authorization: 'Bearer cotalker-test-token',
				admin: 'true',
				accept: 'application/json',
			},
		});
	const search = (name: string, filter?: string, parameters?: INodeParameters) =>
		searchOf(cotalkerCredentials, parameters)(name, filter);

	it('reads task groups under any key, labelled by code name, and reads on while the typed text matches none', async () => {
		const group = (n: number, name: string) => ({
			_id: `6a1e00000d0000000000000${n}`,
			collectionName: name,
		});
		const page = (records: object[]) => ({ data: { groups: records, count: 101 } });
		const first = Array.from({ length: 100 }, (_, index) => group(1, `other_${index}`));
		const scope = api()
			.get('/api/v2/task-groups')
			.query({ sortBy: 'collectionName', orderBy: 'asc', count: 'true', limit: '100', page: '1' })
			.reply(200, page(first))
			.get('/api/v2/task-groups')
			.query({ sortBy: 'collectionName', orderBy: 'asc', count: 'true', limit: '100', page: '2' })
			.reply(200, page([group(2, 'Website')]));

		const found = await search('searchTaskGroups', 'web');

		expect(found).toEqual({
			results: [{ name: 'Website', value: '6a1e00000d00000000000002' }],
			paginationToken: undefined,
		});
		expectExactRequests(scope);
	});

	it('labels users without a display name by their names, and without a name by their email', async () => {
		const scope = api()
			.get('/api/v2/users')
			.query({ count: 'true', limit: '100', page: '1' })
			.reply(200, {
				data: {
					users: [
						{ _id: 'a1', name: { names: 'Eva', lastName: 'Luna' }, email: 'eva@x.test' },
						{ _id: 'a2', email: 'nobody@x.test' },
					],
					count: 2,
				},
			});

		const found = await search('searchUsers');

		expect(found.results).toEqual([
			{ name: 'Eva Luna (eva@x.test)', value: 'a1' },
			{ name: 'nobody@x.test', value: 'a2' },
		]);
		expectExactRequests(scope);
	});

	it('sends the chosen task group in the path and the keywords as search', async () => {
		const group = '6A1E00000D00000000000001';
		const scope = api()
			.get(`/api/v1/tasks/${group}/task`)
			.query({ search: 'budget,code', limit: '100', page: '1' })
			.reply(200, [{ _id: 't1', serial: 12, name: 'Budget review' }]);

		const found = await search('searchTasks', 'budget,code', {
			resource: 'task',
			operation: 'get',
			taskGroup: picked(group),
		});

		expect(found).toEqual({
			results: [{ name: '#12 Budget review', value: 't1' }],
			paginationToken: undefined,
		});
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message when the token is refused", async () => {
		const scope = api()
			.get('/api/v2/users')
			.query(true)
			.reply(401, failed(401, 'Unauthorized', UNAUTHORIZED_MESSAGE));

		await expect(search('searchUsers')).rejects.toThrow(UNAUTHORIZED_MESSAGE);
		expectExactRequests(scope);
	});

	it('sends nothing for tasks before a task group is chosen', async () => {
		expect(await search('searchTasks', 'x', { resource: 'task', operation: 'get' })).toEqual({
			results: [],
		});
		expectNoRequests();
	});
});
