/**
 * `POST /tasks/search` semantics (vendors.md §2.2/§2.3, seed 002): every filter from the JSON
 * body (AND), sort, and paging from the body only. Answers a bare array, total in X-PW-TOTAL.
 */
import { customFilter } from './custom-search';
import type { CopperTask, CopperUser, CustomFieldDefinition } from './model';
import { copperError, type Reply } from './replies';
import type { ListOrder, SortedMatches } from '../sortedMatches';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
/** "Searches stop after the first 100,000 records" (list-tasks-search.html). */
export const SEARCH_CAP = 100000;
export const NONE_ID = -2;

export const SORT_FIELDS = [
	'name',
	'assigned_to',
	'related_to',
	'status',
	'priority',
	'due_date',
	'reminder_date',
	'completed_date',
	'date_created',
	'date_modified',
] as const;

type Body = Record<string, unknown>;
type Check = (task: CopperTask) => boolean;

export interface SearchContext {
	users: CopperUser[];
	definitions: CustomFieldDefinition[];
	/** The requesting user's id (for `followed`). */
	userId: number | undefined;
	/** Defaults to SEARCH_CAP; lowered in tests to prove the cap without 100,000 records. */
	searchCap: number;
	/** The last search's order, reused by the next page of the same search. */
	orders: SortedMatches<CopperTask>;
}

class SearchError extends Error {}

function idList(body: Body, field: string): number[] | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id))) {
		throw new SearchError(`${field} must be an array of integers`);
	}
	return value as number[];
}

function timestamp(body: Body, field: string): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new SearchError(`${field} must be a Unix timestamp in seconds`);
	}
	return value;
}

/** `related_resource` of the given type: ids match, -2 means "not related to one". */
function relatedCheck(ids: number[], type: string): Check {
	return (task) => {
		const related = task.related_resource.type === type ? task.related_resource.id : null;
		return ids.some((id) => (id === NONE_ID ? related === null : related === id));
	};
}

function rangeChecks(body: Body, field: 'due_date' | 'date_created' | 'date_modified'): Check[] {
	const name = field === 'due_date' ? 'due' : field.slice(5);
	const min = timestamp(body, `minimum_${name}_date`);
	const max = timestamp(body, `maximum_${name}_date`);
	const checks: Check[] = [];
	// Inclusive bounds; a task without the date never matches a bound on it.
	if (min !== undefined) checks.push((task) => task[field] !== null && task[field] >= min);
	if (max !== undefined) checks.push((task) => task[field] !== null && task[field] <= max);
	return checks;
}

function buildChecks(body: Body, ctx: SearchContext): Check[] {
	const checks: Check[] = [];
	const ids = idList(body, 'ids');
	if (ids) checks.push((task) => ids.includes(task.id));
	const assignees = idList(body, 'assignee_ids');
	if (assignees) {
		checks.push((task) =>
			assignees.some((id) =>
				id === NONE_ID ? task.assignee_id === null : task.assignee_id === id,
			),
		);
	}
	const projects = idList(body, 'project_ids');
	if (projects) checks.push(relatedCheck(projects, 'project'));
	const opportunities = idList(body, 'opportunity_ids');
	if (opportunities) checks.push(relatedCheck(opportunities, 'opportunity'));
	const { statuses, tags, followed } = body;
	if (statuses !== undefined && statuses !== null) {
		if (!Array.isArray(statuses)) throw new SearchError('statuses must be an array');
		checks.push((task) => statuses.includes(task.status));
	}
	if (tags !== undefined && tags !== null) {
		if (!Array.isArray(tags)) throw new SearchError('tags must be an array of strings');
		// "match at least one of the tags"; Copper compares tags case-insensitively [?].
		const wanted = tags.map((tag) => String(tag).toLowerCase());
		checks.push((task) => task.tags.some((tag) => wanted.includes(tag.toLowerCase())));
	}
	if (followed !== undefined && followed !== null) {
		if (followed !== 1 && followed !== 2) throw new SearchError('followed must be 1 or 2');
		const user = ctx.userId;
		checks.push((task) => (user !== undefined && task.followers.has(user)) === (followed === 1));
	}
	checks.push(...rangeChecks(body, 'due_date'));
	checks.push(...rangeChecks(body, 'date_created'));
	checks.push(...rangeChecks(body, 'date_modified'));
	const custom = body.custom_fields;
	if (custom !== undefined && custom !== null) {
		if (!Array.isArray(custom)) throw new SearchError('custom_fields must be an array');
		for (const entry of custom as unknown[]) {
			const check = customFilter(entry, ctx.definitions);
			if (typeof check === 'string') throw new SearchError(check);
			checks.push((task) => check(task.custom));
		}
	}
	return checks;
}

