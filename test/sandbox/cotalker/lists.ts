/**
 * The list endpoints' filtering, ordering and paging, as pure functions over the records
 * (vendors.md §4.2/§4.4, specs/cotalker-docs-api-tasks-v1.md and -v2.md). They throw QueryError
 * for a malformed parameter (answered 400 by the caller).
 */
import { type ListOrder, SortedMatches } from '../sortedMatches';
import { byScramble } from './ids';
import {
	type CotProperty,
	type CotState,
	type CotTask,
	type CotTaskGroup,
	type CotUser,
	STATUS_FIELDS,
} from './model';
import {
	activeCheck,
	bodyChecks,
	dateChecks,
	epochAfterCheck,
	idList,
	oneId,
	orderFactor,
	pageOf,
	type Paging,
	paging,
	QueryError,
	sortField,
} from './query';

export type Check<T> = (record: T) => boolean;

export interface Listed<T> {
	page: T[];
	total: number;
	paging: Paging;
}

export const TASK_GROUP_SORTS = ['createdAt', 'modifiedAt', 'collectionName'];
/** "Only `name` attribute currently available" (v2 task lists). */
export const TASK_SORTS = ['name'];

/** Text as `localeCompare(b, 'en', {sensitivity: 'base'})` orders it, built once. */
const byText = new Intl.Collator('en', { sensitivity: 'base' }).compare;
const ISO_DATE = /^\d{4}-/;

function compareValues(a: unknown, b: unknown): number {
	if (typeof a === 'string' && typeof b === 'string') {
		if (ISO_DATE.test(a)) {
			const dateA = Date.parse(a);
			const dateB = Date.parse(b);
			if (!Number.isNaN(dateA) && !Number.isNaN(dateB)) return dateA - dateB;
		}
		return byText(a, b);
	}
	return String(a).localeCompare(String(b));
}

/**
 * By `sortBy` (if any) in `orderBy`'s direction, ties (or no sortBy) in the ids' scramble order
 * (deterministic, not by creation or modification) [?].
 */
function listOrder<T extends { _id: string }>(
	field: string | undefined,
	factor: 1 | -1,
): ListOrder<T> {
	const value = (record: T) => (field ? (record as Record<string, unknown>)[field] : undefined);
	return {
		name: `${field ?? ''} ${factor}`,
		reads: field ? [value] : [],
		compare: (a, b) => (field ? compareValues(value(a), value(b)) * factor : 0) || byScramble(a, b),
	};
}

/**
 * Filters, sorts and pages; `orders` keeps the last order of a long list for its next page.
 * `orderBy` applies only to `sortBy`.
 */
function listed<T extends { _id: string }>(
	records: Iterable<T>,
	params: URLSearchParams,
	checks: Array<Check<T>>,
	sorts: string[],
	orders = new SortedMatches<T>(),
): Listed<T> {
	const page = paging(params);
	// Lists without documented sorts (v1 tasks, users, properties) ignore sortBy [?].
	const field = sorts.length > 0 ? sortField(params, sorts) : undefined;
	const matching = orders.sorted(
		records,
		(record) => checks.every((check) => check(record)),
		listOrder(field, orderFactor(params)),
	);
	return { page: pageOf(matching, page), total: matching.length, paging: page };
}

/** `GET /api/v2/task-groups` and `GET /api/v1/tasks/group`. */
export function listTaskGroups(
	groups: CotTaskGroup[],
	params: URLSearchParams,
): Listed<CotTaskGroup> {
	const checks: Array<Check<CotTaskGroup>> = [activeCheck(params)];
	const ids = idList(params, 'ids');
	if (ids) checks.push((group) => ids.includes(group._id));
	const groupIds = idList(params, 'groupIds');
	if (groupIds) checks.push((group) => groupIds.includes(group.group));
	checks.push(...dateChecks<CotTaskGroup>(params, 'createdAt', (group) => group.createdAt));
	checks.push(...dateChecks<CotTaskGroup>(params, 'modifiedAt', (group) => group.modifiedAt));
	return listed(groups, params, checks, TASK_GROUP_SORTS);
}

/**
 * `GET /api/v2/task-groups/{g}/tasks`: isActive, createdAt/modifiedAt ranges, sortBy name; of
 * the tasks in `scope` (the group's, those the user may see).
 */
export function listTasksV2(
	tasks: Iterable<CotTask>,
	scope: Check<CotTask>,
	params: URLSearchParams,
	orders: SortedMatches<CotTask>,
): Listed<CotTask> {
	const checks: Array<Check<CotTask>> = [
		scope,
		activeCheck(params),
		...dateChecks<CotTask>(params, 'createdAt', (task) => task.createdAt),
		...dateChecks<CotTask>(params, 'modifiedAt', (task) => task.modifiedAt),
	];
	return listed(tasks, params, checks, TASK_SORTS, orders);
}

/** Whether the task carries the property: as its state element, a status1..5 or its asset. */
function hasProperty(task: CotTask, property: string): boolean {
	return (
		task.status === property ||
		task.asset === property ||
		STATUS_FIELDS.some((field) => task[field] === property)
	);
}

