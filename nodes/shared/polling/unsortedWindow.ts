import type { IDataObject } from 'n8n-workflow';

import type { ChangeStream } from './changeFeed';
import type { StreamListing } from './listStream';

/** One page of a window, in whatever order the vendor lists it. */
export interface WindowPage {
	records: IDataObject[];
	hasMore: boolean;
	/** How many records the whole window held when the vendor answered this page, where it says. */
	total?: number;
	/** When the vendor answered, by its clock (its Date header), where it says (see readWindow). */
	servedAt?: Date;
}

/**
 * Records a vendor filters by a time (`<time> >= since`) but cannot sort by it, e.g. Cotalker's
 * tasks by modifiedAt. The window of one `since` only ever grows: a record changed while it is
 * read gets a later time and stays in it.
 */
export interface UnsortedWindow {
	/** Page `pageIndex` (from 0) of the records whose window time is at or after `since` (all when undefined). */
	fetchPage(since: Date | undefined, pageIndex: number): Promise<WindowPage>;
	/** The time the vendor filters the window on. */
	timeOf(record: IDataObject): Date | undefined;
	idOf(record: IDataObject): string;
	/** The feed's overlap: how far back the next poll reads again (see budget in readWindow). */
	overlapMs: number;
}

/** How often a window is walked before a walk that missed records is left for the next poll. */
export const WALK_ATTEMPTS = 3;

/** A bound on pages per walk, so that a window that never ends cannot hold the poller. */
const MAX_PAGES_PER_WALK = 1000;

const HOUR = 3_600_000;

/** The windows fetchNewest reads, each wider than the last, until one holds a change: then all. */
export const NEWEST_WINDOWS_MS = [HOUR, 24 * HOUR, 7 * 24 * HOUR, 31 * 24 * HOUR, 366 * 24 * HOUR];

/** What one read of a window found. */
export interface WindowRead {
	/** The latest version seen of each record, by ID. */
	records: IDataObject[];
	/** Whether every record the window held at the end was seen (the vendor's total agreed). */
	complete: boolean;
	/** The newest window time the read may move a cursor to (see readWindow). */
	reached?: Date;
}

/**
 * Reads the whole window from `since`, page by page until a short page (or an empty one, while the
 * walk has seen fewer records than the total), and keeps the latest version of each record.
 * - Complete: a record changed while the walk is under way can move within the vendor's order and
 *   shift another one past the walk. The window only grows, so every record seen is still in it at
 *   the end: when the distinct records seen are as many as the total of the last page, none was
 *   missed. Otherwise the window is walked again (WALK_ATTEMPTS in all); if still short, the read
 *   is incomplete and the caller keeps its cursor.
 * - Reached: a version the walk did not see was written after the walk began (the vendor's clock),
 *   so the next poll must re-read from before that. It re-reads from the cursor minus the overlap;
 *   only pages answered within half the overlap from the start of the walk (this machine's clock:
 *   a duration, whatever the skew) move the cursor, the first page always.
 * - Quiet: where the vendor dates its answers, a complete read also reached the first page's
 *   Date less the overlap: every change before that Date was seen, and the next poll reads from
 *   twice the overlap before it, which allows for a Date clock up to about twice the overlap ahead
 *   of the clock that stamps records (further ahead, changes would be missed; tested at 90 s and
 *   5 min). So a burst of changes leaves the window a little over twice the overlap after it even
 *   when nothing changes later, instead of being read again by every quiet poll. The cursor only
 *   moves forward.
 */
