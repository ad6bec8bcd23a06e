import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { waitOutThrottling } from '../transport/throttling';
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

/**
 * Signs in, for a credential's `preAuthentication`, and returns the issued token. Throttled answers
 * are waited out like any request's. A refusal throws with the vendor's own reason; neither the
 * sign-in details nor the request ever go into the error.
 */
export async function signIn(helpers: IHttpRequestHelper, how: SignIn): Promise<string> {
	type Answer = { statusCode: number; headers: IDataObject; body: unknown };
	const send = async (): Promise<Answer> => {
		let answer: Answer | undefined;
		let failure: unknown;
		try {
			answer = (await helpers.helpers.httpRequest({
				...how.request,
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as Answer;
		} catch (error) {
			failure = error;
		}
		if (answer) return answer;
		// No answer at all (network): keep the message, never the request that holds the password.
		const message = String((failure as Error | undefined)?.message ?? failure);
		throw new Error(`${how.vendor} could not be reached to sign in: ${message}`);
	};
	const { response, stillThrottled } = await waitOutThrottling(send, how.throttleStatus);
	const body = jsonObject(response.body);
	const token = how.tokenIn(body);
	if (response.statusCode < 400 && typeof token === 'string' && token !== '') return token;
	const reason = stillThrottled
		? `${how.vendor} is still throttling sign-ins; try again in a minute`
		: (how.reasonIn(body) ?? `HTTP ${response.statusCode}`);
	throw new Error(`${how.vendor} did not issue an access token: ${String(reason)}`);
}
