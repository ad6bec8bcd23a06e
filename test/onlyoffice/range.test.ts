/**
 * Range: the deadline bounds only, in ONLYOFFICE's URL date form. The workflow runs in n8n's
 * default time zone, America/New_York, so a time typed without an offset is New York time.
 */
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { task } from './recordHelpers';
import { listed, onlyoffice, runTask } from './runOnlyoffice';

const page = { startIndex: '0', count: '50' };

describe('ONLYOFFICE › task › range', () => {
	it('sends both bounds with hyphens for colons, in the workflow time zone', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				fromDate: '2026-12-01T05-00-00.000Z',
				toDate: '2026-12-08T04-59-59.000Z',
				sortBy: 'deadLine',
				sortOrder: 'ascending',
				...page,
			})
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('range', {
			deadlineRange: { fromDate: '2026-12-01T00:00:00', toDate: '2026-12-07T23:59:59' },
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('takes one bound alone, with its own offset, and the sort', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				fromDate: '2026-12-01T07-00-00.000Z',
				sortBy: 'category',
				sortOrder: 'descending',
				...page,
			})
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('range', {
			deadlineRange: { fromDate: '2026-12-01T10:00:00+03:00' },
			sortBy: 'category',
			sortOrder: 'descending',
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('ignores the filters of Find', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				toDate: '2026-12-01T05-00-00.000Z',
				sortBy: 'deadLine',
				sortOrder: 'ascending',
				...page,
			})
			.reply(200, listed([], { total: 0 }));

		const run = await runTask('range', {
			deadlineRange: { toDate: '2026-12-01' },
			filters: { isClosed: true },
		});

		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it.each([
		[{}, 'Add at least one date under "Deadline Range"'],
		[{ fromDate: '', toDate: '' }, 'Add at least one date under "Deadline Range"'],
		[
			{ fromDate: '2026-12-02', toDate: '2026-12-01T23:59:59' },
			'"Earliest Deadline" is after "Latest Deadline"',
		],
		[
			{ toDate: '2026-13-45' },
			'Invalid value for "Latest Deadline": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
	])('refuses the bounds %j before any request', async (deadlineRange, message) => {
		const run = await runTask('range', { deadlineRange });

		expect(run.error?.message).toBe(message);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});

	it('says why no bound is refused, and that bounds after each other match nothing', async () => {
		const none = await runTask('range', { deadlineRange: {} });
		const swapped = await runTask('range', {
			deadlineRange: { fromDate: '2026-12-02', toDate: '2026-12-01' },
		});

		expect(none.error?.description).toBe(
			'Range finds the tasks whose dates fall between the bounds you set.',
		);
		expect(swapped.error?.description).toBe('No task can match: swap the two dates.');
		expectNoRequests();
	});
});
