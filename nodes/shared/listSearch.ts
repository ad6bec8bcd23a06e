import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { PagingStyle } from './transport/paging';
import { sendVendorRequest, type RequestOptions } from './transport/request';
import type { VendorApi } from './transport/vendorApi';

/** The most pages one search call reads while looking for records that match the typed text. */
const MAX_NARROWED_PAGES = 5;

/** One searchable record list of a resource locator: at least how a record is labelled. */
export interface RecordSearch {
	label: (record: IDataObject) => string;
	/**
	 * For lists the vendor cannot search by text: whether a record matches what the user typed.
	 * Each page is then narrowed to the matching records here.
	 */
	matches?: (record: IDataObject, filter: string) => boolean;
}

/** How a vendor serves its searchable record lists. */
export interface RecordSearchSource<Search extends RecordSearch> {
	api: VendorApi;
	/** Records per page of the list the user scrolls. */
	pageSize: number;
	/** The request for one page (counted from 1) of the records matching the typed text, if any. */
	requestPage: (
		context: ILoadOptionsFunctions,
		search: Search,
		filter: string | undefined,
		page: number,
		pageSize: number,
	) => Promise<RequestOptions>;
	/** Reads one page's records, and whether more pages follow. */
	readPage: PagingStyle['readPage'];
	/** The value the locator keeps for a record: its ID as text. */
	recordId: (record: IDataObject) => string;
}

/**
 * Builds listSearch methods over a vendor's search endpoints: the vendor searches server-side and
 * n8n asks for the next page as the user scrolls.
 */
export function recordSearches<Search extends RecordSearch>(source: RecordSearchSource<Search>) {
	return (search: Search) =>
		async function searchRecords(
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		): Promise<INodeListSearchResult> {
			const text = filter?.trim();
			const narrowing = Boolean(text && search.matches);
			let page = Number(paginationToken ?? 1);
			const results: INodeListSearchItems[] = [];
			for (let read = 0; ; read++, page++) {
				const request = await source.requestPage(this, search, filter, page, source.pageSize);
				const response = await sendVendorRequest(this, source.api, request);
				const { records, hasMore } = source.readPage(response, source.pageSize, page - 1);
				for (const record of records) {
					if (narrowing && !search.matches!(record, text!)) continue;
					results.push({ name: search.label(record), value: source.recordId(record) });
				}
				// Narrowed pages may hold no match: read on, a bounded number of pages per call, so
				// that the list the user sees is not empty while matches follow.
				const more = hasMore && records.length > 0;
				if (!more || !narrowing || results.length > 0 || read + 1 >= MAX_NARROWED_PAGES) {
					return { results, paginationToken: more ? String(page + 1) : undefined };
				}
			}
		};
}
