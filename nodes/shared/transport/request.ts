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
import { NodeApiError, sleep } from 'n8n-workflow';

import { retryAfterMs, throttlingRetryPolicy, type RetryPolicy } from './throttling';
import type { VendorApi, VendorResponse } from './vendorApi';

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
 * - Throttling answers are waited out as the vendor's Retry-After says, within `policy`.
 * - Error statuses, and failures the vendor reports in a 2xx body, become a NodeApiError carrying
 *   the vendor's own message. The request, and so the credential, never goes into the error.
 */
async function sendVendorRequest<T = unknown>(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
	policy: RetryPolicy = throttlingRetryPolicy,
): Promise<VendorResponse<T>> {
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const response = await sendOnce(context, api, options);
		if (response.statusCode === api.throttleStatus) {
			const waitMs = retryAfterMs(response.headers) ?? policy.fallbackWaitMs;
			if (attempt >= policy.maxAttempts || waitedMs + waitMs > policy.maxTotalWaitMs) {
				throw apiError(context, api, response, {
					message: `${api.displayName} is still throttling requests after ${attempt} attempts`,
					description: `Waited ${Math.round(waitedMs / 1000)} s in all. Space the requests out, for example with the node's batching options, and try again.`,
				});
			}
			waitedMs += waitMs;
			await sleep(waitMs);
			continue;
		}
		const failure = api.failureIn(response.body, response.statusCode);
		if (response.statusCode >= 400 || failure) {
			throw apiError(context, api, response, failure);
		}
		return response as VendorResponse<T>;
	}
}

/** Like sendVendorRequest, for callers that only need the body. */
export async function vendorRequest<T = unknown>(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
): Promise<T> {
	return (await sendVendorRequest<T>(context, api, options)).body;
}

async function sendOnce(
	context: ApiContext,
	api: VendorApi,
	options: RequestOptions,
): Promise<VendorResponse> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			api.credentialType,
			{
				json: true,
				...options,
				url: options.url ?? '',
				skipSslCertificateValidation: options.skipSslCertificateValidation === true,
				returnFullResponse: true,
				// 401 still throws, so that n8n renews expiring tokens and retries once by itself.
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
			} as IHttpRequestOptions,
		)) as IN8nHttpFullResponse;
		return {
			body: response.body,
			statusCode: response.statusCode,
			headers: (response.headers ?? {}) as IDataObject,
		};
	} catch (error) {
		throw rejectedRequestError(context, api, error as IDataObject);
	}
}

/** Rebuilds a rejected request's error from its status and body alone, leaving the request out. */
function rejectedRequestError(context: ApiContext, api: VendorApi, error: IDataObject) {
	const cause = (error.cause ?? error) as IDataObject;
	const response = (cause.response ?? {}) as IDataObject;
	const statusCode = Number(response.status ?? (error as { httpCode?: string }).httpCode ?? 0);
	if (!statusCode) {
		// No answer at all (network, or the credential could not sign in): n8n's message says why.
		const message = String(error.message ?? `The request to ${api.displayName} failed`);
		return new NodeApiError(context.getNode(), { message }, { message });
	}
	const body = response.data;
	return apiError(
		context,
		api,
		{ statusCode, body, headers: {} },
		api.failureIn(body, statusCode) ?? {
			message:
				statusCode === 401
					? `${api.displayName} rejected the credentials`
					: `${api.displayName} answered with HTTP ${statusCode}`,
			description: statusCode === 401 ? 'Check the credential and try again.' : undefined,
		},
	);
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
