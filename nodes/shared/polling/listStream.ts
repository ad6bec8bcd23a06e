import type { IDataObject } from 'n8n-workflow';

import { floorTo } from '../dates';
import { pollWindowStart, type ChangeFeed, type ChangeStream } from './changeFeed';

/** A bound on pages per stream and poll, so that a feed which never ends cannot hold the poller. */
const MAX_PAGES_PER_POLL = 1000;

/** One change a stream reports: a record, and its time in that stream. */
export interface Change {
	id: string;
	at: Date;
	record: IDataObject;
}

/**
 * Walks a stream from `cursor` minus the overlap to its end, moving the lower bound forward to the
 * last change time of each full page (keyset paging). Records changed while the walk is under way
 * move to the end of the stream, where the walk still reaches them, instead of shifting unseen
 * records onto pages already read. Returns every record listed, in the order listed.
 */
export async function listStream(
	stream: ChangeStream,
	cursor: Date | undefined,
	feed: Pick<ChangeFeed, 'overlapMs' | 'granularityMs'>,
): Promise<IDataObject[]> {
	const listed: IDataObject[] = [];
	let since = cursor && pollWindowStart(cursor, feed);
	let pageIndex = 0;
	for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
		const page = await stream.fetchPage(since, pageIndex);
		listed.push(...page.records);
		const last = page.records[page.records.length - 1];
		const lastChange = last && stream.timeOf(last);
		if (!page.hasMore || !lastChange) break;

		const next = floorTo(lastChange, feed.granularityMs);
		if (!since || next > since) {
			since = next;
			pageIndex = 0;
		} else {
			pageIndex++;
		}
	}
	return listed;
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
