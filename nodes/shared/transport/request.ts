import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { sendWithRetries, transientFaultPolicy, type RetryOutcome } from './faults';
import type { VendorApi, VendorFailure, VendorResponse } from './vendorApi';

/** Every n8n context a node or trigger of this package sends requests from. */
export type ApiContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

/** A request as the routing engine builds it: the URL may still be relative to baseURL. */
export type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/**
 * Sends one authenticated request to a vendor and returns its decoded response.
 * - Throttling is waited out as the vendor's Retry-After says, or else as its throttle policy says;
 *   other transient faults (5xx, no answer, an unreadable body) are retried with backoff, each
 *   within its bound (transport/faults.ts). Faults that may have reached the vendor are retried
 *   only for requests that are safe to send twice.
 * - Error statuses, and failures the vendor reports in a 2xx body, become a NodeApiError carrying
 *   the vendor's own message. The request, and so the credential, never goes into the error.
 */
export async function sendVendorRequest<T = unknown>(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
): Promise<VendorResponse<T>> {
	// The routing engine asks for n8n's 5 minutes; an attempt gets the fault policy's time at most.
	const timeout = Math.min(options.timeout ?? Infinity, transientFaultPolicy.timeoutMs);
	const timed = { ...options, timeout };
	const outcome = await sendWithRetries(async () => await sendOnce(context, api, timed), {
		throttleStatus: api.throttleStatus,
		throttlePolicy: api.throttlePolicy,
		repeatable: isRepeatable(api, options),
		expectsBody: expectsBody(options),
		answerIn,
	});
	const { response, fault } = outcome;
	if (!response) throw unanswered(context, api, outcome);
	if (fault === 'throttled') {
		throw apiError(context, api, response, {
			message: `${api.displayName} is still throttling requests after ${attemptsIn(outcome)}`,
			description: `Waited ${Math.round(outcome.waitedMs / 1000)} s in all. Space the requests out, for example with the node's batching options, and try again.`,
		});
	}
	if (fault === 'unreadable') {
		const failure = api.failureIn(response.body, response.statusCode) ?? unreadable(api, options);
		throw apiError(context, api, response, failure);
	}
	const failure = api.failureIn(response.body, response.statusCode);
	if (response.statusCode >= 400 || failure) {
		throw apiError(context, api, response, failure ?? rejectedCredentials(api, response));
	}
	if (!api.unwrap) return response as VendorResponse<T>;
	const envelope = (response.body ?? {}) as IDataObject;
	return { ...response, body: api.unwrap(envelope) as T, envelope };
}

const methodOf = (options: RequestOptions) => (options.method ?? 'GET').toUpperCase();

/** Reads: GET, and the POSTs a vendor reads with (searches). */
const isRead = (api: VendorApi, options: RequestOptions) =>
	methodOf(options) === 'GET' || (api.readsWith?.(options) ?? false);

/**
 * Every answer is read but a deletion's: a creation, an update and a command answer with the record
 * or result the node outputs, and an empty one would go on as if it were that record.
 */
const expectsBody = (options: RequestOptions) => methodOf(options) !== 'DELETE';

/** Every request but a POST that is no read (a creation or a command) may be sent twice. */
const isRepeatable = (api: VendorApi, options: RequestOptions) =>
	methodOf(options) !== 'POST' || isRead(api, options);

const attemptsIn = ({ attempts }: { attempts: number }) =>
	`${attempts} attempt${attempts === 1 ? '' : 's'}`;

/** The error for a request that got no answer: n8n's own message says why. */
function unanswered(context: ApiContext, api: VendorApi, outcome: RetryOutcome<VendorResponse>) {
	const message = String(
		(outcome.error as IDataObject | undefined)?.message ??
			`The request to ${api.displayName} failed`,
	);
	const description =
		outcome.fault === 'no answer'
			? `${api.displayName} did not answer after ${attemptsIn(outcome)} (waited ${Math.round(outcome.waitedMs / 1000)} s between them). Try again later.`
			: undefined;
	return new NodeApiError(context.getNode(), { message }, { message, description });
}

/** A success whose body is not JSON: an HTML page from a proxy, malformed JSON, or nothing. */
function unreadable(api: VendorApi, options: RequestOptions): VendorFailure {
	return {
		message: `${api.displayName} answered with something other than the JSON it should send`,
		description: isRepeatable(api, options)
			? 'The answer stayed unreadable over several attempts: the service or a proxy in front of it may be down. Try again later.'
			: `The change may have been made: check in ${api.displayName} before trying again.`,
	};
}

/** Like sendVendorRequest, for callers that only need the body. */
export async function vendorRequest<T = unknown>(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
): Promise<T> {
	return (await sendVendorRequest<T>(context, api, options)).body;
}

/**
 * Sends once, with every status coming back as an answer. n8n renews an expiring token (and repeats
 * the request) only for a request that throws on 401, and n8n 1.x reads the `{ ignore, except }`
 * form of ignoreHttpStatusErrors as "ignore all". So a 401 is sent again in the form that throws,
 * which lets n8n renew the token on every line it runs on.
 */
async function sendOnce(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
): Promise<VendorResponse> {
	const response = await send(context, api, options, true);
	return response.statusCode === 401 && api.renewsTokens
		? await send(context, api, options, false)
		: response;
}

async function send(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
	ignoreHttpStatusErrors: boolean,
): Promise<VendorResponse> {
	const response = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		api.credentialType,
		{
			json: true,
			...options,
			url: options.url ?? '',
			skipSslCertificateValidation: options.skipSslCertificateValidation === true,
			returnFullResponse: true,
			ignoreHttpStatusErrors,
		} as IHttpRequestOptions,
	)) as IN8nHttpFullResponse;
	return {
		body: response.body,
		statusCode: response.statusCode,
		headers: (response.headers ?? {}) as IDataObject,
	};
}

/**
 * The vendor's answer inside a request error (n8n throws for a status when told to, and to renew a
 * token), rebuilt from status, body and headers alone. n8n 2.x
 * keeps the HTTP response as the error's cause; n8n 1.x keeps only its body, in the error's context.
 */
function answerIn(thrown: unknown): VendorResponse | undefined {
	const error = (thrown ?? {}) as IDataObject;
	const cause = (error.cause ?? error) as IDataObject;
	const response = (cause.response ?? {}) as IDataObject;
	const statusCode = Number(response.status ?? error.httpCode ?? 0);
	if (!statusCode) return undefined;
	const context = (error.context ?? {}) as IDataObject;
	return {
		statusCode,
		body: response.data ?? context.data,
		headers: (response.headers ?? {}) as IDataObject,
	};
}

function rejectedCredentials(api: VendorApi, response: VendorResponse): VendorFailure | undefined {
	if (response.statusCode !== 401) return undefined;
	return {
		message: `${api.displayName} rejected the credentials`,
		description: 'Check the credential and try again.',
	};
}

function apiError(
	context: ApiContext,
	api: VendorApi,
	response: VendorResponse,
	failure = api.failureIn(response.body, response.statusCode),
) {
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : undefined;
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(response.statusCode), body: response.body } as JsonObject,
		{
			message: failure?.message ?? `${api.displayName} answered with HTTP ${response.statusCode}`,
			description: failure?.description,
			httpCode: String(response.statusCode),
			itemIndex,
		},
	);
}
