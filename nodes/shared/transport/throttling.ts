import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './vendorApi';

/** How long and how often a throttled request is retried before the error reaches the user. */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** The most time spent waiting across all retries of one request. */
	maxTotalWaitMs: number;
	/**
	 * The wait before retry `retry` (1 for the first retry) when the vendor sends no usable
	 * Retry-After header.
	 */
	fallbackWaitMs: (retry: number) => number;
}

/** Waits the same time before every retry. */
export function fixedWait(ms: number): RetryPolicy['fallbackWaitMs'] {
	return () => ms;
}

/** How exponential backoff grows, and how it is spread out. */
export interface BackoffOptions {
	/** The wait before the first retry, before jitter; it doubles for each retry after that. */
	baseMs: number;
	/** The longest single wait, before jitter. */
	maxWaitMs: number;
	/**
	 * `full`: anywhere from 0 to the backoff; `equal`: half the backoff plus up to the other half.
	 * Either way clients throttled at the same moment do not all come back at the same moment.
	 */
	jitter: 'full' | 'equal';
	/** A number in [0, 1); Math.random unless a test needs the waits to be known. */
	random?: () => number;
}

/** Exponential backoff with jitter: base, 2 × base, 4 × base … up to maxWaitMs, then jittered. */
export function exponentialBackoff({
	baseMs,
	maxWaitMs,
	jitter,
	random = Math.random,
}: BackoffOptions): RetryPolicy['fallbackWaitMs'] {
	return (retry) => {
		const backoff = Math.min(maxWaitMs, baseMs * 2 ** Math.max(0, retry - 1));
		const floor = jitter === 'equal' ? backoff / 2 : 0;
		return Math.round(floor + (backoff - floor) * random());
	};
}

/** Retry-After when the vendor sends it, else a fixed 2 s, within 5 attempts and 60 s. */
export const throttlingRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	fallbackWaitMs: fixedWait(2_000),
};

/**
 * Reads Retry-After, which is either a number of seconds or an HTTP date, as milliseconds to wait.
 * Returns undefined when the header is missing or unreadable.
 */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const value = headerValue(headers, 'retry-after')?.trim() ?? '';
	if (value === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
