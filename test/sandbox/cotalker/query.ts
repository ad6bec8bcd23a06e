/**
 * Query-string and query-body parsing of the Cotalker emulator's lists (vendors.md §4.2/§4.4,
 * specs/cotalker-docs-api-tasks-v2.md): paging (`limit` default 10, `page` from 1, `count`),
 * `isActive`, `ids`-style lists, ISO date filters with `_gt/_gte/_lt/_lte`, v1's `modifiedAt` in
 * epoch milliseconds, and the Mongo-style body of `POST /api/v1/tasks/{g}/task/all`.
 * Any malformed value answers 400 (thrown as QueryError, turned into a reply by the caller).
 */
import { isObjectId } from './ids';
import { STATUS_FIELDS } from './model';

export const DEFAULT_LIMIT = 10;
/** The maximum `limit` is undocumented; the SDK pages with 100, the emulator clamps to it [?]. */
export const MAX_LIMIT = 100;

export class QueryError extends Error {}

type Check<T> = (record: T) => boolean;

export interface Paging {
	limit: number;
	page: number;
	count: boolean;
}

export function flag(params: URLSearchParams, name: string): boolean {
	const value = params.get(name);
	if (value === null) return false;
	if (['true', '1', ''].includes(value.toLowerCase())) return true;
	if (['false', '0'].includes(value.toLowerCase())) return false;
	throw new QueryError(`${name} must be true or false`);
}

function positiveInteger(params: URLSearchParams, name: string, fallback: number): number {
	const raw = params.get(name);
	if (raw === null || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) {
		throw new QueryError(`${name} must be a whole number from 1`);
	}
	return value;
}

/** `limit` (default 10, above 100 clamped [?]), `page` (from 1), `count`. */
export function paging(params: URLSearchParams): Paging {
	return {
		limit: Math.min(positiveInteger(params, 'limit', DEFAULT_LIMIT), MAX_LIMIT),
		page: positiveInteger(params, 'page', 1),
		count: flag(params, 'count'),
	};
}

export function pageOf<T>(records: T[], { limit, page }: Paging): T[] {
	return records.slice((page - 1) * limit, page * limit);
}

/**
 * A list of ObjectIds from `name=a,b`, repeated `name=a&name=b` or `name[]=a`; undefined when
 * absent. Any malformed id answers 400.
 */
export function idList(params: URLSearchParams, name: string): string[] | undefined {
	const values = [...params.getAll(name), ...params.getAll(`${name}[]`)]
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
	if (values.length === 0) return undefined;
	for (const value of values) {
		if (!isObjectId(value)) {
			throw new QueryError(`${name} must be ObjectIds (24 hex characters), got '${value}'`);
		}
	}
	return values.map((value) => value.toLowerCase());
}

export function oneId(params: URLSearchParams, name: string): string | undefined {
	const ids = idList(params, name);
	if (ids && ids.length > 1) throw new QueryError(`${name} takes one ObjectId`);
	return ids?.[0];
}

/**
 * `isActive` = `true` | `false` | `all`. Absent means active records only [?] (v1 documents
 * "all active tasks"; v2 does not say).
 */
export function activeCheck<T extends { isActive: boolean }>(params: URLSearchParams): Check<T> {
	const value = (params.get('isActive') ?? 'true').toLowerCase();
	if (value === 'all') return () => true;
	if (value === 'true' || value === 'false') {
		const wanted = value === 'true';
		return (record) => record.isActive === wanted;
	}
	throw new QueryError("isActive must be 'true', 'false' or 'all'");
}

