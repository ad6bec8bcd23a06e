import type { Answer } from '../../nodes/shared/transport/faults';
import {
	exponentialBackoff,
	fixedWait,
	throttlingRetryPolicy,
	type RetryPolicy,
} from '../../nodes/shared/transport/throttling';
import { waitOutThrottling } from '../helpers/waits';

/** A jitter source that returns the given numbers in turn, then the last one again. */
const randoms = (...values: number[]) => {
	let next = 0;
	return () => values[Math.min(next++, values.length - 1)];
};

/** Answers each send with the next status (and headers); the last answer repeats. */
function vendor(...answers: Array<number | Answer>) {
	const sent: number[] = [];
	const send = async () => {
		sent.push(sent.length + 1);
		const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
		return typeof answer === 'number' ? { statusCode: answer, headers: {} } : answer;
	};
	const waits: number[] = [];
	const wait = async (ms: number) => {
		waits.push(ms);
	};
	return { send, sent, waits, wait };
}

describe('exponential backoff', () => {
	it('doubles from the base up to the cap, before jitter', () => {
		const backoff = exponentialBackoff({
			baseMs: 1000,
			maxWaitMs: 5000,
			jitter: 'full',
			random: () => 1,
		});
		expect([1, 2, 3, 4, 5].map(backoff)).toEqual([1000, 2000, 4000, 5000, 5000]);
	});

	it.each([
		['full', 'from 0 up to the backoff', [0, 1000, 1000]],
		['equal', 'at least half the backoff', [500, 1500, 3998]],
	] as const)('%s jitter waits %s', (jitter, _range, expected) => {
		const random = randoms(0, 0.5, jitter === 'full' ? 0.25 : 0.999);
		const backoff = exponentialBackoff({ baseMs: 1000, maxWaitMs: 30_000, jitter, random });
		expect([1, 2, 3].map(backoff)).toEqual(expected);
	});
});

describe('waiting out throttling with backoff', () => {
	const policy = (random: () => number, overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
		maxAttempts: 6,
		maxTotalWaitMs: 60_000,
		fallbackWaitMs: exponentialBackoff({
			baseMs: 1000,
			maxWaitMs: 30_000,
			jitter: 'equal',
			random,
		}),
		...overrides,
	});

	it('backs off exponentially when 429 carries no Retry-After, then returns the answer', async () => {
		const { send, sent, waits, wait } = vendor(429, 429, 429, 200);
		const outcome = await waitOutThrottling(
			send,
			429,
			policy(() => 0.5),
			wait,
		);
		expect(waits).toEqual([750, 1500, 3000]);
		expect(sent).toHaveLength(4);
		expect(outcome).toMatchObject({ stillThrottled: false, attempts: 4, waitedMs: 5250 });
		expect(outcome.response.statusCode).toBe(200);
	});

	it('stops at the most attempts, still throttled', async () => {
		const { send, sent, waits, wait } = vendor(429);
		const outcome = await waitOutThrottling(
			send,
			429,
			policy(() => 0),
			wait,
		);
		expect(waits).toEqual([500, 1000, 2000, 4000, 8000]);
		expect(sent).toHaveLength(6);
		expect(outcome).toMatchObject({ stillThrottled: true, attempts: 6, waitedMs: 15_500 });
	});

	it('never waits past the total bound: the wait that would cross it is not taken', async () => {
		const { send, sent, waits, wait } = vendor(429);
		const outcome = await waitOutThrottling(
			send,
			429,
			policy(() => 1, { maxAttempts: 10, maxTotalWaitMs: 10_000 }),
			wait,
		);
		expect(waits).toEqual([1000, 2000, 4000]);
		expect(sent).toHaveLength(4);
		expect(outcome).toMatchObject({ stillThrottled: true, attempts: 4, waitedMs: 7000 });
	});

	it('honours Retry-After whenever the answer carries one', async () => {
		const { send, waits, wait } = vendor(
			{ statusCode: 429, headers: { 'Retry-After': '7' } },
			429,
			{ statusCode: 429, headers: { 'retry-after': '0.25' } },
			200,
		);
		const outcome = await waitOutThrottling(
			send,
			429,
			policy(() => 0.5),
			wait,
		);
		expect(waits).toEqual([7000, 1500, 250]);
		expect(outcome).toMatchObject({ stillThrottled: false, attempts: 4, waitedMs: 8750 });
	});

	it('does not retry a status other than the throttling one', async () => {
		const { send, sent, waits, wait } = vendor(409);
		const outcome = await waitOutThrottling(
			send,
			429,
			policy(() => 0.5),
			wait,
		);
		expect(waits).toEqual([]);
		expect(sent).toHaveLength(1);
		expect(outcome.stillThrottled).toBe(false);
	});
});

describe('the shared policy', () => {
	it('waits a fixed 2 s without Retry-After, 5 attempts at most', async () => {
		expect(throttlingRetryPolicy).toMatchObject({ maxAttempts: 5, maxTotalWaitMs: 60_000 });
		const { send, sent, waits, wait } = vendor(409);
		const outcome = await waitOutThrottling(send, 409, throttlingRetryPolicy, wait);
		expect(waits).toEqual([2000, 2000, 2000, 2000]);
		expect(sent).toHaveLength(5);
		expect(outcome.stillThrottled).toBe(true);
	});

	it('fixedWait is the same for every retry', () => {
		expect([1, 2, 9].map(fixedWait(1234))).toEqual([1234, 1234, 1234]);
	});
});
