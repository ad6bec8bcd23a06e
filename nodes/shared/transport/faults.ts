import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	exponentialBackoff,
	retryAfterMs,
	throttlingRetryPolicy,
	type RetryPolicy,
} from './throttling';

/**
 * Why an attempt is worth another one:
 * - `throttled`: the vendor's throttling status;
 * - `unavailable`: 503, the server did not take the request on;
 * - `server error`: 500, 502 or 504, the server or a gateway failed on the way;
 * - `no answer`: the connection failed or the request timed out;
 * - `unreadable`: a success whose body is not the JSON it should be (an HTML page from a proxy,
 *   malformed JSON, or nothing at all where a read expects a body).
 */
export type Fault = 'throttled' | 'unavailable' | 'server error' | 'no answer' | 'unreadable';

/** How transient faults other than throttling are retried, and how long one attempt may take. */
export interface TransientFaultPolicy extends RetryPolicy {
	/** How long one attempt may wait for the vendor's answer. */
	timeoutMs: number;
}

/**
 * 4 attempts, backing off 1, 2 and 4 s (each jittered between half and whole), at most 30 s of
 * waiting, and a minute for each answer.
 */
export const transientFaultPolicy: TransientFaultPolicy = {
	maxAttempts: 4,
	maxTotalWaitMs: 30_000,
	fallbackWaitMs: exponentialBackoff({ baseMs: 1_000, maxWaitMs: 8_000, jitter: 'equal' }),
	timeoutMs: 60_000,
};

/** The one place the transport waits between attempts (tests record the waits instead). */
export const pauses = {
	wait: async (ms: number): Promise<void> => await sleep(ms),
};

/** An answer as far as retrying is concerned. */
export interface Answer {
	statusCode: number;
	headers: IDataObject;
	body?: unknown;
}

/** How one request may be retried. */
export interface RetryRules {
	throttleStatus: number;
	throttlePolicy?: RetryPolicy;
	/**
	 * Whether sending the request twice does no harm (reads, and writes that set values). Only such
	 * requests are sent again after a fault that may have reached the vendor; throttling and 503
	 * say the vendor did not take the request on, so every request is sent again after those.
	 */
	repeatable: boolean;
	/** Whether a success must carry a body (an answer the node reads): an empty one is then a fault. */
	expectsBody: boolean;
	/** The answer a thrown error carries, if any (an HTTP client that throws on some statuses). */
	answerIn?: (error: unknown) => Answer | undefined;
}

/** How retrying a request ended. */
export interface RetryOutcome<R> {
	/** The last answer; missing when the last attempt got none. */
	response?: R;
	/** Why the last attempt got no answer. */
	error?: unknown;
	/** The fault of the last attempt, when it still had one. */
	fault?: Fault;
	attempts: number;
	waitedMs: number;
}

const SERVER_ERRORS = new Set([500, 502, 504]);

/** Error codes of a connection that failed or timed out, as Node and axios report them. */
const CONNECTION_FAILURES = new Set([
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * How an error names a dropped or timed-out connection when its code is gone: Node's and axios'
 * words, and n8n 1.x's, which replaces the error with its own message for the code.
 */
const CONNECTION_FAILURE_WORDS = [
	/timeout of \d+ms exceeded/i,
	/socket hang up/i,
	/connection to the server was closed unexpectedly/i,
	/connection was aborted/i,
	/connection timed out/i,
];

/**
 * The start of the error a sign-in throws when the vendor cannot be reached: the sign-in has
 * retried already (it runs through sendWithRetries), so the request around it does not again.
 */
export const UNREACHABLE_AT_SIGN_IN = 'could not be reached to sign in';

/** Every message an error carries: its own, n8n's list of messages, and its causes'. */
function messagesIn(error: unknown): string[] {
	const messages: string[] = [];
	for (let link = error as IDataObject | undefined; link; link = link.cause as IDataObject) {
		messages.push(String(link.message ?? ''), ...((link.messages as string[] | undefined) ?? []));
		if (link.cause === link) break;
	}
	return messages;
}

/** Whether an attempt that got no answer failed on the way (and not, say, while signing in). */
function isConnectionFailure(error: unknown): boolean {
	const messages = messagesIn(error);
	if (messages.some((message) => message.includes(UNREACHABLE_AT_SIGN_IN))) return false;
	for (let link = error as IDataObject | undefined; link; link = link.cause as IDataObject) {
		if (CONNECTION_FAILURES.has(String(link.code))) return true;
		if (link.cause === link) break;
	}
	return messages.some((message) => CONNECTION_FAILURE_WORDS.some((words) => words.test(message)));
}

/** The fault of one attempt, if it had one. */
export function faultOf(
	response: Answer | undefined,
	rules: RetryRules,
	error?: unknown,
): Fault | undefined {
	if (!response) return isConnectionFailure(error) ? 'no answer' : undefined;
	const { statusCode, body } = response;
	if (statusCode === rules.throttleStatus) return 'throttled';
	if (statusCode === 503) return 'unavailable';
	if (SERVER_ERRORS.has(statusCode)) return 'server error';
	if (statusCode >= 300) return undefined;
	if (typeof body === 'string' && body.trim() !== '') return 'unreadable';
	if (rules.expectsBody && (body === undefined || body === null || body === ''))
		return 'unreadable';
	return undefined;
}

const MAY_NOT_HAVE_REACHED: ReadonlySet<Fault> = new Set<Fault>(['throttled', 'unavailable']);

/**
 * Sends until an attempt has no fault, or its fault may not be retried (see RetryRules.repeatable),
 * or the policy of that fault runs out: the vendor's throttle policy for throttling, otherwise
 * transientFaultPolicy. Each wait is the answer's Retry-After when it has one, else the policy's
 * backoff for that retry.
 */
export async function sendWithRetries<R extends Answer>(
	send: () => Promise<R>,
	rules: RetryRules,
): Promise<RetryOutcome<R>> {
	let waitedMs = 0;
	for (let attempts = 1; ; attempts++) {
		let response: R | undefined;
		let error: unknown;
		try {
			response = await send();
		} catch (failure) {
			response = rules.answerIn?.(failure) as R | undefined;
			if (!response) error = failure;
		}
		const fault = faultOf(response, rules, error);
		const outcome = { response, error, fault, attempts, waitedMs };
		if (!fault) return outcome;
		if (!rules.repeatable && !MAY_NOT_HAVE_REACHED.has(fault)) return outcome;
		const policy: RetryPolicy =
			fault === 'throttled'
				? (rules.throttlePolicy ?? throttlingRetryPolicy)
				: transientFaultPolicy;
		const waitMs = (response && retryAfterMs(response.headers)) ?? policy.fallbackWaitMs(attempts);
		if (attempts >= policy.maxAttempts || waitedMs + waitMs > policy.maxTotalWaitMs) return outcome;
		waitedMs += waitMs;
		await pauses.wait(waitMs);
	}
}
