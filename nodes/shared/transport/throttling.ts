import type { IDataObject } from 'n8n-workflow';

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
