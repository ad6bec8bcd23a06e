/**
 * Continue On Fail: an item with bad input or one Cotalker refuses becomes an error item, and the
 * other items still run; without it, the first failure stops the node.
 */
import { proveManyItems } from '../helpers/reliability/manyItems';
import { expectExactRequests } from '../helpers/requests';
import { NODE, cotalkerCredentials } from './credentials';
import {
	PROJECTS,
	TASK,
	TASKS_V1,
	TASK_V1,
	badId,
	cotalker,
	failed,
	runTask,
	task,
	taskNumbered,
} from './recordHelpers';
import { picked } from './runCotalker';

const third = taskNumbered(3, 'Office move');
const thirdUrl = `${TASKS_V1}/${String(third._id)}`;

/** Get the task each input item names, with Continue On Fail on or off. */
const getTasksOf = (ids: string[], continueOnFail = true) =>
	runTask(
		'get',
		{ recordId: picked('={{ $json.taskId }}') },
		{ input: ids.map((taskId) => ({ taskId })), continueOnFail },
	);

describe('Cotalker › Continue On Fail', () => {
	it('turns the middle item with a malformed ID into an error item and runs the others', async () => {
		const scope = cotalker().get(TASK_V1).reply(200, task).get(thirdUrl).reply(200, third);

		const run = await getTasksOf([String(task._id), 'not-an-id', String(third._id)]);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task, { error: badId('Task', 'task') }, third]);
		expectExactRequests(scope);
	});

	it('turns the middle item Cotalker refuses into an error item', async () => {
		const missing = '6a1e000001000000000000ff';
		const scope = cotalker()
			.get(TASK_V1)
			.reply(200, task)
			.get(`${TASKS_V1}/${missing}`)
			.reply(404, failed(404, 'Not Found', 'Task not found'))
			.get(thirdUrl)
			.reply(200, third);

		const run = await getTasksOf([String(task._id), missing, String(third._id)]);

		expect(run.json).toEqual([task, { error: 'Task not found' }, third]);
		expectExactRequests(scope);
	});

	it('keeps creating past an item without a name, in the group each item names', async () => {
		const scope = cotalker()
			.post(`${TASKS_V1}/create`, { name: 'First' })
			.reply(200, task)
			.post(`/api/v1/tasks/6a1e00000d00000000000002/task/create`, { name: 'Third' })
			.reply(200, { task: third });

		const run = await runTask(
			'create',
			{ taskGroup: picked('={{ $json.group }}'), name: '={{ $json.name }}', additionalFields: {} },
			{
				input: [
					{ group: PROJECTS, name: 'First' },
					{ group: PROJECTS, name: '' },
					{ group: '6a1e00000d00000000000002', name: 'Third' },
				],
				continueOnFail: true,
			},
		);

		expect(run.json).toEqual([
			task,
			{ error: 'Invalid value for "Name": This field is required' },
			third,
		]);
		expectExactRequests(scope);
	});

	it('fails the node without Continue On Fail, outputting nothing', async () => {
		// n8n's routing engine runs a declarative node's items side by side: the good item's
		// request still goes out, but the node fails as a whole.
		const scope = cotalker().get(TASK_V1).reply(200, task);

		const run = await getTasksOf(['not-an-id', String(task._id)], false);

		expect(run.error?.message).toBe(badId('Task', 'task'));
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});
});

describe('Cotalker › Continue On Fail › many items', () => {
	proveManyItems({
		vendor: 'Cotalker',
		operation: 'get task by ID',
		type: NODE,
		credentials: cotalkerCredentials,
		parameters: {
			resource: 'task',
			operation: 'get',
			taskGroup: picked(PROJECTS),
			recordId: picked('={{ $json.id }}'),
		},
		idOf: (index) => String(taskNumbered(index + 1)._id),
		invalidIds: [
			'not-an-id',
			`${TASK}/../../users/me`,
			'..',
			`${TASK}?isActive=all`,
			`６${TASK.slice(1)}`,
			TASK.slice(1),
		],
		api: cotalker,
		recordPath: new RegExp(`${TASKS_V1}/[0-9a-f]{24}$`),
		found: (id) => ({ answer: [200, { ...task, _id: id }], output: { ...task, _id: id } }),
		missing: {
			answer: [404, failed(404, 'Not Found', 'Task not found')],
			message: 'Task not found',
		},
		invalidMessage: badId('Task', 'task'),
	});
});
