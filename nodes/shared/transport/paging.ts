import type { IDataObject } from 'n8n-workflow';

import { sendVendorRequest, type ApiContext, type RequestOptions } from './request';
import type { VendorApi, VendorResponse } from './vendorApi';

/** What a page reads from: the decoded body and the response headers (a total may come in one). */
export type PageResponse = Pick<VendorResponse, 'body' | 'headers'>;

/** How one vendor pages a list: where the page goes in a request, and how a page reads. */
export interface PagingStyle {
	/** The largest page the vendor serves. */
	maxPageSize: number;
	/** Returns the request for page `pageIndex` (counted from 0) of `pageSize` records. */
	requestPage(options: RequestOptions, pageIndex: number, pageSize: number): RequestOptions;
	/**
	 * Reads page `pageIndex` (counted from 0) of `pageSize` records: its records, and whether the
	 * vendor says more pages follow, from the body or from a header.
	 */
	readPage(
		response: PageResponse,
		pageSize: number,
		pageIndex: number,
	): { records: IDataObject[]; hasMore: boolean };
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
		records.push(...page.records);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		if (!page.hasMore || page.records.length === 0) return records;
	}
}
