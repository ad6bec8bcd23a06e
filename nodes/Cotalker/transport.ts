import type { IDataObject } from 'n8n-workflow';

import type { OperationExecutor } from '../shared/executor';
import { insideData, recordsInEnvelope } from '../shared/transport/dataEnvelope';
import { textFailure } from '../shared/transport/errorText';
import type { PagingStyle } from '../shared/transport/paging';
import type { ApiContext } from '../shared/transport/request';
import type { VendorApi, VendorFailure } from '../shared/transport/vendorApi';

/**
 * Cotalker documents no error body; it answers `{statusCode, error, message}` like the web
 * framework it runs on, and the SDK looks only at the status. A 403 most often means the request
 * lacked the Admin header.
 */
function cotalkerFailure(body: unknown, statusCode: number): VendorFailure | undefined {
	if (statusCode < 400) return undefined;
	const generic = `Cotalker answered with HTTP ${statusCode}`;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { message, error } = body as IDataObject;
		const text = [message, error].find((value) => typeof value === 'string' && value !== '');
		const failure: VendorFailure = { message: (text as string | undefined) ?? generic };
		if (statusCode === 403) {
			failure.description =
				'Cotalker refuses this without administrator access: turn on Admin Access in the credential, and give the API token the access roles it needs.';
		}
		return failure;
	}
	return textFailure(body, generic);
}

export const cotalkerApi: VendorApi = {
	displayName: 'Cotalker',
	credentialType: 'cotalkerApi',
	// The official SDK retries 429 after Retry-After; the shared policy does the same.
	throttleStatus: 429,
	failureIn: cotalkerFailure,
	unwrap: insideData,
};

/** How one Cotalker list pages: where its records are, and whether it tells a total. */
interface CotalkerList {
	/** The key of the records in `data`, where documented; else the one list found there. */
	arrayKey?: string;
	/** Whether the list takes `count=true` for a total (v2); v1 lists document none. */
	counts?: boolean;
}

/**
 * Cotalker's lists page with `page` (from 1) and `limit` (at most 100, as the SDK uses) in the
 * query, and answer `{data: {<plural>: [...], count}}` (v2, with the total when `count=true`) or a
 * bare array (v1).
 */
export const cotalkerPaging = (list: CotalkerList | string = {}): PagingStyle => {
	const { arrayKey, counts = true } = typeof list === 'string' ? { arrayKey: list } : list;
	return {
		maxPageSize: 100,
		requestPage: (options, pageIndex, pageSize) => ({
			...options,
			qs: {
				...options.qs,
				limit: pageSize,
				page: pageIndex + 1,
				...(counts ? { count: true } : {}),
			},
		}),
		readPage: ({ body, envelope }, pageSize, pageIndex) => {
			const inside = recordsInEnvelope(body, arrayKey);
			const { records } = inside;
			// The docs call the total `counter`, beside `data`; the SDK reads `data.count`.
			const count =
				inside.count ?? (typeof envelope?.counter === 'number' ? envelope.counter : undefined);
			const read = pageIndex * pageSize + records.length;
			const hasMore = records.length === pageSize && (count === undefined || read < count);
			return { records, hasMore, total: count };
		},
	};
};

/** Where each Cotalker environment is; a custom one gives its own address. */
export const ENVIRONMENTS: Record<string, string> = {
	production: 'https://www.cotalker.com',
	demo: 'https://demo.cotalker.com',
};

/** The address of the credential's Cotalker environment, without a trailing slash. */
export async function cotalkerBaseUrl(context: ApiContext): Promise<string> {
	const credentials = await context.getCredentials(cotalkerApi.credentialType);
	const environment = String(credentials.environment ?? 'production');
	return (ENVIRONMENTS[environment] ?? String(credentials.baseUrl ?? ''))
		.trim()
		.replace(/\/+$/, '');
}

/** The same address as an n8n expression on the credential, for requestDefaults and the credential test. */
export const BASE_URL_EXPRESSION =
	'={{ $credentials.environment === "custom" ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : $credentials.environment === "demo" ? "https://demo.cotalker.com" : "https://www.cotalker.com" }}';

/** The header Cotalker requires on every write and on some reads. */
export const ADMIN_HEADER = { Admin: 'true' };

/**
 * An executor whose request always carries the Admin header, for the endpoints that require it
 * (writes, and reads such as a task group by ID), whatever the credential's Admin Access says.
 */
export const asAdmin = (executor: OperationExecutor): OperationExecutor =>
	async function sendAsAdmin(requestData) {
		const { options } = requestData;
		return await executor.call(this, {
			...requestData,
			options: { ...options, headers: { ...options.headers, ...ADMIN_HEADER } },
		});
	};