function parseIso(value: string, name: string): number {
	const ms = Date.parse(value);
	if (value.trim() === '' || Number.isNaN(ms)) throw new QueryError(`${name} must be an ISO date`);
	return ms;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether a stamp is written as `toISOString` writes it, `2026-03-10T08:00:00.000Z`. */
function isIsoStamp(value: string): boolean {
	return (
		value.length === 24 &&
		value[4] === '-' &&
		value[7] === '-' &&
		value[10] === 'T' &&
		value[13] === ':' &&
		value[16] === ':' &&
		value[19] === '.' &&
		value[23] === 'Z'
	);
}

/**
 * Where a stamp falls against an instant: negative before, 0 at, positive after, NaN for none.
 * Two stamps written as `toISOString` writes them (as the emulator stamps) compare as text, in
 * time order: parsing 100,000 stamps on every request would cost 17 ms, comparing them 1 ms.
 */
function stampAgainst(ms: number): (value: string | null) => number {
	const iso = new Date(ms).toISOString();
	const asText = isIsoStamp(iso);
	return (value) => {
		if (value === null) return Number.NaN;
		if (asText && isIsoStamp(value)) return value < iso ? -1 : value > iso ? 1 : 0;
		return Date.parse(value) - ms;
	};
}

/**
 * `<field>` (a date only: that UTC day; a date-time: that instant [?]) and
 * `<field>_gt|_gte|_lt|_lte` (ISO), ANDed.
 */
export function dateChecks<T>(
	params: URLSearchParams,
	field: string,
	read: (record: T) => string | null,
): Array<Check<T>> {
	const checks: Array<Check<T>> = [];
	const exact = params.get(field);
	if (exact !== null) {
		const ms = parseIso(exact, field);
		const against = stampAgainst(ms);
		if (DATE_ONLY.test(exact.trim())) {
			const nextDay = stampAgainst(ms + DAY_MS);
			checks.push((record) => against(read(record)) >= 0 && nextDay(read(record)) < 0);
		} else {
			checks.push((record) => against(read(record)) === 0);
		}
	}
	const bounds: Array<[string, (order: number) => boolean]> = [
		['_gt', (order) => order > 0],
		['_gte', (order) => order >= 0],
		['_lt', (order) => order < 0],
		['_lte', (order) => order <= 0],
	];
	for (const [suffix, holds] of bounds) {
		const raw = params.get(field + suffix);
		if (raw === null) continue;
		const against = stampAgainst(parseIso(raw, field + suffix));
		checks.push((record) => holds(against(read(record))));
	}
	return checks;
}

/** v1's `modifiedAt`: Unix epoch milliseconds, "modified after" (strictly [?]). */
export function epochAfterCheck<T extends { modifiedAt: string }>(
	params: URLSearchParams,
): Check<T> | undefined {
	const raw = params.get('modifiedAt');
	if (raw === null) return undefined;
	if (!/^\d+$/.test(raw.trim())) {
		throw new QueryError('modifiedAt must be a Unix epoch timestamp in milliseconds');
	}
	const ms = Number(raw);
	return (record) => Date.parse(record.modifiedAt) > ms;
}

export function orderFactor(params: URLSearchParams): 1 | -1 {
	const value = (params.get('orderBy') ?? 'asc').toLowerCase();
	if (value !== 'asc' && value !== 'desc') throw new QueryError("orderBy must be 'asc' or 'desc'");
	return value === 'asc' ? 1 : -1;
}

export function sortField(params: URLSearchParams, allowed: string[]): string | undefined {
	const value = params.get('sortBy');
	if (value === null || value === '') return undefined;
	if (!allowed.includes(value)) throw new QueryError(`sortBy must be one of ${allowed.join(', ')}`);
	return value;
}

/** Fields of the `task/all` body that take an id, or `{$in: [...]}` / `{$nin: [...]}`. */
const ID_FIELDS = [
	'_id',
	'userList',
	'channel',
	'smState',
	'smStateMachine',
	'status',
	...STATUS_FIELDS,
	'assignee',
	'createdBy',
	'asset',
	'parent',
];
/** Fields that take `{$gt|$gte|$lt|$lte}` with ISO dates or epoch ms. */
const DATE_FIELDS = [
	'createdAt',
	'modifiedAt',
	'modifiedStateAt',
	'startDate',
	'endDate',
	'closedAt',
];

function idSet(value: unknown, field: string): string[] {
	const ids = Array.isArray(value) ? value : [value];
	for (const id of ids) {
		if (id !== null && !isObjectId(id))
			throw new QueryError(`${field}: '${String(id)}' is not an ObjectId`);
	}
	return ids.map((id) => (id === null ? null : (id as string).toLowerCase())) as string[];
}

function bodyDate(value: unknown, field: string): number {
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (Number.isNaN(ms)) throw new QueryError(`${field}: '${String(value)}' is not a date`);
	return ms;
}

/**
 * The Mongo-style query of `POST /api/v1/tasks/{g}/task/all` (vendors.md §4.2, SDK
 * COTTaskQuery), ANDed. Unknown fields and operators answer 400 [?] (a real Mongo query would
 * quietly match nothing).
 */
export function bodyChecks<T extends Record<string, unknown>>(
	body: Record<string, unknown>,
): Array<Check<T>> {
	const checks: Array<Check<T>> = [];
	for (const [field, condition] of Object.entries(body)) {
		if (field === 'isActive') {
			if (typeof condition !== 'boolean') throw new QueryError('isActive must be a boolean');
			checks.push((record) => record.isActive === condition);
		} else if (ID_FIELDS.includes(field)) {
			const matchAny = (ids: string[]) => (record: T) => {
				const value = record[field];
				const values = Array.isArray(value) ? (value as string[]) : [value as string | null];
				return ids.some((id) => values.includes(id));
			};
			if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
				for (const [operator, operand] of Object.entries(condition)) {
					if (operator !== '$in' && operator !== '$nin') {
						throw new QueryError(`${field}: unsupported operator ${operator} (use $in or $nin)`);
					}
					if (!Array.isArray(operand))
						throw new QueryError(`${field}.${operator} must be an array`);
					const match = matchAny(idSet(operand, field));
					checks.push(operator === '$in' ? match : (record) => !match(record));
				}
			} else {
				checks.push(matchAny(idSet(condition, field)));
			}
		} else if (DATE_FIELDS.includes(field)) {
			if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
				throw new QueryError(`${field} must be {$gt|$gte|$lt|$lte: date}`);
			}
			for (const [operator, operand] of Object.entries(condition)) {
				const ms = bodyDate(operand, field);
				const at = (record: T) =>
					record[field] === null ? Number.NaN : Date.parse(record[field] as string);
				const compare: Record<string, (a: number) => boolean> = {
					$gt: (a) => a > ms,
					$gte: (a) => a >= ms,
					$lt: (a) => a < ms,
					$lte: (a) => a <= ms,
				};
				if (!compare[operator]) throw new QueryError(`${field}: unsupported operator ${operator}`);
				checks.push((record) => compare[operator](at(record)));
			}
		} else {
			throw new QueryError(`unsupported query field '${field}'`);
		}
	}
	return checks;
}
