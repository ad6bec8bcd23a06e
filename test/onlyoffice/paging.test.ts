/**
 * Paging of `GET /crm/task/filter`: `startIndex` (from 0) and `count` in the query, 500 a page,
 * stopping at a short page, at the envelope's `total`, or when it gives no `nextIndex`.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectExactRequests } from '../helpers/requests';
import { taskNumbered } from './recordHelpers';
import { listed, onlyoffice, runTask } from './runOnlyoffice';

const ORDER = { sortBy: 'deadLine', sortOrder: 'ascending' };

/** `count` tasks numbered from `first`. */
const tasksFrom = (first: number, count: number): IDataObject[] =>
	Array.from({ length: count }, (_, index) => taskNumbered(first + index));

const pageQuery = (startIndex: number, count: number) => ({
	...ORDER,
	startIndex: String(startIndex),
	count: String(count),
});

const ids = (items: IDataObject[]) => items.map((item) => item.id);

describe('ONLYOFFICE › paging', () => {
	it('walks 1,200 tasks in 3 pages of 500 with Return All, stopping at the short last page', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(pageQuery(0, 500))
			.reply(200, listed(tasksFrom(1, 500), { nextIndex: 500, total: 1200 }))
			.get('/crm/task/filter')
			.query(pageQuery(500, 500))
			.reply(200, listed(tasksFrom(501, 500), { startIndex: 500, nextIndex: 1000, total: 1200 }))
			.get('/crm/task/filter')
			.query(pageQuery(1000, 500))
			.reply(200, listed(tasksFrom(1001, 200), { startIndex: 1000, total: 1200 }));

		const run = await runTask('list', { returnAll: true });

		expect(run.error).toBeUndefined();
		expect(ids(run.json)).toEqual(ids(tasksFrom(1, 1200)));
		expectExactRequests(scope);
	});

	it('stops at a full last page when the total is reached, though ONLYOFFICE still gives a nextIndex', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(pageQuery(0, 500))
			.reply(200, listed(tasksFrom(1, 500), { nextIndex: 500, total: 1500 }))
			.get('/crm/task/filter')
			.query(pageQuery(500, 500))
			.reply(200, listed(tasksFrom(501, 500), { startIndex: 500, nextIndex: 1000, total: 1500 }))
			.get('/crm/task/filter')
			.query(pageQuery(1000, 500))
			.reply(200, listed(tasksFrom(1001, 500), { startIndex: 1000, nextIndex: 1500, total: 1500 }));

		const run = await runTask('list', { returnAll: true });

		expect(run.json).toHaveLength(1500);
		expect(run.json[1499].id).toBe(1500);
		expectExactRequests(scope);
	});

	it('stops at a full page without nextIndex', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(pageQuery(0, 500))
			.reply(200, listed(tasksFrom(1, 500), { nextIndex: 500 }))
			.get('/crm/task/filter')
			.query(pageQuery(500, 500))
			.reply(200, listed(tasksFrom(501, 500), { startIndex: 500 }));

		const run = await runTask('list', { returnAll: true });

		expect(run.json).toHaveLength(1000);
		expectExactRequests(scope);
	});

	it('asks for a page of the Limit when it is below 500', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(pageQuery(0, 120))
			.reply(200, listed(tasksFrom(1, 120), { nextIndex: 120, total: 1200 }));

		const run = await runTask('list', { limit: 120 });

		expect(ids(run.json)).toEqual(ids(tasksFrom(1, 120)));
		expectExactRequests(scope);
	});

	it('pages in 500s up to a Limit of 1,100 and outputs exactly 1,100 tasks', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(pageQuery(0, 500))
			.reply(200, listed(tasksFrom(1, 500), { nextIndex: 500, total: 5000 }))
			.get('/crm/task/filter')
			.query(pageQuery(500, 500))
			.reply(200, listed(tasksFrom(501, 500), { startIndex: 500, nextIndex: 1000, total: 5000 }))
			.get('/crm/task/filter')
			.query(pageQuery(1000, 500))
			.reply(200, listed(tasksFrom(1001, 500), { startIndex: 1000, nextIndex: 1500, total: 5000 }));

		const run = await runTask('list', { limit: 1100 });

		expect(ids(run.json)).toEqual(ids(tasksFrom(1, 1100)));
		expectExactRequests(scope);
	});

	it('pages Find the same way, its filters on every page', async () => {
		const filtered = (startIndex: number) => ({
			isClosed: 'false',
			...pageQuery(startIndex, 500),
		});
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(filtered(0))
			.reply(200, listed(tasksFrom(1, 500), { nextIndex: 500, total: 1001 }))
			.get('/crm/task/filter')
			.query(filtered(500))
			.reply(200, listed(tasksFrom(501, 500), { startIndex: 500, nextIndex: 1000, total: 1001 }))
			.get('/crm/task/filter')
			.query(filtered(1000))
			.reply(200, listed(tasksFrom(1001, 1), { startIndex: 1000, total: 1001 }));

		const run = await runTask('find', { filters: { isClosed: false }, returnAll: true });

		expect(run.json).toHaveLength(1001);
		expectExactRequests(scope);
	});
});
