import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { floorTo } from '../dates';
import { advanceState, pollWindowStart, type ChangeFeed, type PollState } from './changeFeed';

/** A bound on pages per poll, so that a feed which never ends cannot hold the poller forever. */
const MAX_PAGES_PER_POLL = 1000;

/**
 * The polling engine every trigger of this package runs.
 * - Manual runs ("Fetch test event") return the newest record as a sample and leave state alone.
 * - The first poll after activation emits nothing: it remembers what already exists and starts from
 *   the vendor's newest change time.
 * - Later polls fetch everything changed since the cursor minus an overlap, drop changes already
 *   seen, and emit the rest oldest first.
 * - State is written only after the whole poll succeeded, so a failed poll is simply repeated.
 */
export async function pollChanges(
	context: IPollFunctions,
	feed: ChangeFeed,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') {
		const newest = await feed.fetchNewest();
		if (!newest) return null;
		return [context.helpers.returnJsonArray(await completeRecords(feed, [newest]))];
	}

	const staticData = context.getWorkflowStaticData('node');
	const state = readState(staticData);
	if (state === undefined) {
		const newest = await feed.fetchNewest();
		const start: PollState = { cursor: null, seen: {} };
		const existing = newest ? await fetchChangedSince(feed, feed.changedAt(newest)) : [];
		writeState(staticData, advanceState(start, existing, feed));
		return null;
	}

	const changed = await fetchChangedSince(feed, state.cursor ? new Date(state.cursor) : undefined);
	const fresh = changed.filter(
		(record) => !(feed.changeKey(record) in state.seen) && (feed.isWanted?.(record) ?? true),
	);
	const emitted = await completeRecords(feed, fresh);
	writeState(staticData, advanceState(state, changed, feed));
	return emitted.length ? [context.helpers.returnJsonArray(emitted)] : null;
}

/**
 * Walks the feed from `from` minus the overlap to its end, moving the lower bound forward to the
 * last change time of each full page (keyset paging). Records changed while the walk is under way
 * move to the end of the feed, where the walk still reaches them, instead of shifting unseen
 * records onto pages already read.
 */
async function fetchChangedSince(feed: ChangeFeed, from: Date | undefined) {
	const byKey = new Map<string, IDataObject>();
	let since = from && pollWindowStart(from, feed);
	let pageIndex = 0;
	for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
		const page = await feed.fetchPage(since, pageIndex);
		for (const record of page.records) byKey.set(feed.changeKey(record), record);
		const last = page.records[page.records.length - 1];
		const lastChange = last && feed.changedAt(last);
		if (!page.hasMore || !lastChange) break;

		const next = floorTo(lastChange, feed.granularityMs);
		if (!since || next > since) {
			since = next;
			pageIndex = 0;
		} else {
			pageIndex++;
		}
	}
	return [...byKey.values()].sort(
		(a, b) => (feed.changedAt(a)?.getTime() ?? 0) - (feed.changedAt(b)?.getTime() ?? 0),
	);
}

async function completeRecords(feed: ChangeFeed, records: IDataObject[]) {
	if (!records.length || !feed.complete) return records;
	return await feed.complete(records);
}

function readState(staticData: IDataObject): PollState | undefined {
	if (typeof staticData.seen !== 'object' || staticData.seen === null) return undefined;
	return {
		cursor: typeof staticData.cursor === 'string' ? staticData.cursor : null,
		seen: staticData.seen as Record<string, string>,
	};
}

function writeState(staticData: IDataObject, state: PollState) {
	staticData.cursor = state.cursor;
	staticData.seen = state.seen;
}
