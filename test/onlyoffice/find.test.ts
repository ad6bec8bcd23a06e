/**
 * Find: every filter of `GET /crm/task/filter` in the query string, the deadline range in
 * ONLYOFFICE's URL date form (hyphens for colons), and the sort. The harness's workflow has no
 * time zone setting, so it runs in n8n's default, America/New_York: on 2026-12-01 that is UTC−5.
 */
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { MIKE, task, taskNumbered } from './recordHelpers';
import { listed, onlyoffice, picked, runTask } from './runOnlyoffice';

const DEFAULT_ORDER = { sortBy: 'deadLine', sortOrder: 'ascending' };

describe('ONLYOFFICE › task › find', () => {
	it('sends every filter, the deadline range and the sort, and outputs the tasks unwrapped', async () => {
		const other = taskNumbered(1207, 'Call Globex procurement');
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				responsibleid: MIKE,
				categoryid: '31',
				isClosed: 'false',
				entityType: 'opportunity',
				entityid: '402',
				filterValue: 'renewal call',
				fromDate: '2026-12-01T05-00-00.000Z',
				toDate: '2026-12-07T22-30-00.000Z',
				sortBy: 'title',
				sortOrder: 'descending',
				startIndex: '0',
				count: '500',
			})
			.reply(200, listed([task, other], { total: 2 }));

		const run = await runTask('find', {
			filters: {
				responsibleid: picked(` ${MIKE} `, 'list'),
				categoryid: picked('31', 'list'),
				isClosed: false,
				entityType: 'opportunity',
				entityid: 402,
				filterValue: 'renewal call',
			},
			deadlineRange: {
				// No offset: New York time. With an offset: that moment.
				fromDate: '2026-12-01T00:00:00',
				toDate: '2026-12-07T17:30:00-05:00',
			},
			sortBy: 'title',
			sortOrder: 'descending',
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task, other]);
		expectExactRequests(scope);
	});

	it('finds closed tasks linked to a contact, in the default order, up to the default Limit of 50', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				isClosed: 'true',
				entityType: 'contact',
				entityid: '302',
				...DEFAULT_ORDER,
				startIndex: '0',
				count: '50',
			})
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('find', {
			filters: { isClosed: true, entityType: 'contact', entityid: 302 },
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends only the sort and the page when no filter is set, and ignores filters left empty', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({ ...DEFAULT_ORDER, startIndex: '0', count: '10' })
			.reply(200, listed([], { total: 0 }));

		const run = await runTask('find', {
			// A Linked Record ID added but left at n8n's default 0 is not a filter either.
			filters: { filterValue: '', responsibleid: picked(''), entityid: 0 },
			deadlineRange: { fromDate: '' },
			limit: 10,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('takes a date only as midnight in the workflow time zone, and a bound alone', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({
				toDate: '2026-07-01T04-00-00.000Z', // EDT, UTC−4 in July
				...DEFAULT_ORDER,
				startIndex: '0',
				count: '50',
			})
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('find', { deadlineRange: { toDate: '2026-07-01' } });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		[
			'a responsible that is not a GUID',
			{ filters: { responsibleid: picked('olga', 'list') } },
			'Invalid value for "Responsible": Enter a user ID (GUID), e.g. 6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101, or pick a user from the list',
		],
		[
			'a category that is not a number',
			{ filters: { categoryid: picked('Call', 'list') } },
			'Invalid value for "Category": Enter a numeric ID, e.g. 1234, or pick a task category from the list',
		],
		[
			'an invalid date',
			{ deadlineRange: { fromDate: 'next tuesday' } },
			'Invalid value for "Earliest Deadline": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'an earliest deadline after the latest',
			{ deadlineRange: { fromDate: '2026-12-08', toDate: '2026-12-01' } },
			'"Earliest Deadline" is after "Latest Deadline"',
		],
		[
			'an unknown linked record type',
			{ filters: { entityType: 'invoice' } },
			'Invalid value for "Linked To": Expected one of: case, contact, opportunity',
		],
		[
			'an unknown sort',
			{ sortBy: 'created' },
			'Invalid value for "Sort By": Expected one of: category, contact, contactManager, deadLine, title',
		],
		[
			'an unknown sort order',
			{ sortOrder: 'asc' },
			'Invalid value for "Sort Order": Expected one of: ascending, descending',
		],
	])('refuses %s, naming the field, before any request', async (_, parameters, message) => {
		const run = await runTask('find', parameters);

		expect(run.error?.message).toBe(message);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});
