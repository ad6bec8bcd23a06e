import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BAD_TASK_ID, task } from './recordHelpers';
import { failed, onlyoffice, picked, runTask, single } from './runOnlyoffice';

describe('ONLYOFFICE › task › delete', () => {
	it('sends DELETE /crm/task/{id} and outputs which task went', async () => {
		// ONLYOFFICE answers the deleted task; the node reports the same shape for every vendor.
		const scope = onlyoffice().delete('/crm/task/1201').reply(200, single(task));

		const run = await runTask('delete', { recordId: picked('1201') });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ id: 1201, deleted: true }]);
		expectExactRequests(scope);
	});

	it("fails with ONLYOFFICE's message for a task that is not there", async () => {
		const scope = onlyoffice()
			.delete('/crm/task/999')
			.reply(404, failed(404, 'The record could not be found'));

		const run = await runTask('delete', { recordId: picked('999', 'list') });

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('The record could not be found');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('refuses a bad ID before any request', async () => {
		const run = await runTask('delete', { recordId: picked('1201; DROP', 'list') });

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expectNoRequests();
	});
});
