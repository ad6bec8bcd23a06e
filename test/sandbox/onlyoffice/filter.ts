/**
 * `GET /api/2.0/crm/task/filter` (CRMApi.Tasks.cs `GetAllTasks`, TaskDao `WhereConditional`).
 *
 * Filters: `responsibleid` (GUID), `categoryid`, `isClosed`, `fromDate`/`toDate` on the
 * deadline (inclusive; either alone is `>=`/`<=`), `entityType` (`contact|opportunity|case`,
 * anything else is 400) with `entityid` (a company contact matches its people's tasks too),
 * `filterValue` (free text: every word must occur in the title or description [?]).
 * `contactid` is NOT a filter parameter of this method: the server ignores it, and so does the
 * emulator (use `entityType=contact&entityid=`).
 *
 * Order: open tasks first, always; then `sortBy` (`title|category|deadLine|contact|
 * contactManager`, any case; default deadLine) in `sortOrder` (`descending`, else ascending),
 * with the DAO's tie-breakers (deadline, then title; id last for determinism [?]). `category`
 * sorts by category id, not title.
 *
 * Paging: `startIndex`, `count` (no default or maximum known [?]; 0 or none = all).
 * Quirks copied from the source:
 * - an UNKNOWN `sortBy` makes the method fetch every match (no paging, default order);
 * - `total` is `startIndex + returned` when fewer than `count` came back, else the full count
 *   (so with an unknown sortBy and `count` > matches, `total` can exceed the real count).
 * `nextIndex` is `startIndex + count` whenever a page came back full [?] (also on an exactly
 * full last page: a client must stop on a short page or at `total`).
 */
import { parseApiDate } from './dates';
import { type ApiReply, badArgument } from './envelope';
import { EMPTY_GUID, type ModelContext, type OoTask, renderTask } from './model';
import type { Params } from './params';
import type { ListOrder, SortedMatches } from '../sortedMatches';

