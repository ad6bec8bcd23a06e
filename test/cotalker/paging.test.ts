/**
 * Paging of the v2 task list: `page` from 1 and `limit` (at most 100) with `count=true`; Return All
 * reads until the total (or a short page), Limit stops as soon as it has enough. Against the
 * emulator with 250 more tasks: three pages, every task exactly once; 1,000 tasks cost 10 requests.
 */
import { expectExactRequests } from '../helpers/requests';
import { TASKS_V2, cotalker, runTask, taskNumbered, tasksPage, useEmulator } from './recordHelpers';

const page = (first: number, count: number) =>
	Array.from({ length: count }, (_, index) => taskNumbered(first + index));

const query = (pageNumber: number, limit = 100) => ({
	isActive: 'true',
	sortBy: 'name',
	orderBy: 'asc',
	limit: String(limit),
	page: String(pageNumber),
	count: 'true',
});

describe('Cotalker › task › paging', () => {
	it('reads three pages with Return All and stops at the total', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query(1))
			.reply(200, tasksPage(page(1, 100), 300))
			.get(TASKS_V2)
			.query(query(2))
			.reply(200, tasksPage(page(101, 100), 300))
			.get(TASKS_V2)
			.query(query(3))
			.reply(200, tasksPage(page(201, 100), 300));

		const run = await runTask('list', { returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(page(1, 300));
		expectExactRequests(scope);
	});

	it('stops at a short page when Cotalker gives no total', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query(1))
			.reply(200, tasksPage(page(1, 100)))
			.get(TASKS_V2)
			.query(query(2))
			.reply(200, tasksPage(page(101, 100)))
			.get(TASKS_V2)
			.query(query(3))
			.reply(200, tasksPage(page(201, 7)));

		const run = await runTask('list', { returnAll: true });

		expect(run.json).toEqual(page(1, 207));
		expectExactRequests(scope);
	});

	it('reads only the pages Limit needs, at pages of 100', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query(1))
			.reply(200, tasksPage(page(1, 100), 300))
			.get(TASKS_V2)
			.query(query(2))
			.reply(200, tasksPage(page(101, 100), 300));

		const run = await runTask('list', { limit: 150 });

		expect(run.json).toEqual(page(1, 150));
		expectExactRequests(scope);
	});

	it('asks for a page of Limit when Limit is under 100', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(query(1, 7))
			.reply(200, tasksPage(page(1, 7), 300));

		const run = await runTask('list', { limit: 7 });

		expect(run.json).toEqual(page(1, 7));
		expectExactRequests(scope);
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();
		const listPages = () =>
			emulator.sandbox.state.requests
				.filter((entry) => entry.url.startsWith(TASKS_V2))
				.map((entry) => new URL(entry.url, 'http://x').searchParams.get('page'));

		it('costs one request per 100 tasks: 1,000 tasks in 10, Limit 250 in 3', async () => {
			const { sandbox, credentials } = emulator;
			sandbox.generateTasks(992);

			const all = await runTask('list', { returnAll: true }, { credentials });
			expect(all.json).toHaveLength(1000);
			expect(listPages()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

			sandbox.state.requests.length = 0;
			const some = await runTask('list', { limit: 250 }, { credentials });
			expect(some.json).toEqual(all.json.slice(0, 250));
			expect(listPages()).toEqual(['1', '2', '3']);
		});

		it('lists 258 active tasks over three pages, each once', async () => {
			const { sandbox, credentials } = emulator;
			const created = sandbox.generateTasks(250);
			expect(Array.isArray(created) && created.length).toBe(250);

			const run = await runTask('list', { returnAll: true }, { credentials });

			const ids = run.json.map((json) => json._id);
			expect(run.error).toBeUndefined();
			expect(new Set(ids).size).toBe(ids.length);
			expect(ids).toHaveLength(258);
			expect(ids).toEqual(expect.arrayContaining(created as string[]));
			expect(listPages()).toEqual(['1', '2', '3']);
		});
	});
});
