import type { IDataObject } from 'n8n-workflow';

import { baseUrlOf } from '../shared/transport/baseUrl';
import { textFailure } from '../shared/transport/errorText';
import type { PagingStyle } from '../shared/transport/paging';
import type { ApiContext } from '../shared/transport/request';
import { throttlingRetryPolicy } from '../shared/transport/throttling';
import type { VendorApi, VendorFailure } from '../shared/transport/vendorApi';

interface NexudusFieldError {
	PropertyName?: string;
	Message?: string;
}

/**
 * Nexudus explains failures in `Message` and `Errors[]`, and may do so with HTTP 200 and
 * `WasSuccessful: false`, which is a failure all the same.
 */
function nexudusFailure(body: unknown, statusCode: number): VendorFailure | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const envelope = body as IDataObject;
		if (statusCode < 400 && envelope.WasSuccessful !== false) return undefined;
		const errors = ((envelope.Errors as NexudusFieldError[] | null) ?? []).map((error) =>
			error.PropertyName ? `${error.PropertyName}: ${error.Message ?? ''}`.trim() : error.Message,
		);
		return {
			message: String(
				envelope.Message ?? envelope.error ?? `Nexudus answered with HTTP ${statusCode}`,
			),
			description: errors.length ? errors.join('; ') : undefined,
		};
	}
	// A short text answer (Nexudus' own "Not found") is the message; a page is only excerpted.
	return statusCode < 400
		? undefined
		: textFailure(body, `Nexudus answered with HTTP ${statusCode}`);
}

export const nexudusApi: VendorApi = {
	displayName: 'Nexudus',
	credentialType: 'nexudusSpacesApi',
	throttleStatus: 409,
	renewsTokens: true,
	// Nexudus sends Retry-After with its 409s; the shared fixed wait covers an answer without one.
	throttlePolicy: throttlingRetryPolicy,
	failureIn: nexudusFailure,
};

/** Search endpoints page with `page` (from 1) and `size` (at most 1000) in the query. */
export const nexudusPaging: PagingStyle = {
	maxPageSize: 1000,
	requestPage: (options, pageIndex, pageSize) => ({
		...options,
		qs: { ...options.qs, page: pageIndex + 1, size: pageSize },
	}),
	readPage: ({ body }) => {
		const page = (body ?? {}) as IDataObject;
		return {
			records: (page.Records as IDataObject[] | undefined) ?? [],
			hasMore: page.HasNextPage === true,
		};
	},
};

/** The API base URL from the credential, without a trailing slash. */
export const nexudusBaseUrl = async (context: ApiContext) => await baseUrlOf(context, nexudusApi);
