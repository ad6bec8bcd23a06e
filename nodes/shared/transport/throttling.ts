import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** How long and how often a throttled request is retried before the error reaches the user. */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** The most time spent waiting across all retries of one request. */
	maxTotalWaitMs: number;
	/** The wait used when the vendor sends no usable Retry-After header. */
	fallbackWaitMs: number;
}

export const throttlingRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	fallbackWaitMs: 2_000,
};

/**
 * Reads Retry-After, which is either a number of seconds or an HTTP date, as milliseconds to wait.
 * Returns undefined when the header is missing or unreadable.
 */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
	const value = header === undefined ? '' : String(header[1]).trim();
	if (value === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A response as far as throttling is concerned. */
export interface ThrottlingAnswer {
	statusCode: number;
	headers: IDataObject;
}

/** What waiting out throttling came to: the last answer, and whether it still said "throttled". */
export interface ThrottlingOutcome<R> {
	response: R;
	stillThrottled: boolean;
	attempts: number;
	waitedMs: number;
}

/**
 * Sends, and while the answer has the vendor's throttling status, waits as its Retry-After says
 * (or `policy.fallbackWaitMs`) and sends again, within `policy`. Token requests and API requests
 * alike go through here, so every request waits out throttling the same way.
 */
export async function waitOutThrottling<R extends ThrottlingAnswer>(
	send: () => Promise<R>,
	throttleStatus: number,
	policy: RetryPolicy = throttlingRetryPolicy,
	wait: (ms: number) => Promise<void> = async (ms) => await sleep(ms),
): Promise<ThrottlingOutcome<R>> {
	let waitedMs = 0;
	for (let attempts = 1; ; attempts++) {
		const response = await send();
		if (response.statusCode !== throttleStatus) {
			return { response, stillThrottled: false, attempts, waitedMs };
		}
		const waitMs = retryAfterMs(response.headers) ?? policy.fallbackWaitMs;
		if (attempts >= policy.maxAttempts || waitedMs + waitMs > policy.maxTotalWaitMs) {
			return { response, stillThrottled: true, attempts, waitedMs };
		}
		waitedMs += waitMs;
		await wait(waitMs);
	}
}