/** `GET /api/v2/task-groups/{g}/tasks/relations`: assignee, property, isActive, sortBy name. */
export function listRelations(tasks: CotTask[], params: URLSearchParams): Listed<CotTask> {
	const checks: Array<Check<CotTask>> = [activeCheck(params)];
	const assignee = oneId(params, 'assignee');
	if (assignee) checks.push((task) => task.assignee === assignee);
	const property = oneId(params, 'property');
	if (property) checks.push((task) => hasProperty(task, property));
	return listed(tasks, params, checks, TASK_SORTS);
}

const LIMIT_BY = ['all', 'group', 'none'];

function searchText(task: CotTask): string {
	return [task.name, task.info ?? '', String(task.serial), JSON.stringify(task.extensions)]
		.join('\n')
		.toLowerCase();
}

/**
 * `GET /api/v1/tasks/{g}/task`: search (comma-separated keywords, any of them [?], in name, info,
 * serial and extension values), assignee, status (the state element or a status1..5),
 * smStateMachine, modifiedAt (epoch ms, after), limitBy (checked, no effect [?]), isActive
 * (not documented for v1; the same as v2 [?]). Paged by limit/page, no count.
 */
export function listTasksV1(tasks: CotTask[], params: URLSearchParams): Listed<CotTask> {
	const checks: Array<Check<CotTask>> = [activeCheck(params)];
	const search = (params.get('search') ?? '')
		.split(',')
		.map((keyword) => keyword.trim().toLowerCase())
		.filter((keyword) => keyword !== '');
	if (search.length > 0) {
		checks.push((task) => search.some((keyword) => searchText(task).includes(keyword)));
	}
	const assignee = oneId(params, 'assignee');
	if (assignee) checks.push((task) => task.assignee === assignee);
	const status = oneId(params, 'status');
	if (status) {
		checks.push((task) => task.status === status || STATUS_FIELDS.some((f) => task[f] === status));
	}
	const machine = oneId(params, 'smStateMachine');
	if (machine) checks.push((task) => task.smStateMachine === machine);
	const after = epochAfterCheck<CotTask>(params);
	if (after) checks.push(after);
	const limitBy = params.get('limitBy');
	if (limitBy !== null && !LIMIT_BY.includes(limitBy)) {
		throw new QueryError(`limitBy must be one of ${LIMIT_BY.join(', ')}`);
	}
	return listed(tasks, params, checks, []);
}

/**
 * With `filter` (a saved view): the SDK's grouped shape `[{_id: [{key, display, type, id}],
 * tasks}]`. The emulator has no saved views: any ObjectId groups by state [?].
 */
export function groupByState(tasks: CotTask[], states: CotState[]) {
	const groups = new Map<string, CotTask[]>();
	for (const task of tasks) {
		const key = task.smState ?? '';
		groups.set(key, [...(groups.get(key) ?? []), task]);
	}
	return [...groups.entries()].map(([id, grouped]) => ({
		_id: [
			{
				key: 'smState',
				display: states.find((state) => state._id === id)?.name ?? null,
				type: 'COTSMState',
				id: id === '' ? null : id,
			},
		],
		tasks: grouped,
	}));
}

/** `POST /api/v1/tasks/{g}/task/all`: every task matching the Mongo-style body, unpaged [?]. */
export function findTasks(tasks: CotTask[], body: Record<string, unknown>): CotTask[] {
	const checks = bodyChecks<CotTask & Record<string, unknown>>(body);
	return tasks
		.filter((task) => checks.every((check) => check(task as CotTask & Record<string, unknown>)))
		.sort(byScramble);
}

/** `GET /api/v2/users`: search (name or email), email, id, isActive; sorted by display name. */
export function listUsers(users: CotUser[], params: URLSearchParams): Listed<CotUser> {
	const checks: Array<Check<CotUser>> = [activeCheck(params)];
	const search = params.get('search')?.trim().toLowerCase();
	if (search) {
		checks.push((user) => `${user.name.displayName}\n${user.email}`.toLowerCase().includes(search));
	}
	const emails = params
		.getAll('email')
		.flatMap((value) => value.split(','))
		.map((value) => value.trim().toLowerCase())
		.filter((value) => value !== '');
	if (emails.length > 0) checks.push((user) => emails.includes(user.email.toLowerCase()));
	const ids = idList(params, 'id');
	if (ids) checks.push((user) => ids.includes(user._id));
	const result = listed(users, params, checks, []);
	const all = users
		.filter((user) => checks.every((check) => check(user)))
		.sort((a, b) => a.name.displayName.localeCompare(b.name.displayName));
	return { ...result, page: pageOf(all, result.paging) };
}

/** `GET /api/v2/properties`: propertyTypes, ids, search (code or display), isActive. */
export function listProperties(
	properties: CotProperty[],
	params: URLSearchParams,
): Listed<CotProperty> {
	const checks: Array<Check<CotProperty>> = [activeCheck(params)];
	const types = [...params.getAll('propertyTypes'), ...params.getAll('propertyTypes[]')]
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '');
	if (types.length > 0) checks.push((property) => types.includes(property.propertyType));
	const ids = idList(params, 'ids');
	if (ids) checks.push((property) => ids.includes(property._id));
	const search = params.get('search')?.trim().toLowerCase();
	if (search) {
		checks.push((property) =>
			`${property.name.code}\n${property.name.display}`.toLowerCase().includes(search),
		);
	}
	const result = listed(properties, params, checks, []);
	const all = properties
		.filter((property) => checks.every((check) => check(property)))
		.sort((a, b) => a._id.localeCompare(b._id));
	return { ...result, page: pageOf(all, result.paging) };
}
