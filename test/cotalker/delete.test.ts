/**
 * Delete (Deactivate): Cotalker has no DELETE; the node sends `PATCH {isActive: false}` with the
 * Admin header and outputs the task as Cotalker now has it, deactivated. Against the emulator: the
 * task leaves the active list, is still there with Include: Deactivated Tasks, still readable,
 * and Update with Active on brings it back.
 */
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import {
	PROJECTS,
	TASK,
	TASK_V1,
	badId,
	cotalker,
	runOnTask,
	runTask,
	task,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';

describe('Cotalker › task › delete (deactivate)', () => {
	it('deactivates the task with a PATCH and outputs it deactivated', async () => {
		const deactivated = { ...task, isActive: false };
		const scope = cotalker()
			.patch(TASK_V1, { isActive: false })
			.matchHeader('content-type', 'application/json')
			.reply(200, deactivated);

		const run = await runOnTask('delete');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([deactivated]);
		expectExactRequests(scope);
	});

	it('says plainly in the editor that Cotalker deactivates instead of deleting', async () => {
		const { taskDescription } = await import('../../nodes/Cotalker/resources/task');
		const operation = taskDescription.find((parameter) => parameter.name === 'operation')!;
		const option = operation.options!.find(
			(candidate) => 'value' in candidate && candidate.value === 'delete',
		);

		expect(option).toMatchObject({
			name: 'Delete (Deactivate)',
			action: 'Deactivate a task',
			description:
				'Cotalker has no delete: the task is deactivated (Active off), hidden from active lists, and can be reactivated with Update',
		});
	});

	it('refuses a malformed task before any request', async () => {
		const run = await runOnTask('delete', { recordId: picked('not-a-task', 'list') });

		expect(run.error?.message).toBe(badId('Task', 'task'));
		expectNoRequests();
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('takes the task out of the active list, and it stays readable', async () => {
			const { sandbox, credentials } = emulator;
			const ids = async (isActive: string) =>
				(await runTask('list', { isActive, returnAll: true }, { credentials })).json.map(
					(json) => json._id,
				);
			const activeBefore = await ids('true');

			const run = await runOnTask('delete', {}, { credentials });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([{ ...sandbox.getTask(TASK), isActive: false }]);
			expect(sandbox.getTask(TASK)!.isActive).toBe(false);
			expect(activeBefore).toContain(TASK);
			expect(await ids('true')).toEqual(activeBefore.filter((id) => id !== TASK));
			expect(await ids('false')).toContain(TASK);
			const get = await runOnTask('get', {}, { credentials });
			expect(get.json).toEqual([sandbox.getTask(TASK)]);
			expect(sandbox.getTask(TASK)!.taskGroup).toBe(PROJECTS);
		});

		it('can be undone: Update with Active on puts the task back in the active list', async () => {
			const { sandbox, credentials } = emulator;
			await runOnTask('delete', {}, { credentials });

			const run = await runOnTask('update', { updateFields: { isActive: true } }, { credentials });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([sandbox.getTask(TASK)]);
			expect(sandbox.getTask(TASK)!.isActive).toBe(true);
			const active = await runTask('list', { isActive: 'true', returnAll: true }, { credentials });
			expect(active.json.map((json) => json._id)).toContain(TASK);
		});
	});
});
