import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { picked, runCopper } from './runCopper';
import { BAD_TASK_ID, copper, getTask, presentedTask } from './recordHelpers';
import task from './fixtures/record-task.json';

describe('Copper › get', () => {
	it('reads one task with GET /tasks/{id} and adds a readable copy of each date', async () => {
		const scope = copper().get('/tasks/27140359').reply(200, task);

		const run = await getTask();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});

	it('reads a task picked from the list the same way', async () => {
		const scope = copper().get('/tasks/27140359').reply(200, task);

		const run = await getTask('27140359', 'list');

		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});

	it('gives empty dates an empty readable copy', async () => {
		const open = { ...task, due_date: null, reminder_date: null };
		const scope = copper().get('/tasks/27140359').reply(200, open);

		const run = await getTask();

		expect(run.json).toEqual([
			{
				...presentedTask,
				due_date: null,
				reminder_date: null,
				due_date_iso: null,
				reminder_date_iso: null,
			},
		]);
		expectExactRequests(scope);
	});

	// The "By ID" mode's regex stops such IDs in the editor; picked from a list (or mapped by an
	// expression) they reach the run-time check, which keeps them out of the URL.
	it.each([['not-an-id'], ['12/../../account'], ['-5'], ['1.5']])(
		'refuses the ID %p, naming the Task, before any request',
		async (id) => {
			const run = await getTask(id, 'list');

			expect(run.error?.message).toBe(BAD_TASK_ID);
			expect(run.json).toEqual([]);
			expectNoRequests();
		},
	);

	it('refuses an ID an expression leaves empty, naming the Task, before any request', async () => {
		const run = await runCopper(
			'get',
			{ recordId: picked('={{ $json.taskId }}') },
			{ input: [{ taskId: '  ' }] },
		);

		expect(run.error?.message).toBe('Invalid value for "Task": Select a task or enter its ID');
		expectNoRequests();
	});

	it('sends an ID with surrounding spaces as the bare number', async () => {
		const scope = copper().get('/tasks/27140359').reply(200, task);

		const run = await getTask(' 27140359 ', 'list');

		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});
});
