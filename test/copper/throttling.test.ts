import type { IDataObject } from 'n8n-workflow';

import type { Answer } from '../../nodes/shared/transport/faults';
import type { RetryPolicy } from '../../nodes/shared/transport/throttling';
import { expectExactRequests } from '../helpers/requests';
import { recordWaits, waitOutThrottling } from '../helpers/waits';
import { copper, getTask, presentedTask } from './recordHelpers';
import task from './fixtures/record-task.json';

/**
 * Copper answers 429 without Retry-After (vendors.md §2.1): the node backs off 1, 2, 4, 8, 16 s,
 * each jittered between half and whole. The jitter source is Math.random as it is when the node's
 * modules load, so it is pinned for exactly that moment (below): every wait is then half its
 * backoff, 0.5 s, 1 s, 2 s …, unless a test queues other draws. Math.random itself stays real (a
 * constant one sends source-map's quicksort into endless recursion).
 */
const draws: number[] = [];
const pinned = () => draws.shift() ?? 0;

beforeAll(() => {
	const real = Math.random;
	Math.random = pinned;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		require('../../nodes/Copper/transport');
	} finally {
		Math.random = real;
	}
});

const THROTTLED = { status: 429, message: 'Rate limit exceeded' };

/** Copper's policy, as loaded while Math.random was pinned. */
const copperApi = async () => (await import('../../nodes/Copper/transport')).copperApi;
const throttling = async () => await import('../../nodes/shared/transport/throttling');

/** Answers each send with the next status; the last repeats. Records the waits asked for. */
function throttledVendor(...statuses: number[]) {
	let sent = 0;
	const waits: number[] = [];
	return {
		waits,
		sent: () => sent,
		send: async (): Promise<Answer> => {
			const statusCode = statuses[Math.min(sent, statuses.length - 1)];
			sent += 1;
			return { statusCode, headers: {} as IDataObject };
		},
		wait: async (ms: number) => {
			waits.push(ms);
		},
	};
}

describe('Copper › throttling (HTTP 429, no Retry-After)', () => {
	const waits = recordWaits();

	it('backs off 0.5 s, then 1 s, and outputs the answer that follows', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.times(2)
			.reply(429, THROTTLED)
			.get('/tasks/27140359')
			.reply(200, task);

		const run = await getTask();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(waits).toEqual([500, 1_000]);
		expectExactRequests(scope);
	});

	it('waits as Retry-After says when Copper sends one', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.reply(429, THROTTLED, { 'Retry-After': '2' })
			.get('/tasks/27140359')
			.reply(200, task);

		const run = await getTask();

		expect(waits).toEqual([2_000]);
		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});
});

describe('Copper › throttling: giving up', () => {
	it('gives up with a clear error once a wait would cross the 60 s bound', async () => {
		// Retry-After: 0, then 61: one retry, and the second wait would pass the bound.
		const scope = copper()
			.get('/tasks/27140359')
			.reply(429, THROTTLED, { 'Retry-After': '0' })
			.get('/tasks/27140359')
			.reply(429, THROTTLED, { 'Retry-After': '61' });

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Copper is still throttling requests after 2 attempts');
		expect(run.error?.description).toBe(
			"Waited 0 s in all. Space the requests out, for example with the node's batching options, and try again.",
		);
		expect((run.error as { httpCode?: string }).httpCode).toBe('429');
		expectExactRequests(scope);
	});

	it('gives up after 6 attempts and 15.5 s of backoff (timers faked, so the test does not wait)', async () => {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance', 'Date'],
		});
		try {
			const scope = copper().get('/tasks/27140359').times(6).reply(429, THROTTLED);

			const running = getTask();
			let advanced = 0;
			let settled = false;
			void running.finally(() => (settled = true));
			// The fake clock moves only while a wait is pending; while real I/O is under way (nock's
			// answer), the loop yields to it instead, so slow I/O on a loaded machine adds no time.
			while (!settled && advanced < 120_000) {
				if (jest.getTimerCount() === 0) {
					// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code, not shipped
					await new Promise((resolve) => setImmediate(resolve));
					continue;
				}
				await jest.advanceTimersByTimeAsync(100);
				advanced += 100;
			}
			const run = await running;

			expect(run.error?.message).toBe('Copper is still throttling requests after 6 attempts');
			expect(run.error?.description).toBe(
				"Waited 16 s in all. Space the requests out, for example with the node's batching options, and try again.",
			);
			expect((run.error as { httpCode?: string }).httpCode).toBe('429');
			// 0.5 + 1 + 2 + 4 + 8 s of backoff ("Waited 16 s" above), in steps of 0.1 s: within the 60 s
			// bound.
			expect(advanced).toBeGreaterThanOrEqual(15_500);
			expect(advanced).toBeLessThan(60_000);
			expectExactRequests(scope);
		} finally {
			jest.useRealTimers();
		}
	});
});

describe('Copper › throttling policy (copperApi.throttlePolicy with the shared retries)', () => {
	it('backs off 0.5, 1, 2, 4, 8 s (no jitter drawn) and gives up after 6 attempts', async () => {
		const api = await copperApi();
		const vendor = throttledVendor(429);

		const outcome = await waitOutThrottling(
			vendor.send,
			api.throttleStatus,
			api.throttlePolicy,
			vendor.wait,
		);

		expect(api.throttleStatus).toBe(429);
		expect(vendor.waits).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
		expect(vendor.sent()).toBe(6);
		expect(outcome).toMatchObject({ stillThrottled: true, attempts: 6, waitedMs: 15_500 });
	});

	it('never waits more than 60 s in all, whatever the jitter draws', async () => {
		const { exponentialBackoff } = await throttling();
		const { throttlePolicy } = await copperApi();
		const policy = throttlePolicy as RetryPolicy;
		expect(policy.maxTotalWaitMs).toBe(60_000);
		// The longest waits jitter can give: the whole backoff every time (1, 2, 4, 8, 16 s).
		const worst: RetryPolicy = {
			...policy,
			fallbackWaitMs: exponentialBackoff({
				baseMs: 1_000,
				maxWaitMs: 16_000,
				jitter: 'equal',
				random: () => 0.999_999,
			}),
		};
		const vendor = throttledVendor(429);

		const outcome = await waitOutThrottling(vendor.send, 429, worst, vendor.wait);

		expect(vendor.waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
		expect(outcome).toMatchObject({ stillThrottled: true, attempts: 6, waitedMs: 31_000 });
		expect(outcome.waitedMs).toBeLessThanOrEqual(60_000);
	});

	it('jitters each wait between half and the whole backoff', async () => {
		const api = await copperApi();
		const policy = api.throttlePolicy as RetryPolicy;
		draws.push(0.5, 0.25, 0.75);

		expect([policy.fallbackWaitMs(1), policy.fallbackWaitMs(2), policy.fallbackWaitMs(5)]).toEqual([
			750, 1_250, 14_000,
		]);
		// Past the fifth retry the backoff stays at 16 s.
		expect(policy.fallbackWaitMs(9)).toBe(8_000);
	});

	it('stops at the first answer that is not 429', async () => {
		const api = await copperApi();
		const vendor = throttledVendor(429, 429, 429, 422);

		const outcome = await waitOutThrottling(
			vendor.send,
			api.throttleStatus,
			api.throttlePolicy,
			vendor.wait,
		);

		expect(vendor.waits).toEqual([500, 1_000, 2_000]);
		expect(outcome).toMatchObject({ stillThrottled: false, attempts: 4, waitedMs: 3_500 });
		expect(outcome.response.statusCode).toBe(422);
	});
});
