/**
 * Nexudus search semantics over rendered records: `<Entity>_<Prop>` equality filters,
 * `from_`/`to_` range filters, ordering and paging into the list envelope.
 */
import { type ListOrder, SortedMatches } from '../sortedMatches';
import { minutePrefix, normaliseRangeValue } from './dates';
import type { ApiRecord, ColumnType, ScalarValue } from './model';

export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;
const RESERVED_PARAMS = new Set(['page', 'size', 'orderby', 'dir', 'id', '_']);

export interface ListEnvelope {
	Records: ApiRecord[];
	CurrentPage: number;
	CurrentPageSize: number;
	CurrentOrderField: string;
	CurrentSortDirection: 1 | -1;
	FirstItem: number;
	LastItem: number;
	TotalItems: number;
	TotalPages: number;
	HasNextPage: boolean;
	HasPreviousPage: boolean;
	PageNumber: number;
	PageSize: number;
}

export class QueryError extends Error {}

type Predicate = (record: ApiRecord) => boolean;

export interface ParsedQuery {
	predicates: Predicate[];
	ignoredParams: string[];
	/** Set when the request is the list-by-ids form (`?id=[1,2,3]`). */
	ids?: number[];
}

/** Resolves `Coworker_FullName` → `CoworkerFullName`, `Responsible` → `ResponsibleId`, ... */
function resolveColumn(columns: Record<string, ColumnType>, suffix: string): string | undefined {
	const byLowerName = new Map(Object.keys(columns).map((name) => [name.toLowerCase(), name]));
	const joined = suffix.toLowerCase().replace(/_/g, '');
	return byLowerName.get(joined) ?? byLowerName.get(`${joined}id`);
}

function parseIdList(value: string): number[] {
	const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
	const ids = inner
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (!ids.every((part) => /^\d+$/.test(part))) {
		throw new QueryError(`The value '${value}' is not a valid list of ids.`);
	}
	return ids.map(Number);
}

function equalityPredicate(column: string, type: ColumnType, raw: string): Predicate {
	const wanted = raw.trim().toLowerCase();
	return (record) => {
		const value: ScalarValue = record[column] ?? null;
		if (value === null) return false;
		switch (type) {
			case 'int':
				return Number(wanted) === value;
			case 'bool':
				return String(value) === wanted;
			case 'date':
				return String(value).toLowerCase().startsWith(wanted);
			default:
				return String(value).toLowerCase().includes(wanted);
		}
	};
}

function rangePredicate(
	column: string,
	type: ColumnType,
	bound: 'from' | 'to',
	raw: string,
	param: string,
): Predicate {
	const invalid = new QueryError(`The value '${raw}' is not valid for ${param}.`);
	if (type === 'int') {
		const limit = Number(raw);
		if (raw.trim() === '' || Number.isNaN(limit)) throw invalid;
		return (record) => {
			const value = record[column];
			if (typeof value !== 'number') return false;
			return bound === 'from' ? value >= limit : value <= limit;
		};
	}
	const limit = normaliseRangeValue(raw);
	if (limit === undefined) throw invalid;
	return (record) => {
		const value = record[column];
		if (typeof value !== 'string') return false;
		const minute = minutePrefix(value);
		return bound === 'from' ? minute >= limit : minute <= limit;
	};
}

/** Turns the query string into filter predicates. Unknown parameters are ignored, as Nexudus does. */
export function parseQuery(
	entity: string,
	columns: Record<string, ColumnType>,
	params: URLSearchParams,
): ParsedQuery {
	const parsed: ParsedQuery = { predicates: [], ignoredParams: [] };
	const prefix = `${entity.toLowerCase()}_`;
	for (const [name, value] of params) {
		const lower = name.toLowerCase();
		const isIdsForm = (lower === 'id' || lower === `${prefix}id`) && value.trim().startsWith('[');
		if (isIdsForm) {
			parsed.ids = parseIdList(value);
			continue;
		}
		if (RESERVED_PARAMS.has(lower)) {
			if (lower === 'id') parsed.predicates.push(equalityPredicate('Id', 'int', value));
			continue;
		}
		const range = /^(from|to)_(.*)$/.exec(lower);
		const body = range ? range[2] : lower;
		const suffix = body.startsWith(prefix) ? body.slice(prefix.length) : undefined;
		const column = suffix === undefined ? undefined : resolveColumn(columns, suffix);
		const plainColumn = suffix === undefined && lower === 'uniqueid' ? 'UniqueId' : undefined;
		const target = column ?? plainColumn;
		if (target === undefined) {
			parsed.ignoredParams.push(name);
			continue;
		}
		const type = columns[target];
		if (range && (type === 'int' || type === 'date')) {
			parsed.predicates.push(rangePredicate(target, type, range[1] as 'from' | 'to', value, name));
		} else if (range) {
			parsed.ignoredParams.push(name);
		} else {
			parsed.predicates.push(equalityPredicate(target, type, value));
		}
	}
	return parsed;
}

/** Text as `localeCompare(b, 'en', {sensitivity: 'base'})` orders it, built once. */
const byText = new Intl.Collator('en', { sensitivity: 'base' }).compare;

function compareValues(a: ScalarValue, b: ScalarValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	return byText(String(a), String(b));
}

function parseDirection(raw: string | null): 1 | -1 {
	const value = (raw ?? '').trim().toLowerCase();
	return value === '-1' || value.startsWith('desc') ? -1 : 1;
}

function positiveInt(raw: string | null, fallback: number): number {
	const value = Number(raw);
	return raw !== null && Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Filters (`matches`), orders and pages, and builds the list envelope; `orders` keeps the last
 * order of a long list for its next page.
 */
export function pageRecords(
	records: Iterable<ApiRecord>,
	matches: (record: ApiRecord) => boolean,
	columns: Record<string, ColumnType>,
	params: URLSearchParams,
	orders = new SortedMatches<ApiRecord>(),
): ListEnvelope {
	const get = (name: string) => {
		for (const [key, value] of params) if (key.toLowerCase() === name) return value;
		return null;
	};
	const requestedOrder = get('orderby');
	const orderField = (requestedOrder && resolveColumn(columns, requestedOrder)) || 'Id';
	const direction = parseDirection(get('dir'));
	const size = Math.min(positiveInt(get('size'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
	const page = positiveInt(get('page'), 1);

	const order: ListOrder<ApiRecord> = {
		name: `${orderField} ${direction}`,
		reads: [(record) => record[orderField]],
		compare: (a, b) =>
			direction * compareValues(a[orderField] ?? null, b[orderField] ?? null) ||
			compareValues(a.Id, b.Id),
	};
	const sorted = orders.sorted(records, matches, order);
	const total = sorted.length;
	const totalPages = Math.ceil(total / size);
	const start = (page - 1) * size;
	const pageRows = sorted.slice(start, start + size);
	return {
		Records: pageRows,
		CurrentPage: page,
		CurrentPageSize: size,
		CurrentOrderField: orderField,
		CurrentSortDirection: direction,
		FirstItem: total === 0 ? 0 : start + 1,
		LastItem: Math.min(start + size, total),
		TotalItems: total,
		TotalPages: totalPages,
		HasNextPage: page < totalPages,
		HasPreviousPage: page > 1,
		PageNumber: page,
		PageSize: size,
	};
}
