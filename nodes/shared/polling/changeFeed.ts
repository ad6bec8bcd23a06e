import type { IDataObject } from 'n8n-workflow';

import { floorTo } from '../dates';

/** One page of a change feed, oldest change first. */
export interface ChangePage {
	records: IDataObject[];
	hasMore: boolean;
}

/**
 * What a trigger tells the polling engine about a vendor's records. The engine only ever compares
 * the vendor's own timestamps with each other, never with this machine's clock, so it stays correct
 * whatever time zone or clock the vendor stamps records with.
 */
export interface ChangeFeed {
	/** The precision of the vendor's change times and filters, e.g. 60 000 for whole minutes. */
	granularityMs: number;
	/** How far back each poll looks again, to catch records stamped late or coarsely. */
	overlapMs: number;
	/** Fetches page `pageIndex` of the records changed at or after `since` (all when undefined). */
	fetchPage(since: Date | undefined, pageIndex: number): Promise<ChangePage>;
	/** The most recently changed record, if any. */
	fetchNewest(): Promise<IDataObject | undefined>;
	/**
	 * When the vendor says the record last changed in the sense of this feed; undefined where the
	 * vendor keeps no such time, which makes every poll read the whole feed (see advanceState).
	 */
	changedAt(record: IDataObject): Date | undefined;
	/** Names one change of one record: the same value means the same event. */
	changeKey(record: IDataObject): string;
	/** Whether a change is one the user asked for (e.g. an update rather than a creation). */
	isWanted?(record: IDataObject): boolean;
	/** Turns changed records into the records to emit, e.g. by fetching them in full. */
	complete?(records: IDataObject[]): Promise<IDataObject[]>;
}

/** What a trigger keeps in workflow static data between polls: small, bounded JSON. */
export interface PollState {
	/** The newest change time seen, as the vendor stamped it (ISO 8601). Null: nothing seen yet. */
	cursor: string | null;
	/**
	 * Changes already emitted or already there on activation, by change key, with their time
	 * (empty for records the vendor gives no change time).
	 */
	seen: Record<string, string>;
}

/** Where a poll starts reading: the overlap before the cursor, at the vendor's precision. */
export function pollWindowStart(
	cursor: Date,
	feed: Pick<ChangeFeed, 'overlapMs' | 'granularityMs'>,
): Date {
	return floorTo(new Date(cursor.getTime() - feed.overlapMs), feed.granularityMs);
}

/** The most change keys kept; the overlap window normally holds far fewer. */
export const MAX_SEEN_CHANGES = 2000;

/**
 * The state after a successful poll that fetched `records`.
 * - Records with a change time move the cursor to the newest of them; only the changes inside the
 *   overlap window behind it stay remembered, since the next poll re-reads only that far back.
 * - Records without one (a vendor with no modified time, whose feed is then a full snapshot every
 *   poll and whose change key is a fingerprint of the record) are remembered exactly as this
 *   snapshot has them, so a record is news again only when its fingerprint changes.
 */
export function advanceState(
	state: PollState,
	records: IDataObject[],
	feed: Pick<ChangeFeed, 'changedAt' | 'changeKey' | 'overlapMs' | 'granularityMs'>,
): PollState {
	const timed: Record<string, string> = {};
	const snapshot: Record<string, string> = {};
	let newest = state.cursor === null ? undefined : new Date(state.cursor);
	for (const [key, time] of Object.entries(state.seen)) if (time) timed[key] = time;
	for (const record of records) {
		const changedAt = feed.changedAt(record);
		if (!changedAt) {
			snapshot[feed.changeKey(record)] = '';
			continue;
		}
		timed[feed.changeKey(record)] = changedAt.toISOString();
		if (!newest || changedAt > newest) newest = changedAt;
	}
	if (!newest) return { cursor: null, seen: { ...timed, ...snapshot } };

	// The next poll asks again from here (see pollWindowStart), so these changes must stay known.
	const windowStart = pollWindowStart(newest, feed).getTime();
	const kept = Object.entries(timed)
		.filter(([, time]) => Date.parse(time) >= windowStart)
		.sort(([, a], [, b]) => Date.parse(b) - Date.parse(a))
		.slice(0, MAX_SEEN_CHANGES);
	return { cursor: newest.toISOString(), seen: { ...Object.fromEntries(kept), ...snapshot } };
}
