import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { fetchPages, type PagingStyle } from '../../nodes/shared/transport/paging';
import type { ApiContext } from '../../nodes/shared/transport/request';
import { fixedWait } from '../../nodes/shared/transport/throttling';
import { headerValue, type VendorApi } from '../../nodes/shared/transport/vendorApi';

/** A vendor like Copper: searches answer a bare array and tell the total in a header. */
const api: VendorApi = {
	displayName: 'Bare Array CRM',
	credentialType: 'bareArrayApi',
	throttleStatus: 429,
	throttlePolicy: { maxAttempts: 3, maxTotalWaitMs: 0, fallbackWaitMs: fixedWait(0) },
	failureIn: () => undefined,
};

/** Pages in the body from 1; the total comes in `X-PW-TOTAL`; the vendor serves at most `cap`. */
const bareArrayPaging = (cap = Infinity): PagingStyle => ({
	maxPageSize: 3,
	requestPage: (options, pageIndex, pageSize) => ({
		...options,
		body: { ...(options.body as IDataObject), page_number: pageIndex + 1, page_size: pageSize },
	}),
	readPage: ({ body, headers }, pageSize, pageIndex) => {
		const total = Math.min(Number(headerValue(headers, 'X-PW-TOTAL') ?? 0), cap);
		return {
			records: (body as IDataObject[]) ?? [],
			hasMore: (pageIndex + 1) * pageSize < total,
		};
	},
});

/** A context whose vendor holds `total` records and answers pages as the body asks. */
function vendorHolding(total: number) {
	const pagesAsked: number[] = [];
	const httpRequestWithAuthentication = jest.fn(
		async (_type: string, options: IHttpRequestOptions) => {
			const { page_number: page, page_size: size } = options.body as {
				page_number: number;
				page_size: number;
			};
			pagesAsked.push(page);
			const first = (page - 1) * size;
			const ids = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => ({
				id: first + i + 1,
			}));
			return { body: ids, statusCode: 200, headers: { 'x-pw-total': String(total) } };
		},
	);
	const context = {
		helpers: { httpRequestWithAuthentication },
		getNode: () => ({
			name: 'Test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
	} as unknown as ApiContext;
	return { context, pagesAsked };
}

const search = { method: 'POST' as const, url: '/tasks/search', body: { sort_by: 'name' } };
const ids = (records: IDataObject[]) => records.map((record) => record.id);

describe('paging on a total header', () => {
	it('stops exactly at the last page when the total fills it', async () => {
		const { context, pagesAsked } = vendorHolding(6);
		const records = await fetchPages(context, api, bareArrayPaging(), search);
		expect(ids(records)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(pagesAsked).toEqual([1, 2]);
	});

	it('stops exactly at a last page that is part full', async () => {
		const { context, pagesAsked } = vendorHolding(7);
		const records = await fetchPages(context, api, bareArrayPaging(), search);
		expect(ids(records)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(pagesAsked).toEqual([1, 2, 3]);
	});

	it('sends one request for an empty list', async () => {
		const { context, pagesAsked } = vendorHolding(0);
		expect(await fetchPages(context, api, bareArrayPaging(), search)).toEqual([]);
		expect(pagesAsked).toEqual([1]);
	});

	it('stops at the limit, asking for pages no larger than it', async () => {
		const { context, pagesAsked } = vendorHolding(100);
		const records = await fetchPages(context, api, bareArrayPaging(), search, 2);
		expect(ids(records)).toEqual([1, 2]);
		expect(pagesAsked).toEqual([1]);
	});

	it('stops at a limit that falls inside a page', async () => {
		const { context, pagesAsked } = vendorHolding(100);
		const records = await fetchPages(context, api, bareArrayPaging(), search, 5);
		expect(ids(records)).toEqual([1, 2, 3, 4, 5]);
		expect(pagesAsked).toEqual([1, 2]);
	});

	it("stops at the vendor's cap on records however large the total", async () => {
		const { context, pagesAsked } = vendorHolding(100);
		const records = await fetchPages(context, api, bareArrayPaging(9), search);
		expect(ids(records)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(pagesAsked).toEqual([1, 2, 3]);
	});

	it('keeps the request the caller built around the page', async () => {
		const { context } = vendorHolding(1);
		await fetchPages(context, api, bareArrayPaging(), search);
		const sent = (context.helpers.httpRequestWithAuthentication as jest.Mock).mock.calls[0][1];
		expect(sent).toMatchObject({
			method: 'POST',
			url: '/tasks/search',
			body: { sort_by: 'name', page_number: 1, page_size: 3 },
		});
	});
});
