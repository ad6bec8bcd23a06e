import { proveManyItems } from '../helpers/reliability/manyItems';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { NODE, passwordCredentials } from './credentials';
import { BAD_TASK_ID, MIKE, TASK_AS_SENT_BACK, task, taskNumbered } from './recordHelpers';
import { failed, onlyoffice, picked, runTask, single } from './runOnlyoffice';

const third = taskNumbered(1203, 'Quarterly review meeting');

/** Get the task each input item names, with Continue On Fail on or off. */
const getTasksOf = (ids: string[], continueOnFail = true) =>
	runTask(
		'get',
		{ recordId: picked('={{ $json.taskId }}') },
		{ input: ids.map((taskId) => ({ taskId })), continueOnFail },
	);

describe('ONLYOFFICE › Continue On Fail', () => {
	it('turns the middle item with a bad ID into an error item and still runs the others', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(200, single(task))
			.get('/crm/task/1203')
			.reply(200, single(third));

		const run = await getTasksOf(['1201', 'not-an-id', '1203']);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task, { error: BAD_TASK_ID }, third]);
		expectExactRequests(scope);
	});

	it('turns the middle item ONLYOFFICE refuses (error envelope) into an error item', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(200, single(task))
			.get('/crm/task/1202')
			.reply(404, failed(404, 'The record could not be found'))
			.get('/crm/task/1203')
			.reply(200, single(third));

		const run = await getTasksOf(['1201', '1202', '1203']);

		expect(run.json).toEqual([task, { error: 'The record could not be found' }, third]);
		expectExactRequests(scope);
	});

	it('keeps going past the middle create ONLYOFFICE refuses with HTTP 200', async () => {
		const body = (title: string) => ({
			title,
			deadline: '2026-12-01T05:00:00.000Z',
			responsibleId: MIKE,
			categoryId: 31,
		});
		const scope = onlyoffice()
			.post('/crm/task', body('First'))
			.reply(201, single(task, 201))
			.post('/crm/task', body('Second'))
			.reply(200, failed(400, 'Value does not fall within the expected range.'))
			.post('/crm/task', body('Third'))
			.reply(201, single(third, 201));

		const run = await runTask(
			'create',
			{
				title: '={{ $json.title }}',
				deadline: '2026-12-01',
				responsibleId: picked(MIKE),
				categoryId: picked('31'),
				additionalFields: {},
			},
			{
				input: [{ title: 'First' }, { title: 'Second' }, { title: 'Third' }],
				continueOnFail: true,
			},
		);

		expect(run.json).toEqual([
			task,
			{ error: 'Value does not fall within the expected range.' },
			third,
		]);
		expectExactRequests(scope);
	});

	it('keeps going past the middle update whose task is gone, updating the others in full', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(200, single(task))
			.put('/crm/task/1201', { ...TASK_AS_SENT_BACK, alertValue: 30 })
			.reply(200, single(task))
			.get('/crm/task/1201')
			.reply(200, single(task))
			.get('/crm/task/1202')
			.reply(404, failed(404, 'The record could not be found'))
			.get('/crm/task/1203')
			.reply(200, single(third))
			.put('/crm/task/1203', {
				...TASK_AS_SENT_BACK,
				taskid: 1203,
				title: third.title as string,
				alertValue: 30,
			})
			.reply(200, single(third))
			.get('/crm/task/1203')
			.reply(200, single(third));

		const run = await runTask(
			'update',
			{ recordId: picked('={{ $json.taskId }}'), updateFields: { alertValue: 30 } },
			{ input: [{ taskId: 1201 }, { taskId: 1202 }, { taskId: 1203 }], continueOnFail: true },
		);

		expect(run.json).toEqual([task, { error: 'The record could not be found' }, third]);
		expectExactRequests(scope);
	});

	it('without it, a single bad item fails the node and sends nothing', async () => {
		const run = await getTasksOf(['not-an-id'], false);

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});

describe('ONLYOFFICE › Continue On Fail › many items', () => {
	proveManyItems({
		vendor: 'ONLYOFFICE',
		operation: 'get task by ID',
		type: NODE,
		credentials: passwordCredentials,
		parameters: { resource: 'task', operation: 'get', recordId: picked('={{ $json.id }}') },
		idOf: (index) => String(3000 + index),
		invalidIds: ['not-an-id', '1201/../../people/@self', '..', '1201?fields=all', '１２０１', '-1'],
		api: onlyoffice,
		recordPath: /\/crm\/task\/\d+$/,
		found: (id) => ({
			answer: [200, single(taskNumbered(Number(id)))],
			output: taskNumbered(Number(id)),
		}),
		missing: {
			answer: [404, failed(404, 'The record could not be found')],
			message: 'The record could not be found',
		},
		invalidMessage: BAD_TASK_ID,
	});
});
