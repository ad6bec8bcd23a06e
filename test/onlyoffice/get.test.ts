import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BAD_TASK_ID, getTask, task } from './recordHelpers';
import { onlyoffice, picked, runTask, single } from './runOnlyoffice';

describe('ONLYOFFICE › task › get', () => {
	it('reads one task with GET /crm/task/{id} and outputs it out of its envelope', async () => {
		const scope = onlyoffice().get('/crm/task/1201').reply(200, single(task));

		const run = await getTask();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('reads a task picked from the list, with spaces around its ID, the same way', async () => {
		const scope = onlyoffice().get('/crm/task/1201').reply(200, single(task));

		const run = await getTask(' 1201 ', 'list');

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([['not-an-id'], ['12/../../people/@self'], ['-5'], ['1.5'], ['0']])(
		'refuses the ID %p, naming the Task, before any request',
		async (id) => {
			const run = await getTask(id, 'list');

			expect(run.error?.message).toBe(BAD_TASK_ID);
			expect(run.json).toEqual([]);
			expectNoRequests();
		},
	);

	it('refuses an ID an expression leaves empty, before any request', async () => {
		const run = await runTask(
			'get',
			{ recordId: picked('={{ $json.taskId }}') },
			{ input: [{ taskId: '  ' }] },
		);

		expect(run.error?.message).toBe('Invalid value for "Task": Select a task or enter its ID');
		expectNoRequests();
	});
});
