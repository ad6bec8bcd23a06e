import type { IDataObject } from 'n8n-workflow';

import { baseUrlOf } from '../shared/transport/baseUrl';
import { textFailure } from '../shared/transport/errorText';
import type { PagingStyle } from '../shared/transport/paging';
import type { ApiContext } from '../shared/transport/request';
import { exponentialBackoff } from '../shared/transport/throttling';
import { headerValue, type VendorApi, type VendorFailure } from '../shared/transport/vendorApi';

/** Copper explains a failure as `{ status, message }`. */
function copperFailure(body: unknown, statusCode: number): VendorFailure | undefined {
	if (statusCode < 400) return undefined;
	const generic = `Copper answered with HTTP ${statusCode}`;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { message } = body as IDataObject;
		return { message: typeof message === 'string' && message ? message : generic };
	}
	return textFailure(body, generic);
}

export const copperApi: VendorApi = {
	displayName: 'Copper',
	credentialType: 'copperCrmTasksApi',
	throttleStatus: 429,
	// Copper allows 180 requests a minute and says 429 without Retry-After: back off 1, 2, 4, 8,
	// 16 s (each jittered between half and whole), at most 60 s in all.
	throttlePolicy: {
		maxAttempts: 6,
		maxTotalWaitMs: 60_000,
		fallbackWaitMs: exponentialBackoff({ baseMs: 1_000, maxWaitMs: 16_000, jitter: 'equal' }),
	},
	// Copper searches with POST (/tasks/search, /users/search): reads, safe to send again.
	readsWith: ({ url }) => /\/search$/.test(url ?? ''),
	failureIn: copperFailure,
};

/**
 * Copper's searches take `page_number` (from 1) and `page_size` (at most 200) in the JSON body,
 * answer a bare array, and give the number of matches in `X-PW-TOTAL`. A search returns at most
 * its first 100,000 records.
 */
export const copperPaging: PagingStyle = {
	maxPageSize: 200,
	searchCap: 100_000,
	requestPage: (options, pageIndex, pageSize) => ({
		...options,
		body: { ...(options.body as IDataObject), page_number: pageIndex + 1, page_size: pageSize },
	}),
	readPage: ({ body, headers }, pageSize, pageIndex) => {
		const records = Array.isArray(body) ? (body as IDataObject[]) : [];
		const header = Number(headerValue(headers, 'x-pw-total'));
		const total = Number.isFinite(header) && header >= 0 ? header : undefined;
		const reachable = Math.min(total ?? Infinity, copperPaging.searchCap!);
		const hasMore = records.length === pageSize && (pageIndex + 1) * pageSize < reachable;
		return { records, hasMore, total };
	},
};

/** The API base URL from the credential, without a trailing slash. */
export const copperBaseUrl = async (context: ApiContext) => await baseUrlOf(context, copperApi);
