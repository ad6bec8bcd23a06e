import { transientFaultPolicy } from '../../../nodes/shared/transport/faults';
import { throttlingRetryPolicy } from '../../../nodes/shared/transport/throttling';
import type { VendorApi } from '../../../nodes/shared/transport/vendorApi';
import type { FaultKind, FaultyAnswer } from './faultInjection';

/**
 * What the transport must do with a fault on a request, as issue 11 and the transport's brief say,
 * written out independently of the transport: which requests are sent again, how often, and the
 * error a fault that does not clear ends in.
 */
export interface VendorFaultRules {
	/** The vendor's API: display name, throttle status and policy, search POSTs. */
	api: VendorApi;
	/** The path of the request that signs in for a token, if the credential signs in. */
	signIn?: RegExp;
	/** The message when the sign-in fails with `answer` after `attempts`. */
	signInMessage?: (answer: FaultyAnswer, attempts: number) => string;
	/** The vendor's message for a success that is not JSON (`body`), if it says more. */
	unreadableMessage?: (body: string) => string | undefined;
}

/** n8n's message for a request that got no answer in time (the attempts are in the description). */
const NO_ANSWER = 'The connection was aborted, perhaps the server is offline';

const isThrottling = (answer: FaultyAnswer, throttleStatus: number) =>
	answer !== 'no answer' && answer.status === throttleStatus;

/** Throttling and 503 say the vendor did not take the request on: any request may be sent again. */
const notTakenOn = (answer: FaultyAnswer, throttleStatus: number) =>
	answer !== 'no answer' && (answer.status === throttleStatus || answer.status === 503);

/** What a run with one faulty request must show. */
export interface Expected {
	/** Times the faulty request is sent. */
	attempts: number;
	/** Whether the run ends as the clean one did (else it stops with a NodeApiError). */
	cleared: boolean;
	/** The answer the run stops on. */
	last?: FaultyAnswer;
}

export function faultRules({ api, signIn, signInMessage, unreadableMessage }: VendorFaultRules) {
	/** Reads: GET, a sign-in, and the POSTs the vendor reads with (searches). */
	const isSignIn = (request: string) => signIn?.test(request.split(' ')[1]) ?? false;
	const isRead = (request: string) => {
		const [method, url] = request.split(' ');
		if (method === 'GET' || isSignIn(request)) return true;
		return method === 'POST' && (api.readsWith?.({ method, url }) ?? false);
	};
	/** Every request but a POST that is no read (a creation or a command) may be sent twice. */
	const repeatable = (request: string) => !request.startsWith('POST ') || isRead(request);

	/** Whether an answer is a fault for this request: an empty body is none after a deletion. */
	const isFault = (answer: FaultyAnswer, request: string) =>
		answer === 'no answer' ||
		answer.status !== 200 ||
		answer.body !== '' ||
		!request.startsWith('DELETE ');

	const expected = (kind: FaultKind, request: string, clears: boolean): Expected => {
		const policy = isThrottling(kind.answers[0], api.throttleStatus)
			? (api.throttlePolicy ?? throttlingRetryPolicy)
			: transientFaultPolicy;
		for (let attempt = 1; ; attempt++) {
			const answer = kind.answers[Math.min(attempt, kind.answers.length) - 1];
			if (clears && attempt > kind.answers.length) return { attempts: attempt, cleared: true };
			if (!isFault(answer, request)) return { attempts: attempt, cleared: true };
			const retried = repeatable(request) || notTakenOn(answer, api.throttleStatus);
			if (!retried || attempt === policy.maxAttempts)
				return { attempts: attempt, cleared: false, last: answer };
		}
	};

	/** The message of the NodeApiError a fault that did not clear leaves, after `attempts`. */
	const messageFor = (last: FaultyAnswer, request: string, attempts: number) => {
		if (isSignIn(request)) return signInMessage!(last, attempts);
		if (last === 'no answer') return NO_ANSWER;
		if (last.status === api.throttleStatus)
			return `${api.displayName} is still throttling requests after ${attempts} attempts`;
		if (last.status < 300)
			return (
				unreadableMessage?.(last.body) ??
				`${api.displayName} answered with something other than the JSON it should send`
			);
		// The vendor's own message from its error; a page from a proxy says only its status.
		return last.message ?? `${api.displayName} answered with HTTP ${last.status}`;
	};

	/** Whether a cleared fault is retried through on this request: each faulty answer, then the right one. */
	const retriedThrough = (kind: FaultKind, request: string) =>
		expected(kind, request, true).attempts === kind.answers.length + 1;

	return { expected, isFault, isSignIn, messageFor, retriedThrough };
}
