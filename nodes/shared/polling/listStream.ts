import type { IDataObject } from 'n8n-workflow';

import { floorTo } from '../dates';
import { pollWindowStart, type ChangeFeed, type ChangeStream } from './changeFeed';

/** A bound on pages per stream and poll, so that a feed which never ends cannot hold the poller. */
const MAX_PAGES_PER_POLL = 1000;

/** How often an instant paged by number is walked again before it is left for the next poll. */
const SETTLE_ATTEMPTS = 3;

type Feed = Pick<ChangeFeed, 'overlapMs' | 'granularityMs' | 'idOf' | 'readFull'>;

/** One change a stream reports: a record, and its time in that stream. */
export interface Change {
	id: string;
	at: Date;
	record: IDataObject;
}

/** What one walk of a stream found. */
export interface StreamListing {
	/** Every record listed, in the order listed. */
	records: IDataObject[];
	/**
	 * An instant the walk paged through by page number and could not confirm it saw whole: the
	 * cursor must not pass it, so that the next poll walks it again.
	 */
	unsettled?: Date;
	/**
	 * Where the cursor may move, when that is not the newest time listed: a window read unsorted
	 * knows up to which time it saw every change, which may differ from the times it lists.
	 */
	reached?: Date;
}

/**
 * Walks a stream from `cursor` minus the overlap to its end, moving the lower bound forward to the
 * last change time of each full page (keyset paging). Records changed while the walk is under way
 * move to the end of the stream, where the walk still reaches them, instead of shifting unseen
 * records onto pages already read. Only an instant with more records than a page holds is paged
 * by number; the stream's count of that instant then checks that none was shifted out of sight.
 */
export async function listStream(
	stream: ChangeStream,
	cursor: Date | undefined,
	feed: Feed,
): Promise<StreamListing> {
	if (stream.listWindow) return await stream.listWindow(cursor && pollWindowStart(cursor, feed));
	const records: IDataObject[] = [];
	const pagedByNumber: Date[] = [];
	let since = cursor && pollWindowStart(cursor, feed);
	let pageIndex = 0;
	for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
		const page = await stream.fetchPage(since, pageIndex);
		records.push(...page.records);
		const last = page.records[page.records.length - 1];
		const lastChange = last && stream.timeOf(last);
		if (!page.hasMore || !lastChange) break;

		const next = floorTo(lastChange, feed.granularityMs);
		if (!since || next > since) {
			since = next;
			pageIndex = 0;
		} else {
			if (pageIndex === 0) pagedByNumber.push(since);
			pageIndex++;
		}
	}
	let unsettled: Date | undefined;
	for (const instant of pagedByNumber) {
		if (!(await settle(stream, instant, records, feed))) unsettled ??= instant;
	}
	return { records, unsettled };
}

/**
 * Whether the walk saw every record the vendor has at `instant`, walking the instant again (it
 * holds fewer records each time one leaves it) until the counts agree or the attempts run out.
 */
async function settle(
	stream: ChangeStream,
	instant: Date,
	records: IDataObject[],
	feed: Feed,
): Promise<boolean> {
	if (!stream.countAt) return true;
	for (let attempt = 1; ; attempt++) {
		const held = await heldAt(stream, instant, records, feed);
		if ((await stream.countAt(instant)) <= held) return true;
		if (attempt === SETTLE_ATTEMPTS) return false;
		records.push(...(await walkInstant(stream, instant, feed)));
	}
}

const instantOf = (stream: ChangeStream, record: IDataObject, feed: Feed) => {
	const time = stream.timeOf(record);
	return time && floorTo(time, feed.granularityMs).getTime();
};

/**
 * How many of the records the walk last listed at `instant` are still there. Read in full where
 * the feed can, so that a record deleted (or changed away) since it was listed is not counted in
 * place of one the shifted pages hid.
 */
async function heldAt(stream: ChangeStream, instant: Date, records: IDataObject[], feed: Feed) {
	const latest = new Map<string, IDataObject>();
	for (const record of records) {
		const id = feed.idOf(record);
		const previous = latest.get(id);
		if (!previous || instantOf(stream, record, feed)! >= instantOf(stream, previous, feed)!) {
			latest.set(id, record);
		}
	}
	const listed = [...latest.values()].filter(
		(record) => instantOf(stream, record, feed) === instant.getTime(),
	);
	const current = feed.readFull ? await feed.readFull(listed) : listed;
	return current.filter((record) => instantOf(stream, record, feed) === instant.getTime()).length;
}

/** The records at `instant`, page by page from its first. */
async function walkInstant(stream: ChangeStream, instant: Date, feed: Feed) {
	const found: IDataObject[] = [];
	for (let pageIndex = 0; pageIndex < MAX_PAGES_PER_POLL; pageIndex++) {
		const page = await stream.fetchPage(instant, pageIndex);
		const atInstant = page.records.filter((record) => {
			const time = stream.timeOf(record);
			return time && floorTo(time, feed.granularityMs).getTime() === instant.getTime();
		});
		found.push(...atInstant);
		if (!page.hasMore || atInstant.length < page.records.length) return found;
	}
	return found;
}

/** The changes a stream reports among `records`: those with a time in it that the user asked for. */
export function reportedChanges(
	stream: ChangeStream,
	records: IDataObject[],
	feed: Pick<ChangeFeed, 'idOf'>,
): Change[] {
	const changes: Change[] = [];
	for (const record of records) {
		const at = stream.timeOf(record);
		if (at && (stream.reports?.(record) ?? true))
			changes.push({ id: feed.idOf(record), at, record });
	}
	return changes;
}
