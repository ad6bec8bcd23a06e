import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BAD_TASK_ID, copper } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import task from './fixtures/record-task.json';

const deleteTask = (id: string, mode: 'id' | 'list' = 'id') =>
	runCopper('delete', { recordId: picked(id, mode) });

describe('Copper › delete', () => {
	it('deletes with DELETE /tasks/{id} and reports which task went', async () => {
		// Copper answers with the deleted task's id; the node reports the same way for every vendor.
		const scope = copper().delete('/tasks/27140359').reply(200, { id: 27140359, is_deleted: true });

		const run = await deleteTask('27140359');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ id: 27140359, deleted: true }]);
		expectExactRequests(scope);
	});

	it('reports the number, not the text typed, for a task picked from the list', async () => {
		const scope = copper().delete('/tasks/27140359').reply(200, task);

		const run = await deleteTask(' 27140359', 'list');

		expect(run.json).toEqual([{ id: 27140359, deleted: true }]);
		expectExactRequests(scope);
	});

	it("fails with Copper's message when the task is gone", async () => {
		const scope = copper()
			.delete('/tasks/27140359')
			.reply(404, { status: 404, message: 'Resource not found' });

		const run = await deleteTask('27140359');

		expect(run.error?.message).toBe('Resource not found');
		expect((run.error as { httpCode?: string }).httpCode).toBe('404');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('refuses a task ID that is not one, before any request', async () => {
		const run = await deleteTask('tasks', 'list');

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expectNoRequests();
	});
});
