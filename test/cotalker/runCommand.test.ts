/**
 * Move to State (runCommand): `PATCH /api/v1/tasks/{group}/task/{task}` with `{smState}` and the
 * Admin header, to a state loaded live by getNextStates; the moved task is the output.
 */
import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { STATE_IDS } from '../sandbox/cotalker';
import { NODE } from './credentials';
import {
	PROJECTS,
	TASK,
	TASK_V1,
	badId,
	cotalker,
	failed,
	runOnTask,
	task,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';

const move = (newState: string, options = {}) => runOnTask('runCommand', { newState }, options);

describe('Cotalker › task › move to state', () => {
	it('patches smState and outputs the moved task', async () => {
		const moved = { ...task, smState: STATE_IDS.done, closedAt: '2026-11-21T12:00:00.000Z' };
		const scope = cotalker()
			.patch(TASK_V1, { smState: STATE_IDS.done })
			.matchHeader('content-type', 'application/json')
			.reply(200, moved);

		const run = await move(STATE_IDS.done);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([moved]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message for a move the workflow does not allow", async () => {
		const message = "smState: moving from 'done' to 'doing' is not allowed";
		const scope = cotalker()
			.patch(TASK_V1, { smState: STATE_IDS.doing })
			.reply(400, failed(400, 'Bad Request', message));

		const run = await move(STATE_IDS.doing);

		expect(run.error?.message).toBe(message);
		expectExactRequests(scope);
	});

	it.each([
		// An expression that gives nothing: the editor only checks a state left unchosen.
		['no state', '={{ "" }}', 'Invalid value for "New State": Select a state or enter its ID'],
		[
			'a state that is not an ObjectId',
			'done',
			'Invalid value for "New State": Enter an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001, or pick a state from the list',
		],
	])('refuses %s before any request', async (_, newState, message) => {
		const run = await move(newState);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	it('refuses a malformed task group before any request', async () => {
		const run = await runOnTask('runCommand', {
			taskGroup: picked('6a1e00000d0000000000001', 'list'),
			newState: STATE_IDS.done,
		});

		expect(run.error?.message).toBe(badId('Task Group', 'task group'));
		expectNoRequests();
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('moves the task to a state from the live list, and the list then follows the task', async () => {
			const { sandbox, credentials } = emulator;
			const parameters = {
				resource: 'task',
				operation: 'runCommand',
				taskGroup: picked(PROJECTS, 'list'),
				recordId: picked(TASK, 'list'),
			};
			const nextStates = async () => {
				const { context, nodeType } = loadOptionsContext(NODE, parameters, credentials);
				return await nodeType.methods!.loadOptions!.getNextStates.call(context);
			};
			const offered = await nextStates();
			const done = offered.find((option) => option.name === 'done')!;

			const run = await move(String(done.value), { credentials });

			expect(run.error).toBeUndefined();
			const movedTask = sandbox.getTask(TASK)!;
			expect(run.json).toEqual([movedTask]);
			expect(movedTask.smState).toBe(STATE_IDS.done);
			expect(movedTask.closedAt).toBe('2026-11-21T12:00:00.000Z');
			expect((await nextStates()).map((option) => option.name)).toEqual(['open']);
			const again = await move(STATE_IDS.doing, { credentials });
			expect(again.error?.message).toBe("smState: moving from 'done' to 'doing' is not allowed");
		});
	});
});
