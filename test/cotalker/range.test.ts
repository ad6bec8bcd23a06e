/**
 * Range: the v2 task list with created and modified bounds, each `<date>_gt|_gte|_lt|_lte` in ISO
 * 8601 (UTC); a time without an offset is in the workflow's time zone (n8n's default here,
 * America/New_York). At least one bound; a lower bound after its upper bound is refused.
 */
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { TASKS_V2, cotalker, runTask, task, tasksPage, useEmulator } from './recordHelpers';

const query = (bounds: Record<string, string>) => ({
	isActive: 'true',
	...bounds,
	sortBy: 'name',
	orderBy: 'asc',
	limit: '50',
	page: '1',
	count: 'true',
});

describe('Cotalker › task › range', () => {
	it('sends every bound of both dates in UTC', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query(
				query({
					createdAt_gt: '2026-11-01T00:00:00.000Z',
					createdAt_gte: '2026-11-01T04:00:00.000Z',
					createdAt_lt: '2026-11-30T05:00:00.000Z',
					createdAt_lte: '2026-11-30T12:00:00.000Z',
					modifiedAt_gt: '2026-11-20T13:30:00.000Z',
					modifiedAt_gte: '2026-11-20T00:00:00.000Z',
					modifiedAt_lt: '2026-11-22T00:00:00.000Z',
					modifiedAt_lte: '2026-11-21T23:59:59.000Z',
				}),
			)
			.reply(200, tasksPage([task], 1));

		const run = await runTask('range', {
			dateRange: {
				createdAtGt: '2026-11-01T00:00:00Z',
				// No offset: New York time (still UTC-4 at midnight on 1 November 2026, UTC-5 after).
				createdAtGte: '2026-11-01T00:00:00',
				createdAtLt: '2026-11-30', // midnight in New York
				createdAtLte: '2026-11-30T13:00:00+01:00',
				modifiedAtGt: '2026-11-20T08:30:00',
				modifiedAtGte: '2026-11-20T00:00:00Z',
				modifiedAtLt: '2026-11-22T00:00:00Z',
				modifiedAtLte: '2026-11-21T23:59:59Z',
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends only the bounds set, with Include and the order', async () => {
		const scope = cotalker()
			.get(TASKS_V2)
			.query({
				...query({ modifiedAt_gte: '2026-11-20T00:00:00.000Z' }),
				isActive: 'all',
				orderBy: 'desc',
			})
			.reply(200, tasksPage([], 0));

		const run = await runTask('range', {
			isActive: 'all',
			orderBy: 'desc',
			dateRange: { modifiedAtGte: '2026-11-20T00:00:00Z', createdAtLt: '' },
		});

		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it.each([
		['no bound', {}, 'Add at least one date under "Date Range"'],
		[
			'a bad date',
			{ createdAtGt: 'yesterday' },
			'Invalid value for "Created After": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'a lower bound after the upper one',
			{ modifiedAtGte: '2026-11-21T00:00:00Z', modifiedAtLt: '2026-11-20T00:00:00Z' },
			'"Modified At or After" is after "Modified Before"',
		],
	])('refuses %s before any request', async (_, dateRange, message) => {
		const run = await runTask('range', { dateRange });

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('gets exactly the tasks changed within the bounds', async () => {
			const { sandbox, credentials } = emulator;
			const from = '2026-11-20T12:00:00.000Z';
			const run = await runTask(
				'range',
				{ dateRange: { modifiedAtGte: '2026-11-20T12:00:00Z' }, returnAll: true },
				{ credentials },
			);

			const expected = sandbox
				.listTasks()
				.filter((one) => one.taskGroup === task.taskGroup && one.isActive && one.modifiedAt >= from)
				.sort((a, b) => a.name.localeCompare(b.name));
			expect(run.error).toBeUndefined();
			expect(expected.length).toBeGreaterThan(0);
			expect(run.json).toEqual(expected);
		});
	});
});
