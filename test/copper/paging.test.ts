/**
 * Paging of Copper's task search: the page goes in the JSON body and advances, so Return All over
 * 1,000 tasks gives each exactly once in five requests; n8n's built-in Copper node fails this
 * (vendors.md §6.1: page_size in the query string, page_number never sent). Searches Copper
 * cuts at 100,000 records fail with Return All instead of stopping silently at the cap.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectExactRequests } from '../helpers/requests';
import { AUTH_HEADERS, BASE_URL } from './credentials';
import { runCopper } from './runCopper';
import { NEWEST_FIRST, copper, searchBody, searchTasks } from './searchApi';
import { fakeSearch } from './fixtures/fakeSearch';
import { numbered, presentedNumber, taskNumber } from './fixtures/searchTaskPage';

const thousand = numbered(1, 1000, taskNumber);
const ids = (records: IDataObject[]) => records.map((record) => record.id);

/** The five bodies of a Return All over 1,000 tasks, newest first. */
const fivePages = numbered(1, 5, (page) => ({
	path: '/tasks/search',
	body: searchBody(NEWEST_FIRST, page, 200),
}));

describe('Copper › paging', () => {
	it('Return All over 1,000 tasks gives exactly the 1,000 tasks, once each, in 5 searches', async () => {
		const { scope, requests } = fakeSearch(thousand, 5);

		const run = await runCopper('list', { returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(1000);
		expect(new Set(ids(run.json)).size).toBe(1000);
		expect(run.json).toEqual(numbered(1, 1000, presentedNumber));
		expect(requests).toEqual(fivePages);
		expectExactRequests(scope);
	});

	it("the fake search gives duplicates to a client paging as n8n's built-in node does", async () => {
		// What n8n's built-in node sends: page_size in the query, no page_number, an empty body,
		// repeated until it holds as many tasks as X-PW-TOTAL says (here cut at five requests).
		const { scope, requests } = fakeSearch(thousand, 5);
		const received: IDataObject[] = [];
		for (let request = 0; request < 5; request++) {
			const response = await fetch(`${BASE_URL}/tasks/search?page_size=200`, {
				method: 'POST',
				headers: { ...AUTH_HEADERS, 'content-type': 'application/json' },
				body: '{}',
			});
			received.push(...((await response.json()) as IDataObject[]));
		}

		expect(received).toHaveLength(100);
		expect(new Set(ids(received))).toEqual(new Set(ids(numbered(1, 20, taskNumber))));
		expect(requests).toEqual(
			numbered(1, 5, () => ({ path: '/tasks/search?page_size=200', body: {} })),
		);
		expectExactRequests(scope);
	});

	it('Find pages a filtered search the same way, its filters on every page', async () => {
		const matches = numbered(1, 450, taskNumber);
		const { scope, requests } = fakeSearch(matches, 3);

		const run = await runCopper('find', {
			filters: { statuses: ['Open'], assigneeIds: [137658] },
			returnAll: true,
		});

		expect(run.json).toEqual(numbered(1, 450, presentedNumber));
		expect(requests).toEqual(
			numbered(1, 3, (page) => ({
				path: '/tasks/search',
				body: searchBody(
					{ statuses: ['Open'], assignee_ids: [137658], ...NEWEST_FIRST },
					page,
					200,
				),
			})),
		);
		expectExactRequests(scope);
	});

	it('waits out a 429 on page 2 and asks for page 2 again, not page 1', async () => {
		// Registered first, it takes the first request for page 2; its retry goes on to `scope`.
		const throttled = copper()
			.post('/tasks/search', searchBody(NEWEST_FIRST, 2, 200))
			.reply(429, {
				status: 429,
				message: 'Rate limit exceeded',
			});
		const { scope, sent } = searchTasks([
			{ tasks: numbered(1, 200, taskNumber), total: 300 },
			{ tasks: numbered(201, 300, taskNumber), total: 300 },
		]);

		const run = await runCopper('list', { returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(numbered(1, 300, presentedNumber));
		expect(sent).toEqual([fivePages[0], fivePages[1]]);
		expectExactRequests(throttled, scope);
	});

	describe('a search over the 100,000 records Copper returns', () => {
		it('fails at once with Return All, naming the cap and the match count', async () => {
			const { scope, sent } = searchTasks([
				{ tasks: numbered(1, 200, taskNumber), total: 123_456 },
			]);

			const run = await runCopper('list', { returnAll: true });

			expect(run.json).toEqual([]);
			expect(run.error?.message).toBe(
				'This search matches 123,456 records, and Copper returns only the first 100,000',
			);
			expect(run.error?.description).toBe(
				'Narrow the search with filters or a date range (for example one month of created dates per run), or turn off Return All and set a Limit of at most 100,000.',
			);
			expect(sent).toEqual([fivePages[0]]);
			expectExactRequests(scope);
		});

		it('fails at once with a Limit above 100,000', async () => {
			const { scope, sent } = searchTasks([
				{ tasks: numbered(1, 200, taskNumber), total: 100_001 },
			]);

			const run = await runCopper('list', { returnAll: false, limit: 100_001 });

			expect(run.json).toEqual([]);
			expect(run.error?.message).toBe(
				'This search matches 100,001 records, and Copper returns only the first 100,000',
			);
			expect(sent).toEqual([fivePages[0]]);
			expectExactRequests(scope);
		});

		it('is fine with a Limit of at most 100,000', async () => {
			const { scope, sent } = searchTasks([
				{ tasks: numbered(1, 200, taskNumber), total: 250_000 },
				{ tasks: numbered(201, 400, taskNumber), total: 250_000 },
			]);

			const run = await runCopper('list', { returnAll: false, limit: 300 });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual(numbered(1, 300, presentedNumber));
			expect(sent).toEqual([fivePages[0], fivePages[1]]);
			expectExactRequests(scope);
		});

		it('does not fail Return All when exactly 100,000 match', async () => {
			const { scope, sent } = searchTasks([
				{ tasks: numbered(1, 150, taskNumber), total: 100_000 },
			]);

			const run = await runCopper('list', { returnAll: true });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual(numbered(1, 150, presentedNumber));
			expect(sent).toEqual([fivePages[0]]);
			expectExactRequests(scope);
		});
	});
});
