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

/** The four comparisons of a date bound: after, at or after, before, at or before. */
export type BoundOperator = 'gt' | 'gte' | 'lt' | 'lte';

/** A date a search bounds with operators, e.g. `createdAt`, called "Created" in labels. */
export interface OperatorDate {
	property: string;
	/** The date as a past participle, e.g. "Created" or "Modified". */
	label: string;
}

/** The date bounds of a vendor that takes each bound as the date with an operator suffix. */
export interface OperatorDateRangeSpec {
	dates: OperatorDate[];
	/** How the vendor names a bound, e.g. `createdAt_gte` (the default: `<date>_<operator>`). */
	boundProperty?: (property: string, operator: BoundOperator) => string;
	collection: string;
	collectionName: string;
	noun: string;
	/** How the vendor writes dates (ISO 8601 in UTC when absent), see RecordField.formatDate. */
	formatDate?: RecordField['formatDate'];
}

const OPERATOR_WORDS: Record<BoundOperator, string> = {
	gt: 'After',
	gte: 'At or After',
	lt: 'Before',
	lte: 'At or Before',
};

/**
 * Date bounds written as the date and an operator, e.g. Cotalker's `createdAt_gt`, `_gte`, `_lt`,
 * `_lte`: four bounds per date ("Created After", "Created At or After", "Created Before",
 * "Created At or Before"), read with readDateRanges like any DateRanges. Each lower bound is checked
 * against each upper bound of the same date. A time typed without an offset is in the workflow's
 * time zone.
 */
export function operatorDateRanges(spec: OperatorDateRangeSpec): DateRanges {
	const name = spec.boundProperty ?? ((property, operator) => `${property}_${operator}`);
	const bound = (date: OperatorDate, operator: BoundOperator): RecordField => ({
		property: name(date.property, operator),
		displayName: `${date.label} ${OPERATOR_WORDS[operator]}`,
		type: 'dateTime',
		workflowTimeZone: true,
		formatDate: spec.formatDate,
		description: `Only ${spec.noun}s ${date.label.toLowerCase()} ${OPERATOR_WORDS[operator].toLowerCase()} this moment. A time without an offset is in the workflow's time zone.`,
	});
	const operators: BoundOperator[] = ['gt', 'gte', 'lt', 'lte'];
	return {
		fields: spec.dates.flatMap((date) => operators.map((operator) => bound(date, operator))),
		pairs: spec.dates.flatMap((date) =>
			(['gt', 'gte'] as const).flatMap((low) =>
				(['lt', 'lte'] as const).map(
					(high) =>
						[name(date.property, low), name(date.property, high)] as [from: string, to: string],
				),
			),
		),
		collection: spec.collection,
		collectionName: spec.collectionName,
		noun: spec.noun,
	};
}
