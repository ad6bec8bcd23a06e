/**
 * Task group List: `GET /api/v2/task-groups` with every filter, the created and modified bounds
 * (`_gt/_gte/_lt/_lte`, ISO), the order (sortBy/orderBy), and paging (page from 1, limit at most
 * 100, count=true). Exact requests, exact items; bad input fails before any request.
 */
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import { recordWaits } from '../helpers/waits';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { withoutAdmin } from './credentials';
import {
	cotalker,
	failed,
	idsOf,
	listed,
	pageQuery,
	taskGroupId,
	taskGroupsFrom,
} from './fixtures/taskGroups';
import { runCotalker } from './runCotalker';

const runList = (parameters: INodeParameters = {}, options = {}) =>
	runCotalker('taskGroup', 'list', parameters, options);

const GROUP_A = '6a1e00000b00000000000001';
const GROUP_B = '6a1e00000b00000000000002';

describe('Cotalker › task group List › request and output', () => {
	it('sends GET /api/v2/task-groups in the default order, a page of the Limit, and outputs the groups as they are', async () => {
		const groups = taskGroupsFrom(1, 3);
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, listed(groups, 3));

		const run = await runList();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(groups);
		expectExactRequests(scope);
	});

	it('sends every filter: isActive, ids and groupIds (ObjectIds separated by commas)', async () => {
		const groups = taskGroupsFrom(1, 2);
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(
				pageQuery(1, 50, {
					isActive: 'all',
					ids: `${taskGroupId(1)},${taskGroupId(2)}`,
					groupIds: `${GROUP_A},${GROUP_B}`,
				}),
			)
			.reply(200, listed(groups, 2));

		const run = await runList({
			filters: {
				isActive: 'all',
				ids: ` ${taskGroupId(1)} , ${taskGroupId(2)}`,
				groupIds: `${GROUP_A}, ${GROUP_B}`,
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(groups);
		expectExactRequests(scope);
	});

	it.each([
		['true', 'true'],
		['false', 'false'],
	])('sends isActive=%s', async (value, sent) => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50, { isActive: sent }))
			.reply(200, listed([], 0));

		const run = await runList({ filters: { isActive: value } });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('takes ID lists from an expression as arrays', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50, { ids: `${taskGroupId(1)},${taskGroupId(3)}` }))
			.reply(200, listed([], 0));

		const run = await runList({ filters: { ids: [taskGroupId(1), taskGroupId(3)] } });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('ignores filters added but left empty', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, listed([], 0));

		const run = await runList({
			filters: { ids: '', groupIds: '  ' },
			dateRange: { createdAtGt: '' },
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('sends each of the eight date bounds as <date>_<operator> in ISO form (UTC)', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(
				pageQuery(1, 50, {
					createdAt_gt: '2026-01-01T00:00:00.000Z',
					createdAt_gte: '2026-01-02T00:00:00.000Z',
					createdAt_lt: '2026-03-01T00:00:00.000Z',
					createdAt_lte: '2026-02-28T23:59:59.000Z',
					modifiedAt_gt: '2026-04-01T10:00:00.000Z',
					modifiedAt_gte: '2026-04-01T10:00:00.000Z',
					modifiedAt_lt: '2026-05-01T00:00:00.000Z',
					modifiedAt_lte: '2026-05-01T00:00:00.000Z',
				}),
			)
			.reply(200, listed([], 0));

		const run = await runList({
			dateRange: {
				createdAtGt: '2026-01-01T00:00:00Z',
				createdAtGte: '2026-01-02T00:00:00Z',
				createdAtLt: '2026-03-01T00:00:00Z',
				createdAtLte: '2026-02-28T23:59:59Z',
				modifiedAtGt: '2026-04-01T12:00:00+02:00',
				modifiedAtGte: '2026-04-01T10:00:00.000Z',
				modifiedAtLt: '2026-05-01T00:00:00Z',
				modifiedAtLte: '2026-05-01T00:00:00Z',
			},
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it("reads a time typed without an offset in the workflow's time zone (America/New_York)", async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50, { modifiedAt_gte: '2026-03-01T05:00:00.000Z' }))
			.reply(200, listed([], 0));

		const run = await runList({ dateRange: { modifiedAtGte: '2026-03-01T00:00:00' } });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it.each([
		['collectionName', 'asc'],
		['createdAt', 'desc'],
		['modifiedAt', 'desc'],
	])('sorts by %s, %s', async (sortBy, orderBy) => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query({ sortBy, orderBy, limit: '50', page: '1', count: 'true' })
			.reply(200, listed([], 0));

		const run = await runList({ sortBy, orderBy });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('sends the Admin header only when the credential has Admin Access on (the list does not require it)', async () => {
		const scope = cotalker({ authorization: 'Bearer cotalker-test-token' })
			.matchHeader('admin', (value: string | undefined) => value === undefined)
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, listed([], 0));

		const run = await runList({}, { credentials: withoutAdmin });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});
});

describe('Cotalker › task group List › paging', () => {
	it('walks 250 groups in 3 pages of 100 with Return All, stopping at the short last page', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 100))
			.reply(200, listed(taskGroupsFrom(1, 100), 250))
			.get('/api/v2/task-groups')
			.query(pageQuery(2, 100))
			.reply(200, listed(taskGroupsFrom(101, 100), 250))
			.get('/api/v2/task-groups')
			.query(pageQuery(3, 100))
			.reply(200, listed(taskGroupsFrom(201, 50), 250));

		const run = await runList({ returnAll: true });

		expect(run.error).toBeUndefined();
		expect(idsOf(run.json)).toEqual(idsOf(taskGroupsFrom(1, 250)));
		expectExactRequests(scope);
	});

	it('stops at a full last page when the count is reached', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 100))
			.reply(200, listed(taskGroupsFrom(1, 100), 300))
			.get('/api/v2/task-groups')
			.query(pageQuery(2, 100))
			.reply(200, listed(taskGroupsFrom(101, 100), 300))
			.get('/api/v2/task-groups')
			.query(pageQuery(3, 100))
			.reply(200, listed(taskGroupsFrom(201, 100), 300));

		const run = await runList({ returnAll: true });

		expect(run.json).toHaveLength(300);
		expectExactRequests(scope);
	});

	it('reads on after a full page without a count, and stops at the empty page', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 100))
			.reply(200, listed(taskGroupsFrom(1, 100)))
			.get('/api/v2/task-groups')
			.query(pageQuery(2, 100))
			.reply(200, listed([]));

		const run = await runList({ returnAll: true });

		expect(run.json).toHaveLength(100);
		expectExactRequests(scope);
	});

	it('pages in 100s up to a Limit of 230 and outputs exactly 230 groups', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 100))
			.reply(200, listed(taskGroupsFrom(1, 100), 1000))
			.get('/api/v2/task-groups')
			.query(pageQuery(2, 100))
			.reply(200, listed(taskGroupsFrom(101, 100), 1000))
			.get('/api/v2/task-groups')
			.query(pageQuery(3, 100))
			.reply(200, listed(taskGroupsFrom(201, 100), 1000));

		const run = await runList({ limit: 230 });

		expect(idsOf(run.json)).toEqual(idsOf(taskGroupsFrom(1, 230)));
		expectExactRequests(scope);
	});

	it('asks for one page of the Limit when it is below 100', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 7))
			.reply(200, listed(taskGroupsFrom(1, 7), 40));

		const run = await runList({ limit: 7 });

		expect(idsOf(run.json)).toEqual(idsOf(taskGroupsFrom(1, 7)));
		expectExactRequests(scope);
	});

	it('keeps the filters, bounds and order on every page', async () => {
		const extra = { isActive: 'false', createdAt_gte: '2026-01-01T00:00:00.000Z' };
		const query = (page: number) => ({
			...pageQuery(page, 100, extra),
			sortBy: 'modifiedAt',
			orderBy: 'desc',
		});
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(query(1))
			.reply(200, listed(taskGroupsFrom(1, 100), 201))
			.get('/api/v2/task-groups')
			.query(query(2))
			.reply(200, listed(taskGroupsFrom(101, 100), 201))
			.get('/api/v2/task-groups')
			.query(query(3))
			.reply(200, listed(taskGroupsFrom(201, 1), 201));

		const run = await runList({
			returnAll: true,
			filters: { isActive: 'false' },
			dateRange: { createdAtGte: '2026-01-01T00:00:00Z' },
			sortBy: 'modifiedAt',
			orderBy: 'desc',
		});

		expect(run.json).toHaveLength(201);
		expectExactRequests(scope);
	});

	it('reads the list under any key, as the v2 task group list names none (e.g. data.groups)', async () => {
		const groups = taskGroupsFrom(1, 2);
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, listed(groups, 2, 'groups'));

		const run = await runList();

		expect(run.json).toEqual(groups);
		expectExactRequests(scope);
	});

	it('reads the total as `counter` beside data, as the docs call it', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 100))
			.reply(200, { data: { taskGroups: taskGroupsFrom(1, 100) }, counter: 100 });

		const run = await runList({ returnAll: true });

		expect(run.json).toHaveLength(100);
		expectExactRequests(scope);
	});
});

