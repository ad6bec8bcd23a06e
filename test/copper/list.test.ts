/**
 * List: every task, newest first or in the order chosen, through POST /tasks/search with the sort
 * and the page in the JSON body (never in the query string), 200 a page at most.
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { runCopper } from './runCopper';
import { NEWEST_FIRST, searchBody, searchTasks } from './searchApi';
import presentedTask from './fixtures/search-task-output.json';
import task from './fixtures/search-task.json';
import { numbered, presentedNumber, taskNumber } from './fixtures/searchTaskPage';

const list = (parameters: INodeParameters) => runCopper('list', parameters);

/** The path of every search: the page never goes into a query string. */
const SEARCH = '/tasks/search';

describe('Copper › list', () => {
	it('lists newest first (date_created desc) unless another order is chosen', async () => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await list({ returnAll: false, limit: 5 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 5) }]);
		expectExactRequests(scope);
	});

	it.each([
		['assigned_to', 'asc'],
		['completed_date', 'desc'],
		['date_created', 'asc'],
		['due_date', 'desc'],
		['date_modified', 'asc'],
		['name', 'asc'],
		['priority', 'desc'],
		['related_to', 'asc'],
		['reminder_date', 'desc'],
		['status', 'asc'],
	])('sends sort_by %s and sort_direction %s in the body', async (sortBy, sortDirection) => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await list({ sortBy, sortDirection, returnAll: false, limit: 10 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{
				path: SEARCH,
				body: searchBody({ sort_by: sortBy, sort_direction: sortDirection }, 1, 10),
			},
		]);
		expectExactRequests(scope);
	});

	it('asks for Limit tasks in one request and returns exactly them', async () => {
		const { scope, sent } = searchTasks([{ tasks: numbered(1, 3, taskNumber), total: 950 }]);

		const run = await list({ returnAll: false, limit: 3 });

		expect(run.json).toEqual(numbered(1, 3, presentedNumber));
		expect(sent).toEqual([{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 3) }]);
		expectExactRequests(scope);
	});

	it('asks for a Limit of 200 in one page of 200', async () => {
		const { scope, sent } = searchTasks([{ tasks: numbered(1, 200, taskNumber), total: 950 }]);

		const run = await list({ returnAll: false, limit: 200 });

		expect(run.json).toEqual(numbered(1, 200, presentedNumber));
		expect(sent).toEqual([{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) }]);
		expectExactRequests(scope);
	});

	it('pages a Limit above 200 at 200 a page and stops once Limit tasks are in', async () => {
		const { scope, sent } = searchTasks([
			{ tasks: numbered(1, 200, taskNumber), total: 950 },
			{ tasks: numbered(201, 400, taskNumber), total: 950 },
		]);

		const run = await list({ returnAll: false, limit: 250 });

		expect(run.json).toEqual(numbered(1, 250, presentedNumber));
		expect(sent).toEqual([
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) },
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 2, 200) },
		]);
		expectExactRequests(scope);
	});

	it('returns all tasks over pages 1, 2, 3 of 200, the short last page ending the list', async () => {
		const { scope, sent } = searchTasks([
			{ tasks: numbered(1, 200, taskNumber), total: 450 },
			{ tasks: numbered(201, 400, taskNumber), total: 450 },
			{ tasks: numbered(401, 450, taskNumber), total: 450 },
		]);

		const run = await list({ sortBy: 'due_date', sortDirection: 'asc', returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(numbered(1, 450, presentedNumber));
		const dueFirst = { sort_by: 'due_date', sort_direction: 'asc' };
		expect(sent).toEqual([
			{ path: SEARCH, body: searchBody(dueFirst, 1, 200) },
			{ path: SEARCH, body: searchBody(dueFirst, 2, 200) },
			{ path: SEARCH, body: searchBody(dueFirst, 3, 200) },
		]);
		expectExactRequests(scope);
	});

	it('stops after a full last page when X-PW-TOTAL says the end is reached', async () => {
		const { scope, sent } = searchTasks([
			{ tasks: numbered(1, 200, taskNumber), total: 400 },
			{ tasks: numbered(201, 400, taskNumber), total: 400 },
		]);

		const run = await list({ returnAll: true });

		expect(run.json).toEqual(numbered(1, 400, presentedNumber));
		expect(sent).toEqual([
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) },
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 2, 200) },
		]);
		expectExactRequests(scope);
	});

	it('stops at a short page when Copper sends no X-PW-TOTAL', async () => {
		const { scope, sent } = searchTasks([
			{ tasks: numbered(1, 200, taskNumber) },
			{ tasks: numbered(201, 320, taskNumber) },
		]);

		const run = await list({ returnAll: true });

		expect(run.json).toEqual(numbered(1, 320, presentedNumber));
		expect(sent).toEqual([
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) },
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 2, 200) },
		]);
		expectExactRequests(scope);
	});

	it('without X-PW-TOTAL, asks once more after a full page and stops at the empty one', async () => {
		const { scope, sent } = searchTasks([{ tasks: numbered(1, 200, taskNumber) }, { tasks: [] }]);

		const run = await list({ returnAll: true });

		expect(run.json).toEqual(numbered(1, 200, presentedNumber));
		expect(sent).toEqual([
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) },
			{ path: SEARCH, body: searchBody(NEWEST_FIRST, 2, 200) },
		]);
		expectExactRequests(scope);
	});

	it('returns no items, after one request, when the account has no tasks', async () => {
		const { scope, sent } = searchTasks([{ tasks: [], total: 0 }]);

		const run = await list({ returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([]);
		expect(sent).toEqual([{ path: SEARCH, body: searchBody(NEWEST_FIRST, 1, 200) }]);
		expectExactRequests(scope);
	});

	it('rejects a sort Copper does not offer, given by an expression, before any request', async () => {
		const run = await list({ sortBy: '={{ "password" }}', returnAll: true });

		expect(run.error?.message).toBe(
			'Invalid value for "Sort By": Expected one of: assigned_to, completed_date, date_created, due_date, date_modified, name, priority, related_to, reminder_date, status',
		);
		expectNoRequests();
	});

	it('rejects a sort direction other than asc or desc, before any request', async () => {
		const run = await list({ sortDirection: '={{ "up" }}', returnAll: true });

		expect(run.error?.message).toBe(
			'Invalid value for "Sort Direction": Expected one of: asc, desc',
		);
		expectNoRequests();
	});

	it.each([
		['0', 0],
		['a negative number', -5],
		['a fraction', 2.5],
	])('rejects a Limit of %s before any request', async (_, limit) => {
		const run = await list({ returnAll: false, limit });

		expect(run.error?.message).toBe('Invalid value for "Limit": Expected a whole number above 0');
		expectNoRequests();
	});
});
