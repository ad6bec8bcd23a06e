import { proveManyItems } from '../helpers/reliability/manyItems';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { NODE, copperCredentials } from './credentials';
import { BAD_TASK_ID, copper, presentedTask } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import task from './fixtures/record-task.json';

const other = { ...task, id: 27140361, name: 'Send the contract' };
const presentedOther = { ...presentedTask, id: 27140361, name: 'Send the contract' };

/** Get the task each input item names, with Continue On Fail on or off. */
const getTasksOf = (ids: string[], continueOnFail = true) =>
	runCopper(
		'get',
		{ recordId: picked('={{ $json.taskId }}') },
		{ input: ids.map((taskId) => ({ taskId })), continueOnFail },
	);

describe('Copper › Continue On Fail', () => {
	it('turns an item with a bad ID into an error item and still runs the others', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.reply(200, task)
			.get('/tasks/27140361')
			.reply(200, other);

		const run = await getTasksOf(['27140359', 'not-an-id', '27140361']);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask, { error: BAD_TASK_ID }, presentedOther]);
		expectExactRequests(scope);
	});

	it('turns an item Copper refuses into an error item and still runs the others', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.reply(200, task)
			.get('/tasks/27140360')
			.reply(404, { status: 404, message: 'Resource not found' })
			.get('/tasks/27140361')
			.reply(200, other);

		const run = await getTasksOf(['27140359', '27140360', '27140361']);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask, { error: 'Resource not found' }, presentedOther]);
		expectExactRequests(scope);
	});

	it('keeps going past a create Copper refuses', async () => {
		const scope = copper()
			.post('/tasks', { name: 'First' })
			.reply(200, task)
			.post('/tasks', { name: 'Second' })
			.reply(422, { status: 422, message: 'Invalid input' })
			.post('/tasks', { name: 'Third' })
			.reply(200, other);

		const run = await runCopper(
			'create',
			{ name: '={{ $json.name }}', additionalFields: {} },
			{ input: [{ name: 'First' }, { name: 'Second' }, { name: 'Third' }], continueOnFail: true },
		);

		expect(run.json).toEqual([presentedTask, { error: 'Invalid input' }, presentedOther]);
		expectExactRequests(scope);
	});

	// n8n's routing engine runs a declarative node's items side by side, so the good item's request
	// is still sent; the node then fails with the bad item's error and outputs nothing.
	it('without it, a bad item fails the node, naming the problem, and nothing is output', async () => {
		const scope = copper().get('/tasks/27140359').reply(200, task);

		const run = await getTasksOf(['not-an-id', '27140359'], false);

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('without it, a single bad item sends no request at all', async () => {
		const run = await getTasksOf(['not-an-id'], false);

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expectNoRequests();
	});
});

describe('Copper › Continue On Fail › many items', () => {
	proveManyItems({
		vendor: 'Copper',
		operation: 'get task by ID',
		type: NODE,
		credentials: copperCredentials,
		parameters: { resource: 'task', operation: 'get', recordId: picked('={{ $json.id }}') },
		idOf: (index) => String(27_000_000 + index),
		invalidIds: ['not-an-id', '27140359/../../users/me', '..', '27140359?x=1', '２７１４', '-1'],
		api: copper,
		recordPath: /\/tasks\/\d+$/,
		found: (id) => ({
			answer: [200, { ...task, id: Number(id) }],
			output: { ...presentedTask, id: Number(id) },
		}),
		missing: {
			answer: [404, { status: 404, message: 'Resource not found' }],
			message: 'Resource not found',
		},
		invalidMessage: BAD_TASK_ID,
	});
});
