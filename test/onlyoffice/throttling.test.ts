/**
 * ONLYOFFICE answers 503 with Retry-After beyond 500 requests in 10 s (vendors.md §3.1): the node
 * waits as Retry-After says (2 s when it says nothing), at most 5 attempts and 60 s per request.
 */
import { expectExactRequests } from '../helpers/requests';
import { getTask, task, taskNumbered } from './recordHelpers';
import { failed, listed, onlyoffice, runTask, single } from './runOnlyoffice';

const THROTTLED = failed(503, 'Too many requests. Please try again later.');

describe('ONLYOFFICE › throttling (HTTP 503)', () => {
	it('waits as Retry-After says, then outputs the answer that follows', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(503, THROTTLED, { 'Retry-After': '1' })
			.get('/crm/task/1201')
			.reply(200, single(task));

		const started = Date.now();
		const run = await getTask();
		const waited = Date.now() - started;

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expect(waited).toBeGreaterThanOrEqual(1_000);
		expectExactRequests(scope);
	});

	it('waits 2 s when Retry-After is missing', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(503, THROTTLED)
			.get('/crm/task/1201')
			.reply(200, single(task));

		const started = Date.now();
		const run = await getTask();

		expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('waits out throttling in the middle of paging, losing and repeating no page', async () => {
		const page = (first: number, count: number) =>
			Array.from({ length: count }, (_, index) => taskNumbered(first + index));
		const query = (startIndex: number) => ({
			sortBy: 'deadLine',
			sortOrder: 'ascending',
			startIndex: String(startIndex),
			count: '500',
		});
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(query(0))
			.reply(200, listed(page(1, 500), { nextIndex: 500, total: 600 }))
			.get('/crm/task/filter')
			.query(query(500))
			.reply(503, THROTTLED, { 'Retry-After': '0' })
			.get('/crm/task/filter')
			.query(query(500))
			.reply(200, listed(page(501, 100), { startIndex: 500, total: 600 }));

		const run = await runTask('list', { returnAll: true });

		expect(run.json.map((item) => item.id)).toEqual(page(1, 600).map((item) => item.id));
		expectExactRequests(scope);
	});

	it('gives up with a clear error once a wait would cross the 60 s bound', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(503, THROTTLED, { 'Retry-After': '0' })
			.get('/crm/task/1201')
			.reply(503, THROTTLED, { 'Retry-After': '61' });

		const started = Date.now();
		const run = await getTask();

		expect(Date.now() - started).toBeLessThan(5_000);
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('ONLYOFFICE is still throttling requests after 2 attempts');
		expect(run.error?.description).toBe(
			"Waited 0 s in all. Space the requests out, for example with the node's batching options, and try again.",
		);
		expect((run.error as { httpCode?: string }).httpCode).toBe('503');
		expectExactRequests(scope);
	});

	it('gives up after 5 attempts', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.times(5)
			.reply(503, THROTTLED, { 'Retry-After': '0' });

		const run = await getTask();

		expect(run.error?.message).toBe('ONLYOFFICE is still throttling requests after 5 attempts');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});
});