export async function readWindow(
	window: UnsortedWindow,
	since: Date | undefined,
	now: () => number = Date.now,
): Promise<WindowRead> {
	const started = now();
	const latest = new Map<string, { record: IDataObject; at: number }>();
	let reached: number | undefined;
	let servedAt: Date | undefined;
	let pagesRead = 0;
	for (let attempt = 1; attempt <= WALK_ATTEMPTS; attempt++) {
		let total: number | undefined;
		const walked = new Set<string>();
		for (let pageIndex = 0; pageIndex < MAX_PAGES_PER_WALK; pageIndex++) {
			const page = await window.fetchPage(since, pageIndex);
			if (pagesRead === 0) servedAt = page.servedAt;
			const inBudget = pagesRead++ === 0 || now() - started <= window.overlapMs / 2;
			for (const record of page.records) {
				const at = window.timeOf(record)?.getTime() ?? -Infinity;
				const id = window.idOf(record);
				walked.add(id);
				const seen = latest.get(id);
				if (!seen || at >= seen.at) latest.set(id, { record, at });
				if (inBudget && Number.isFinite(at) && at > (reached ?? -Infinity)) reached = at;
			}
			total = page.total ?? total;
			// A page shorter than asked for while the total says more: a vendor that caps its pages
			// lower than the page size asked for; the next page still holds records.
			const short = page.total !== undefined && page.records.length > 0 && walked.size < page.total;
			if (!page.hasMore && !short) break;
		}
		if (total === undefined || latest.size >= total) {
			if (servedAt) {
				const quiet = servedAt.getTime() - window.overlapMs;
				if (reached === undefined || quiet > reached) reached = quiet;
			}
			return {
				records: [...latest.values()].map(({ record }) => record),
				complete: true,
				reached: reached === undefined ? undefined : new Date(reached),
			};
		}
	}
	return { records: [...latest.values()].map(({ record }) => record), complete: false };
}

/** How one change stream reads an unsorted window. */
export interface UnsortedStreamSpec extends Pick<ChangeStream, 'name' | 'reports' | 'fingerprint'> {
	window: UnsortedWindow;
	/**
	 * The change's time in this stream, when it is not the window's time (e.g. a state change
	 * inside a window of any change). It must never be later than the window time, so that the
	 * window from `since` holds every change at or after `since`.
	 */
	timeOf?(record: IDataObject): Date | undefined;
	/** This machine's clock, for the walk's duration and the newest windows (tests replace it). */
	now?: () => number;
}

/**
 * A change stream over an unsorted window, for the polling engine (pollChanges). The engine keeps
 * its cursor on the window's time; the stream lists the changes at or after `since` in its own time.
 * - A poll reads one window from the cursor minus the overlap: ceil(n / page) requests for the n
 *   records changed in it, at least one; more only when records moved while it was read. The
 *   cursor is the newest change time seen (the vendor's clock only), so while a burst is the
 *   newest change a quiet poll reads it again, until a change more than the overlap later.
 * - The newest change (first activation, Fetch Test Event) is found without a sort: windows of
 *   the last hour, day, week, month and year by this machine's clock, then all, until one holds a
 *   change. The newest change in a window `>= since` that holds one is the newest of all, so a
 *   vendor clock ahead or behind only costs a wider window.
 */
export function unsortedStream(spec: UnsortedStreamSpec): ChangeStream {
	const { window, now = Date.now } = spec;
	const timeOf = spec.timeOf ?? ((record: IDataObject) => window.timeOf(record));
	const reported = (record: IDataObject, since: Date | undefined) => {
		const at = timeOf(record);
		return !!at && (!since || at >= since) && (spec.reports?.(record) ?? true);
	};
	const byTime = (a: IDataObject, b: IDataObject) => timeOf(a)!.getTime() - timeOf(b)!.getTime();
	return {
		name: spec.name,
		timeOf,
		reports: spec.reports,
		fingerprint: spec.fingerprint,
		async fetchPage(since, pageIndex) {
			const { records, hasMore } = await window.fetchPage(since, pageIndex);
			return { records, hasMore };
		},
		async listWindow(since): Promise<StreamListing> {
			const read = await readWindow(window, since, now);
			// Only changes in this stream's time at or after the window start: an older one was
			// already listed by an earlier poll, whose window reached it.
			const records = read.records.filter((record) => {
				const at = timeOf(record);
				return !!at && (!since || at >= since);
			});
			records.sort(byTime);
			if (read.complete) return { records, reached: read.reached };
			// Incomplete: the cursor stays where it is, so the next poll reads this window again.
			return { records, unsettled: since ?? new Date(0) };
		},
		async fetchNewest(count) {
			for (const span of [...NEWEST_WINDOWS_MS, undefined]) {
				const since = span === undefined ? undefined : new Date(now() - span);
				const { records } = await readWindow(window, since, now);
				const changes = records.filter((record) => reported(record, since));
				if (changes.length || span === undefined) {
					return changes.sort(byTime).reverse().slice(0, count);
				}
			}
			return [];
		},
	};
}
