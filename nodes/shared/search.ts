import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationExecutor } from './executor';
import type { RecordField } from './fields';
import { readRecordFields } from './fieldValues';
import { inputError } from './inputError';
import { fetchRecordPagesFrom } from './listPaging';
import type { PagingStyle } from './transport/paging';
import type { VendorApi } from './transport/vendorApi';

/** A vendor's search: where its parameters go, and how it pages. */
export interface SearchEndpoint {
	api: VendorApi;
	paging: PagingStyle;
	/** Copper reads searches from a JSON body, ONLYOFFICE from the query string. */
	place: 'body' | 'qs';
}

/**
 * The executor of a search operation: `read` turns the item's filters, bounds and sort into the
 * search's parameters (checking them first), then every page is fetched (Return All) or pages
 * until Limit records are in.
 */
export function searchExecutor(
	endpoint: SearchEndpoint,
	read: (context: IExecuteSingleFunctions) => Promise<IDataObject>,
): OperationExecutor {
	const fetchPages = fetchRecordPagesFrom(endpoint.api, endpoint.paging);
	return async function search(requestData) {
		const parameters = await read(this);
		const { options } = requestData;
		const placed =
			endpoint.place === 'body'
				? { ...options, body: { ...(options.body as IDataObject), ...parameters } }
				: { ...options, qs: { ...options.qs, ...parameters } };
		return await fetchPages.call(this, { ...requestData, options: placed });
	};
}

/** Date bounds of a search, in pairs: the property of the lower bound and of the upper one. */
export interface DateRanges {
	fields: RecordField[];
	pairs: Array<[from: string, to: string]>;
	/** The collection the bounds are under, e.g. `dateRange`, and its display name. */
	collection: string;
	collectionName: string;
	/** What the records are called, e.g. "task". */
	noun: string;
}

/**
 * Reads the date bounds the user set, as the vendor takes them; a bound left empty is ignored.
 * Fails naming the fields when `required` and none is set, or when a lower bound is after its
 * upper bound (no record could match).
 */
export function readDateRanges(
	context: IExecuteSingleFunctions,
	ranges: DateRanges,
	required: boolean,
): IDataObject {
	const bounds = readRecordFields(context, ranges.fields, ranges.collection, { skipEmpty: true });
	const label = (property: string) =>
		ranges.fields.find((field) => field.property === property)!.displayName;
	if (required && Object.keys(bounds).length === 0) {
		throw inputError(context, `Add at least one date under "${ranges.collectionName}"`, {
			description: `Range finds the ${ranges.noun}s whose dates fall between the bounds you set.`,
		});
	}
	for (const [from, to] of ranges.pairs) {
		const [low, high] = [bounds[from], bounds[to]] as Array<string | number | undefined>;
		// Numbers (Unix seconds) and fixed-width ISO dates both compare in order.
		if (low !== undefined && high !== undefined && low > high) {
			throw inputError(context, `"${label(from)}" is after "${label(to)}"`, {
				description: `No ${ranges.noun} can match: swap the two dates.`,
			});
		}
	}
	return bounds;
}
