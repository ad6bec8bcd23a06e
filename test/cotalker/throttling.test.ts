/**
 * Cotalker throttles with HTTP 429 and Retry-After (the SDK's reading): every operation waits as
 * Retry-After says and carries on, paging included, losing and repeating nothing.
 */
import { expectExactRequests } from '../helpers/requests';
import {
	TASKS_V2,
	TASK_V1,
	cotalker,
	failed,
	runOnTask,
	runTask,
	task,
	taskNumbered,
	tasksPage,
	useEmulator,
} from './recordHelpers';

const THROTTLED = failed(429, 'Too Many Requests', 'Rate limit exceeded');

describe('Cotalker › throttling (HTTP 429)', () => {
	it('waits as Retry-After says, then outputs the answer that follows', async () => {
		const scope = cotalker()
			.get(TASK_V1)
			.reply(429, THROTTLED, { 'Retry-After': '1' })
			.get(TASK_V1)
			.reply(200, task);

		const started = Date.now();
		const run = await runOnTask('get');
		const waited = Date.now() - started;

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expect(waited).toBeGreaterThanOrEqual(1_000);
		expectExactRequests(scope);
	});

	it('waits out throttling in the middle of paging, losing and repeating no page', async () => {
		const page = (first: number, count: number) =>
			Array.from({ length: count }, (_, index) => taskNumbered(first + index));
		const query = (n: number) => ({
			isActive: 'true',
			sortBy: 'name',
			orderBy: 'asc',
			limit: '100',
			page: String(n),
			count: 'true',
		});
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query(1))
			.reply(200, tasksPage(page(1, 100), 150))
			.get(TASKS_V2)
			.query(query(2))
			.reply(429, THROTTLED, { 'Retry-After': '0' })
			.get(TASKS_V2)
			.query(query(2))
			.reply(200, tasksPage(page(101, 50), 150));

		const run = await runTask('list', { returnAll: true });

		expect(run.json).toEqual(page(1, 150));
		expectExactRequests(scope);
	});

	it('waits out the write too: the update is sent again and applied once', async () => {
		const scope = cotalker()
			.patch(TASK_V1, { name: 'Relaunch' })
			.reply(429, THROTTLED, { 'Retry-After': '0' })
			.patch(TASK_V1, { name: 'Relaunch' })
			.reply(200, { ...task, name: 'Relaunch' });

		const run = await runOnTask('update', { updateFields: { name: 'Relaunch' } });

		expect(run.json).toEqual([{ ...task, name: 'Relaunch' }]);
		expectExactRequests(scope);
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('creates the task once after two throttled attempts', async () => {
			const { sandbox, credentials } = emulator;
			sandbox.throttleNext(2, 1);
			const before = sandbox.listTasks().length;

			const started = Date.now();
			const run = await runTask('create', { name: 'Plan the offsite' }, { credentials });

			expect(run.error).toBeUndefined();
			expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
			expect(sandbox.listTasks()).toHaveLength(before + 1);
			expect(run.json).toEqual([sandbox.getTask(run.json[0]._id as string)]);
			expect(sandbox.state.requests.map((entry) => entry.status)).toEqual([429, 429, 200]);
		});
	});
});