describe('Cotalker › task group List › failures', () => {
	// Server errors are retried (4 attempts): the waits are recorded, not slept.
	recordWaits();

	it('waits out 429 as Retry-After says and goes on', async () => {
		const groups = taskGroupsFrom(1, 2);
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(429, failed(429, 'Too Many Requests', 'Rate limit exceeded'), { 'Retry-After': '0' })
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(200, listed(groups, 2));

		const run = await runList();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(groups);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message as a NodeApiError", async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(400, failed(400, 'Bad Request', 'sortBy must be one of createdAt, modifiedAt'));

		const run = await runList();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('sortBy must be one of createdAt, modifiedAt');
		expect((run.error as NodeApiError).httpCode).toBe('400');
		expectExactRequests(scope);
	});

	it('outputs the error as an item with Continue On Fail', async () => {
		const scope = cotalker()
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.times(4)
			.reply(500, failed(500, 'Internal Server Error', 'Something broke'));

		const run = await runList({}, { continueOnFail: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ error: 'Something broke' }]);
		expectExactRequests(scope);
	});

	it.each<[string, INodeParameters, string]>([
		[
			'a malformed ObjectId in Task Group IDs',
			{ filters: { ids: `${taskGroupId(1)}, 12345` } },
			'Invalid value for "Task Group IDs": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		],
		[
			'a malformed ObjectId in Workflow Group IDs',
			{ filters: { groupIds: 'not-an-id' } },
			'Invalid value for "Workflow Group IDs": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		],
		[
			'a date that is not one',
			{ dateRange: { createdAtGte: 'last tuesday' } },
			'Invalid value for "Created At or After": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'a lower bound after an upper bound',
			{
				dateRange: { modifiedAtGt: '2026-05-02T00:00:00Z', modifiedAtLte: '2026-05-01T00:00:00Z' },
			},
			'"Modified After" is after "Modified At or Before"',
		],
		[
			'an unknown Active value',
			{ filters: { isActive: 'yes' } },
			'Invalid value for "Active": Expected one of: all, true, false',
		],
		[
			'an unknown sort',
			{ sortBy: 'name' },
			'Invalid value for "Sort By": Expected one of: collectionName, createdAt, modifiedAt',
		],
		[
			'an unknown direction',
			{ orderBy: 'up' },
			'Invalid value for "Sort Order": Expected one of: asc, desc',
		],
		['a Limit of 0', { limit: 0 }, 'Invalid value for "Limit": Expected a whole number above 0'],
	])('refuses %s before any request', async (_, parameters, message) => {
		const run = await runList(parameters);

		expect(run.error?.message).toBe(message);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});
