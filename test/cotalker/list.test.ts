/**
 * List: the v2 task list of the group, `GET /api/v2/task-groups/{g}/tasks`, with Include
 * (isActive), sort by name (the only documented order) and Return All/Limit; the array's key is
 * undocumented, so the node reads the one list in `data` whatever its key.
 */
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import {
	TASKS_V2,
	badId,
	cotalker,
	failed,
	runTask,
	task,
	taskNumbered,
	tasksPage,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';
import { TASK_GROUP_IDS } from '../sandbox/cotalker';

const query = (extra: Record<string, string> = {}) => ({
	isActive: 'true',
	sortBy: 'name',
	orderBy: 'asc',
	limit: '50',
	page: '1',
	count: 'true',
	...extra,
});

describe('Cotalker › task › list', () => {
	it('lists the active tasks by name, up to Limit', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query())
			.reply(200, tasksPage([task, taskNumbered(2)], 2));

		const run = await runTask('list');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task, taskNumbered(2)]);
		expectExactRequests(scope);
	});

	it.each(['tasks', 'taskList', 'records'])('reads the tasks under the key %s', async (key) => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query({ isActive: 'all', orderBy: 'desc', limit: '3' }))
			.reply(200, tasksPage([task], 1, key));

		const run = await runTask('list', { isActive: 'all', orderBy: 'desc', limit: 3 });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('lists deactivated tasks with Include: Deactivated Tasks', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query({ isActive: 'false' }))
			.reply(200, tasksPage([], 0));

		const run = await runTask('list', { isActive: 'false' });

		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message", async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(true)
			.reply(404, failed(404, 'Not Found', 'Task group not found'));

		const run = await runTask('list');

		expect(run.error?.message).toBe('Task group not found');
		expectExactRequests(scope);
	});

	it.each([
		[
			'an unknown sort',
			{ sortBy: 'createdAt' },
			'Invalid value for "Sort By": Expected one of: name',
		],
		[
			'an unknown order',
			{ orderBy: 'up' },
			'Invalid value for "Order": Expected one of: asc, desc',
		],
		['a Limit of 0', { limit: 0 }, 'Invalid value for "Limit": Expected a whole number above 0'],
		[
			'a malformed task group',
			{ taskGroup: picked('x', 'list') },
			badId('Task Group', 'task group'),
		],
	])('refuses %s before any request', async (_, parameters, message) => {
		const run = await runTask('list', parameters);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('lists every active task of the group by name, as Cotalker returns them', async () => {
			const { sandbox, credentials } = emulator;
			const run = await runTask('list', { returnAll: true }, { credentials });

			const expected = sandbox
				.listTasks()
				.filter((one) => one.taskGroup === TASK_GROUP_IDS.projects && one.isActive)
				.sort((a, b) => a.name.localeCompare(b.name));
			expect(run.error).toBeUndefined();
			expect(run.json).toEqual(expected);
			expect(run.json).toHaveLength(8);
		});
	});
});
