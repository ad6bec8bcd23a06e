/**
 * Range: the tasks whose due, created or modified dates fall between bounds, sent as Unix seconds
 * in the search body. At least one bound is needed and no minimum may come after its maximum; both
 * are checked before anything is sent. The harness' workflow runs in n8n's default time zone,
 * America/New_York, so a time typed without an offset is New York time.
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { runCopper } from './runCopper';
import { NEWEST_FIRST, searchBody, searchTasks } from './searchApi';
import presentedTask from './fixtures/search-task-output.json';
import task from './fixtures/search-task.json';
import { numbered, presentedNumber, taskNumber } from './fixtures/searchTaskPage';

const range = (parameters: INodeParameters) => runCopper('range', parameters);

describe('Copper › range', () => {
	it('sends one bound as Unix seconds with the sort and the page', async () => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await range({ dateRange: { minimumModifiedDate: '2026-11-20T16:00:00Z' } });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: searchBody({ minimum_modified_date: 1795190400, ...NEWEST_FIRST }, 1, 50),
			},
		]);
		expectExactRequests(scope);
	});

	it('sends all six bounds: offsets applied, times without one in New York time', async () => {
		const { scope, sent } = searchTasks([{ tasks: numbered(1, 2, taskNumber), total: 2 }]);

		const run = await range({
			dateRange: {
				minimumDueDate: '2026-12-01', // midnight EST = 05:00 UTC
				maximumDueDate: '2026-12-31T18:00:00', // EST = 23:00 UTC
				minimumCreatedDate: '2026-06-15T08:30:00', // EDT = 12:30 UTC
				maximumCreatedDate: '2026-06-15T08:30:00-07:00', // 15:30 UTC
				minimumModifiedDate: '2026-03-08T03:30:00', // EDT from 02:00 that night = 07:30 UTC
				maximumModifiedDate: '2026-03-08T12:00:00Z',
			},
			sortBy: 'date_modified',
			sortDirection: 'asc',
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(numbered(1, 2, presentedNumber));
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: searchBody(
					{
						minimum_due_date: 1796101200, // 2026-12-01T05:00:00Z
						maximum_due_date: 1798758000, // 2026-12-31T23:00:00Z
						minimum_created_date: 1781526600, // 2026-06-15T12:30:00Z
						maximum_created_date: 1781537400, // 2026-06-15T15:30:00Z
						minimum_modified_date: 1772955000, // 2026-03-08T07:30:00Z
						maximum_modified_date: 1772971200, // 2026-03-08T12:00:00Z
						sort_by: 'date_modified',
						sort_direction: 'asc',
					},
					1,
					200,
				),
			},
		]);
		expectExactRequests(scope);
	});

	it('accepts a minimum equal to its maximum: one exact second', async () => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await range({
			dateRange: {
				minimumCreatedDate: '2026-11-02T09:15:27Z',
				maximumCreatedDate: '2026-11-02T04:15:27',
			},
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: searchBody(
					{ minimum_created_date: 1793610927, maximum_created_date: 1793610927, ...NEWEST_FIRST },
					1,
					200,
				),
			},
		]);
		expectExactRequests(scope);
	});

	it.each([
		['no Date Range at all', {}],
		['an empty Date Range', { dateRange: {} }],
		['bounds added but left empty', { dateRange: { minimumDueDate: '', maximumDueDate: '' } }],
	])('needs at least one date: %s fails before any request', async (_, parameters) => {
		const run = await range({ returnAll: true, ...parameters });

		expect(run.json).toEqual([]);
		expect(run.error?.message).toBe('Add at least one date under "Date Range"');
		expect(run.error?.description).toBe(
			'Range finds the tasks whose dates fall between the bounds you set.',
		);
		expectNoRequests();
	});

	it.each([
		[
			'due',
			{ minimumDueDate: '2026-12-02', maximumDueDate: '2026-12-01T23:59:59' },
			'"Earliest Due Date" is after "Latest Due Date"',
		],
		[
			'created',
			{ minimumCreatedDate: '2026-06-15T08:30:01', maximumCreatedDate: '2026-06-15T12:30:00Z' },
			'"Earliest Created Date" is after "Latest Created Date"',
		],
		[
			'modified',
			{ minimumModifiedDate: '2026-11-22T00:00:00Z', maximumModifiedDate: '2026-11-21' },
			'"Earliest Modified Date" is after "Latest Modified Date"',
		],
	])(
		'refuses a %s minimum after its maximum, naming both, before any request',
		async (_, dateRange, message) => {
			const run = await range({ dateRange, returnAll: true });

			expect(run.json).toEqual([]);
			expect(run.error?.message).toBe(message);
			expect(run.error?.description).toBe('No task can match: swap the two dates.');
			expectNoRequests();
		},
	);

	it('refuses a date that is not one, naming the bound, before any request', async () => {
		const run = await range({ dateRange: { maximumDueDate: 'next Friday' }, returnAll: true });

		expect(run.error?.message).toBe(
			'Invalid value for "Latest Due Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		);
		expectNoRequests();
	});
});