export const SORT_FIELDS = ['title', 'category', 'deadLine', 'contact', 'contactManager'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function compareText(a: string | undefined, b: string | undefined): number {
	const left = (a ?? '').toLowerCase();
	const right = (b ?? '').toLowerCase();
	return left < right ? -1 : left > right ? 1 : 0;
}

/** Resolves `sortBy`: a field, the default (empty), or null for an unknown value. */
export function parseSortBy(value: string | undefined): SortField | null {
	if (value === undefined || value.trim() === '') return 'deadLine';
	return SORT_FIELDS.find((field) => field.toLowerCase() === value.trim().toLowerCase()) ?? null;
}

type Read = (task: OoTask) => unknown;
const byDeadlineAndTitle: Read[] = [(task) => task.deadLineMs, (task) => task.title];
/** What each order reads of a task besides `isClosed` (contacts and users do not change). */
const PRIMARY_READS: Record<SortField, Read[]> = {
	title: byDeadlineAndTitle,
	deadLine: byDeadlineAndTitle,
	category: [(task) => task.categoryId, ...byDeadlineAndTitle],
	contact: [(task) => task.contactId, ...byDeadlineAndTitle],
	contactManager: [(task) => task.responsibleId, ...byDeadlineAndTitle],
};

/** Open tasks first, then `sortBy` with the DAO's tie-breakers, then id. */
function taskOrder(ctx: ModelContext, sortBy: SortField, descending: boolean): ListOrder<OoTask> {
	const dir = descending ? -1 : 1;
	const contactName = (task: OoTask) =>
		ctx.contacts.find((contact) => contact.id === task.contactId)?.displayName;
	const user = (task: OoTask) => ctx.users.find((candidate) => candidate.id === task.responsibleId);
	const byDeadline = (a: OoTask, b: OoTask) => a.deadLineMs - b.deadLineMs;
	const byTitle = (a: OoTask, b: OoTask) => compareText(a.title, b.title);
	const nullsLast = (a: string | undefined, b: string | undefined) =>
		(a ? 0 : 1) - (b ? 0 : 1) || dir * compareText(a, b);
	const primary: Record<SortField, (a: OoTask, b: OoTask) => number> = {
		title: (a, b) => dir * byTitle(a, b) || byDeadline(a, b),
		deadLine: (a, b) => dir * byDeadline(a, b) || byTitle(a, b),
		category: (a, b) => dir * (a.categoryId - b.categoryId) || byDeadline(a, b) || byTitle(a, b),
		contact: (a, b) =>
			nullsLast(contactName(a), contactName(b)) || byDeadline(a, b) || byTitle(a, b),
		contactManager: (a, b) =>
			nullsLast(user(a)?.lastName, user(b)?.lastName) ||
			nullsLast(user(a)?.firstName, user(b)?.firstName) ||
			byDeadline(a, b) ||
			byTitle(a, b),
	};
	return {
		name: `${sortBy} ${dir}`,
		reads: [(task) => task.isClosed, ...PRIMARY_READS[sortBy]],
		compare: (a, b) =>
			Number(a.isClosed) - Number(b.isClosed) || primary[sortBy](a, b) || a.id - b.id,
	};
}

/** Whether a task matches the filter parameters, or an error reply. */
function taskFilter(ctx: ModelContext, params: Params): ((task: OoTask) => boolean) | ApiReply {
	const entityType = (params.str('entityType') ?? '').trim().toLowerCase();
	if (entityType !== '' && !['contact', 'opportunity', 'case'].includes(entityType)) {
		return badArgument();
	}
	const responsible = (params.str('responsibleid') ?? '').trim();
	const responsibleId = GUID.test(responsible) ? responsible.toLowerCase() : EMPTY_GUID; // [?]
	const categoryId = params.int('categoryid');
	const isClosed = params.bool('isClosed');
	const fromMs = parseApiDate(params.str('fromDate'), ctx.offsetMinutes);
	const toMs = parseApiDate(params.str('toDate'), ctx.offsetMinutes);
	const entityId = params.int('entityid');
	let contactIds: Set<number> | undefined;
	if (entityId > 0 && entityType === 'contact') {
		const contact = ctx.contacts.find((candidate) => candidate.id === entityId);
		contactIds = new Set([entityId]);
		if (contact?.isCompany) {
			ctx.contacts.filter((c) => c.companyId === entityId).forEach((c) => contactIds?.add(c.id));
		}
	}
	const words = (params.str('filterValue') ?? '')
		.toLowerCase()
		.split(/\s+/)
		.filter((word) => word !== '');
	return (task) => {
		if (responsibleId !== EMPTY_GUID && task.responsibleId.toLowerCase() !== responsibleId) {
			return false;
		}
		if (categoryId > 0 && task.categoryId !== categoryId) return false;
		if (isClosed !== undefined && task.isClosed !== isClosed) return false;
		if (fromMs !== undefined && task.deadLineMs < fromMs) return false;
		if (toMs !== undefined && task.deadLineMs > toMs) return false;
		if (contactIds && !contactIds.has(task.contactId)) return false;
		if (entityId > 0 && (entityType === 'opportunity' || entityType === 'case')) {
			if (task.entityType !== entityType || task.entityId !== entityId) return false;
		}
		if (words.length === 0) return true;
		const text = `${task.title} ${task.description ?? ''}`.toLowerCase();
		return words.every((word) => text.includes(word));
	};
}

/** `orders` keeps the last order, so that the next page of the same filter is not sorted again. */
export function filterReply(
	ctx: ModelContext,
	params: Params,
	orders: SortedMatches<OoTask>,
): ApiReply {
	const matches = taskFilter(ctx, params);
	if (typeof matches !== 'function') return matches;
	const sortBy = parseSortBy(params.str('sortBy'));
	const descending = (params.str('sortOrder') ?? '').trim().toLowerCase() === 'descending';
	const startIndex = Math.max(0, params.int('startIndex'));
	const count = Math.max(0, params.int('count'));
	const sorted = orders.sorted(
		ctx.tasks.values(),
		matches,
		taskOrder(ctx, sortBy ?? 'deadLine', sortBy ? descending : false),
	);
	const page =
		sortBy === null ? sorted : sorted.slice(startIndex, count > 0 ? startIndex + count : undefined);
	const total = page.length < count ? startIndex + page.length : sorted.length;
	const nextIndex =
		sortBy !== null && count > 0 && page.length === count ? startIndex + count : undefined;
	return {
		status: 200,
		response: page.map((task) => renderTask(task, ctx, false)),
		paging: { startIndex, nextIndex, total },
		xmlItem: 'task',
	};
}
