/**
 * Cotalker's v2 lists answer `{data: {<plural>: [...], count}}`, and the plural of tasks and task
 * groups is undocumented: the node reads the one list of records whatever its key. Proved at node
 * level against the emulator with its switchable task array key (`/__sandbox/shape?arrayKey=`), and
 * with nock for an answer that cannot be read safely.
 */

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests } from '../helpers/requests';
import { DEFAULT_ARRAY_KEY, TASK_GROUP_IDS } from '../sandbox/cotalker';
import { useEmulator } from './recordHelpers';
import { NODE, sandboxCredentials } from './credentials';
import { cotalker, pageQuery, taskGroupNumbered } from './fixtures/taskGroups';
import { picked, runCotalker } from './runCotalker';

describe('Cotalker › list envelopes against the emulator', () => {
	const emulator = useEmulator(new Date('2026-11-20T08:00:00Z'));

	/** The raw answer of the v2 task list, to see which key the emulator uses. */
	const rawTaskList = async () =>
		(await (
			await fetch(`${emulator.server.url}/api/v2/task-groups/${TASK_GROUP_IDS.support}/tasks`, {
				headers: { Authorization: 'Bearer sandbox-cotalker-token', Admin: 'true' },
			})
		).json()) as { data: Record<string, unknown> };

	const supportTasks = async () => {
		const { context, nodeType } = loadOptionsContext(
			NODE,
			{ resource: 'task', operation: 'get', taskGroup: picked(TASK_GROUP_IDS.support) },
			sandboxCredentials(emulator.server.url),
		);
		return (await nodeType.methods!.listSearch!.searchTasks.call(context)).results.map(
			(result) => result.name,
		);
	};

	const SUPPORT_TASKS = [
		'#4 Laptop battery replacement',
		'#1 Printer on floor 2 jams',
		'#3 Reset password for Ana',
		'#6 Sales CRM access request',
		'#2 VPN drops every hour',
	];

	it.each([DEFAULT_ARRAY_KEY, 'items', 'results'])(
		'lists the tasks of a task group when Cotalker puts them under data.%s',
		async (arrayKey) => {
			await fetch(`${emulator.server.url}/__sandbox/shape?arrayKey=${arrayKey}`, {
				method: 'POST',
			});
			expect(Object.keys((await rawTaskList()).data)).toEqual([arrayKey]);

			const names = await supportTasks();

			expect(names).toEqual(SUPPORT_TASKS);
		},
	);

	it('lists the task groups, which the emulator answers under data.taskGroups with their count, through the node', async () => {
		const run = await runCotalker(
			'taskGroup',
			'list',
			{ returnAll: true, sortBy: 'collectionName' },
			{ credentials: sandboxCredentials(emulator.server.url) },
		);

		expect(run.error).toBeUndefined();
		expect(run.json.map((group) => group.collectionName)).toEqual(['projects', 'support_tickets']);
		expect(emulator.sandbox.state.requests.map(({ url, status }) => `${url} ${status}`)).toEqual([
			'/api/v2/task-groups?sortBy=collectionName&orderBy=asc&limit=100&page=1&count=true 200',
		]);
	});
});

describe('Cotalker › list envelopes with nock', () => {
	it('fails clearly, instead of outputting nothing, on an answer with two lists of records', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, {
				data: { active: [taskGroupNumbered(1)], archived: [taskGroupNumbered(2)], count: 2 },
			});

		const run = await runCotalker('taskGroup', 'list');

		expect(run.error?.message).toBe(
			'The answer holds several lists (active, archived) and none is the expected one',
		);
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});
});
