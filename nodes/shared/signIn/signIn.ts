import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { sendWithRetries, transientFaultPolicy, UNREACHABLE_AT_SIGN_IN } from '../transport/faults';
import { jsonObject } from './jsonObject';

/** How one vendor issues a token. */
export interface SignIn {
	/** The vendor's name, as errors show it. */
	vendor: string;
	/** The sign-in request; it is sent as is, its answer read whatever its status. */
	request: IHttpRequestOptions;
	/** The HTTP status with which the vendor throttles (waited out as Retry-After says). */
	throttleStatus: number;
	/** The token in the vendor's answer, if it holds one. */
	tokenIn: (body: IDataObject) => unknown;
	/** The vendor's own reason for refusing, if its answer gives one. */
	reasonIn: (body: IDataObject) => unknown;
}

/** A sign-in answer, its body read as JSON where it is JSON. */
type Answer = { statusCode: number; headers: IDataObject; body: unknown };

function parsed(answer: Answer): Answer {
	if (typeof answer.body !== 'string') return answer;
	try {
		return { ...answer, body: JSON.parse(answer.body) as unknown };
	} catch {
		return answer;
	}
}

/**
 * Signs in, for a credential's `preAuthentication`, and returns the issued token. Throttling and
 * transient faults are retried like any request's (a sign-in is safe to repeat). A refusal throws
 * with the vendor's own reason; neither the sign-in details nor the request ever go into the error.
 */
export async function signIn(helpers: IHttpRequestHelper, how: SignIn): Promise<string> {
	const send = async (): Promise<Answer> =>
		parsed(
			(await helpers.helpers.httpRequest({
				timeout: transientFaultPolicy.timeoutMs,
				...how.request,
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as Answer,
		);
	const outcome = await sendWithRetries(send, {
		throttleStatus: how.throttleStatus,
		repeatable: true,
		expectsBody: true,
	});
	const { response, fault } = outcome;
	if (!response) {
		// No answer at all (network): keep the message, never the request that holds the password.
		const error = outcome.error as Error | undefined;
		throw new Error(`${how.vendor} ${UNREACHABLE_AT_SIGN_IN}: ${error?.message ?? 'no answer'}`);
	}
	const body = jsonObject(response.body);
	const token = how.tokenIn(body);
	if (!fault && response.statusCode < 400 && typeof token === 'string' && token !== '')
		return token;
	// An empty reason (an empty answer) says nothing: the status does.
	const refusal = String(how.reasonIn(body) || `HTTP ${response.statusCode}`);
	const reason =
		fault === 'throttled'
			? `${how.vendor} is still throttling sign-ins; try again in a minute`
			: fault
				? `${refusal} (${outcome.attempts} attempts)`
				: refusal;
	throw new Error(`${how.vendor} did not issue an access token: ${reason}`);
}