type SortKey = string | number | null;

function sortKey(task: CopperTask, field: string, users: CopperUser[]): SortKey {
	switch (field) {
		case 'assigned_to':
			// By the assignee's name [?]; unassigned sorts as null.
			return users.find((user) => user.id === task.assignee_id)?.name.toLowerCase() ?? null;
		case 'related_to':
			// The emulator has no related records, so by "type:id" [?].
			return task.related_resource.type === null
				? null
				: `${task.related_resource.type}:${String(task.related_resource.id).padStart(12, '0')}`;
		case 'name':
			return task.name.toLowerCase();
		case 'priority':
			// By rank, "None" below "High" [?].
			return task.priority === 'High' ? 1 : 0;
		default:
			return task[field as 'status' | 'due_date'];
	}
}

/**
 * By one field; nulls sort after every value ascending (so first descending) [?]; ties break by
 * id ascending so paging is stable.
 */
function taskOrder(field: string, descending: boolean, users: CopperUser[]): ListOrder<CopperTask> {
	return {
		name: `${field} ${descending ? 'desc' : 'asc'}`,
		// The fields sortKey reads (users do not change).
		reads: [
			field === 'assigned_to'
				? (task) => task.assignee_id
				: field === 'related_to'
					? (task) => `${task.related_resource.type}:${task.related_resource.id}`
					: (task) => task[field as keyof CopperTask],
		],
		compare(a, b) {
			const [left, right] = [sortKey(a, field, users), sortKey(b, field, users)];
			let order = 0;
			if (left === null || right === null) order = left === right ? 0 : left === null ? 1 : -1;
			else order = left < right ? -1 : left > right ? 1 : 0;
			if (descending) order = -order;
			return order !== 0 ? order : a.id - b.id;
		},
	};
}

function paging(body: Body): { pageNumber: number; pageSize: number } {
	const pageNumber = body.page_number ?? 1;
	const pageSize = body.page_size ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(pageNumber) || (pageNumber as number) < 1) {
		throw new SearchError('page_number must be a positive integer');
	}
	if (!Number.isInteger(pageSize) || (pageSize as number) < 1) {
		throw new SearchError('page_size must be a positive integer');
	}
	// Above 200 Copper's reply is not documented [?]: the emulator clamps to 200, so a client
	// asking for more silently gets pages of 200 (and must page by what it receives).
	return {
		pageNumber: pageNumber as number,
		pageSize: Math.min(pageSize as number, MAX_PAGE_SIZE),
	};
}

/**
 * Runs a search. The body is the only input: query-string paging is ignored, as Copper does.
 * Cap [?]: X-PW-TOTAL still counts every match (so a client can see it is over the cap), but
 * no record past position `searchCap` is ever returned; pages beyond it are empty arrays.
 */
export function searchTasks(tasks: Iterable<CopperTask>, body: Body, ctx: SearchContext) {
	try {
		const sortBy = body.sort_by ?? 'due_date';
		if (!SORT_FIELDS.includes(sortBy as (typeof SORT_FIELDS)[number])) {
			throw new SearchError(`sort_by must be one of ${SORT_FIELDS.join(', ')}`);
		}
		const direction = body.sort_direction ?? 'asc';
		if (direction !== 'asc' && direction !== 'desc') {
			throw new SearchError('sort_direction must be asc or desc');
		}
		const { pageNumber, pageSize } = paging(body);
		const checks = buildChecks(body, ctx);
		const sorted = ctx.orders.sorted(
			tasks,
			(task) => checks.every((check) => check(task)),
			taskOrder(sortBy as string, direction === 'desc', ctx.users),
		);
		const start = (pageNumber - 1) * pageSize;
		const end = Math.min(start + pageSize, ctx.searchCap);
		const page = start >= ctx.searchCap ? [] : sorted.slice(start, end);
		return { page, total: sorted.length };
	} catch (error) {
		// Every throw above is a SearchError: a bad body is Copper's 422 [?].
		return copperError(422, (error as Error).message) satisfies Reply;
	}
}
