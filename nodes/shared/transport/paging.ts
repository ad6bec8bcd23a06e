import type { IDataObject } from 'n8n-workflow';

import { inputError } from '../inputError';
import { sendVendorRequest, type ApiContext, type RequestOptions } from './request';
import type { VendorApi, VendorResponse } from './vendorApi';

/**
 * What a page reads from: the decoded body, the response headers (a total may come in one) and
 * the envelope the body came in, if the vendor wraps its answers.
 */
export type PageResponse = Pick<VendorResponse, 'body' | 'headers' | 'envelope'>;

/** How one vendor pages a list: where the page goes in a request, and how a page reads. */
export interface PagingStyle {
	/** The largest page the vendor serves. */
	maxPageSize: number;
	/**
	 * The most records one search returns, however many match (Copper's 100,000). A Return All, or
	 * a Limit above it, over a search that matches more fails at once with a clear message instead
	 * of silently stopping at the cap.
	 */
	searchCap?: number;
	/** Returns the request for page `pageIndex` (counted from 0) of `pageSize` records. */
	requestPage(options: RequestOptions, pageIndex: number, pageSize: number): RequestOptions;
	/**
	 * Reads page `pageIndex` (counted from 0) of `pageSize` records: its records, and whether the
	 * vendor says more pages follow, from the body or from a header.
	 */
	readPage(response: PageResponse, pageSize: number, pageIndex: number): ListPage;
}

/** One page of a list, and what the vendor says about the rest. */
export interface ListPage {
	records: IDataObject[];
	hasMore: boolean;
	/** How many records match in all, when the vendor says. */
	total?: number;
}

/**
 * Fetches records page by page at the vendor's largest page size, or at `limit` when that is
 * smaller, and stops exactly at the end of the list or once `limit` records are in.
 */
export async function fetchPages(
	context: ApiContext,
	api: VendorApi,
	paging: PagingStyle,
	options: RequestOptions,
	limit?: number,
): Promise<IDataObject[]> {
	const pageSize = Math.min(paging.maxPageSize, limit ?? paging.maxPageSize);
	const records: IDataObject[] = [];
	for (let pageIndex = 0; ; pageIndex++) {
		const response = await sendVendorRequest(
			context,
			api,
			paging.requestPage(options, pageIndex, pageSize),
		);
		const page = paging.readPage(response, pageSize, pageIndex);
		if (pageIndex === 0) checkSearchCap(context, api, paging, page, limit);
		records.push(...page.records);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		if (!page.hasMore || page.records.length === 0) return records;
	}
}

/** Fails when the search matches more records than the vendor returns and the user wants them all. */
function checkSearchCap(
	context: ApiContext,
	api: VendorApi,
	paging: PagingStyle,
	page: ListPage,
	limit: number | undefined,
) {
	const cap = paging.searchCap;
	if (cap === undefined || page.total === undefined || page.total <= cap) return;
	if (limit !== undefined && limit <= cap) return;
	const count = (value: number) => value.toLocaleString('en-US');
	throw inputError(
		context,
		`This search matches ${count(page.total)} records, and ${api.displayName} returns only the first ${count(cap)}`,
		{
			description: `Narrow the search with filters or a date range (for example one month of created dates per run), or turn off Return All and set a Limit of at most ${count(cap)}.`,
		},
	);
}
