import type { IDataObject } from 'n8n-workflow';

import type { RetryPolicy } from './throttling';

/** A failure the vendor reports in a response body, whatever the HTTP status said. */
export interface VendorFailure {
	message: string;
	description?: string;
}

/** What the shared transport needs to know about one vendor's API. */
export interface VendorApi {
	/** The vendor's name as users know it, used in error messages. */
	displayName: string;
	/** The n8n credential type that authenticates requests. */
	credentialType: string;
	/** The HTTP status the vendor answers when it throttles a client. */
	throttleStatus: number;
	/**
	 * Whether the credential signs in for a token that n8n renews on a 401 (its preAuthentication):
	 * only then is a request refused with 401 sent again, in the form on which n8n renews.
	 */
	renewsTokens?: boolean;
	/** How throttled requests are retried; the shared throttlingRetryPolicy when not given. */
	throttlePolicy?: RetryPolicy;
	/**
	 * Whether a POST only reads (a search), and so may be sent again after a fault; every other
	 * POST creates or runs something and is never sent twice.
	 */
	readsWith?(options: { method?: string; url?: string }): boolean;
	/** Finds the vendor's own explanation of a failure in a response body, if there is one. */
	failureIn(body: unknown, statusCode: number): VendorFailure | undefined;
	/**
	 * For vendors that wrap every answer in an envelope (ONLYOFFICE's `{count, startIndex,
	 * nextIndex, total, status, statusCode, response}`): the answer inside it. Every operation gets
	 * the unwrapped body; the envelope stays on the response for paging.
	 */
	unwrap?(body: unknown): unknown;
}

/** A response as the transport hands it on: the decoded body with its status and headers. */
export interface VendorResponse<T = unknown> {
	body: T;
	statusCode: number;
	headers: IDataObject;
	/** The envelope the body came in, for vendors that wrap answers (see VendorApi.unwrap). */
	envelope?: IDataObject;
}

/** A header's value, whatever the case of its name, or undefined when it is not there. */
export function headerValue(headers: IDataObject, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const header = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted);
	if (header === undefined || header[1] === undefined || header[1] === null) return undefined;
	return String(header[1]);
}
