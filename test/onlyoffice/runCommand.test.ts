import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BAD_TASK_ID, task } from './recordHelpers';
import { failed, onlyoffice, picked, runTask, single } from './runOnlyoffice';

const closed = { ...task, isClosed: true };

describe('ONLYOFFICE › task › run command', () => {
	it('closes a task with PUT /crm/task/{id}/close and outputs it as it now is', async () => {
		const scope = onlyoffice().put('/crm/task/1201/close').reply(200, single(closed));

		const run = await runTask('runCommand', { recordId: picked('1201'), command: 'close' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([closed]);
		expectExactRequests(scope);
	});

	it('reopens a task with PUT /crm/task/{id}/reopen', async () => {
		const scope = onlyoffice().put('/crm/task/1201/reopen').reply(200, single(task));

		const run = await runTask('runCommand', {
			recordId: picked(' 1201 ', 'list'),
			command: 'reopen',
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("fails with ONLYOFFICE's message when it refuses", async () => {
		const scope = onlyoffice().put('/crm/task/1201/close').reply(403, failed(403, 'Access denied'));

		const run = await runTask('runCommand', { recordId: picked('1201'), command: 'close' });

		expect(run.error?.message).toBe('Access denied');
		expect((run.error as { httpCode?: string }).httpCode).toBe('403');
		expectExactRequests(scope);
	});

	it('refuses a bad task ID before any request', async () => {
		const run = await runTask('runCommand', { recordId: picked('abc', 'list'), command: 'close' });

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expectNoRequests();
	});

	it('refuses an unknown command (e.g. from an expression) before any request', async () => {
		const run = await runTask('runCommand', {
			recordId: picked('1201'),
			command: '={{ "delete" }}',
		});

		expect(run.error?.message).toBe('Invalid value for "Command": Expected one of: close, reopen');
		expectNoRequests();
	});
});
