import type { IDataObject } from 'n8n-workflow';

import { baseUrlOf } from '../shared/transport/baseUrl';
import { errorExcerpt, textFailure } from '../shared/transport/errorText';
import type { PagingStyle } from '../shared/transport/paging';
import type { ApiContext } from '../shared/transport/request';
import type { VendorApi, VendorFailure } from '../shared/transport/vendorApi';

/**
 * ONLYOFFICE wraps every answer in `{count, startIndex, nextIndex, total, status, statusCode,
 * response}`; a failure has `status: 1` and `error: {message}`, whatever the HTTP status.
 */
function onlyofficeFailure(body: unknown, statusCode: number): VendorFailure | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const envelope = body as IDataObject;
		if (statusCode < 400 && envelope.status !== 1) return undefined;
		const error = (envelope.error ?? {}) as IDataObject;
		const message = typeof error.message === 'string' && error.message ? error.message : '';
		return { message: message || `ONLYOFFICE answered with HTTP ${statusCode}` };
	}
	if (statusCode >= 400) return textFailure(body, `ONLYOFFICE answered with HTTP ${statusCode}`);
	// ONLYOFFICE answers XML unless asked for JSON: an answer that is text, not the envelope, means
	// the Accept header the node sends did not reach it. Reading on would output the text as an item,
	// or no records at all for a list.
	if (typeof body === 'string' && body.trim() !== '') {
		return {
			message: 'ONLYOFFICE answered with something other than JSON',
			description: `The node asks for JSON (Accept: application/json); a proxy between n8n and the portal may drop that header. The answer began: ${errorExcerpt(body, 80)}`,
		};
	}
	return undefined;
}

export const onlyofficeApi: VendorApi = {
	displayName: 'ONLYOFFICE',
	credentialType: 'onlyofficeWorkspaceApi',
	// ONLYOFFICE allows 500 requests in 10 s and answers 503 with Retry-After beyond.
	throttleStatus: 503,
	renewsTokens: true,
	failureIn: onlyofficeFailure,
	unwrap: (body) =>
		body && typeof body === 'object' && 'response' in body ? (body as IDataObject).response : body,
};

/**
 * Lists page with `startIndex` (from 0) and `count` in the query; the envelope tells the total
 * and, after a full page, the `nextIndex`.
 */
export const onlyofficePaging: PagingStyle = {
	maxPageSize: 500,
	requestPage: (options, pageIndex, pageSize) => ({
		...options,
		qs: { ...options.qs, startIndex: pageIndex * pageSize, count: pageSize },
	}),
	readPage: ({ body, envelope }, pageSize, pageIndex) => {
		const records = Array.isArray(body) ? (body as IDataObject[]) : [];
		const total = typeof envelope?.total === 'number' ? envelope.total : undefined;
		const read = pageIndex * pageSize + records.length;
		const hasMore =
			records.length === pageSize &&
			envelope?.nextIndex !== undefined &&
			(total === undefined || read < total);
		return { records, hasMore, total };
	},
};

/** A portal's API base URL: its `/api/2.0`. */
export const apiUrlOf = (portalUrl: string) => `${portalUrl}/api/2.0`;

/** The API base URL of the credential's portal. */
export const onlyofficeBaseUrl = async (context: ApiContext) =>
	apiUrlOf(await baseUrlOf(context, onlyofficeApi, 'portalUrl'));
