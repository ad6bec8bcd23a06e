import type { IDataObject } from 'n8n-workflow';

import { floorTo } from '../dates';
import type { StreamListing } from './listStream';

/** One page of a change stream, oldest change first. */
export interface ChangePage {
	records: IDataObject[];
	hasMore: boolean;
}

/**
 * The vendor's records in the order of one change time, e.g. by UpdatedOn. A trigger reads one
 * stream per kind of change it reports; the engine keeps a cursor and a memory per stream.
 */
export interface ChangeStream {
	/** Names the stream in the trigger's state, e.g. `UpdatedOn`. */
	name: string;
	/** Page `pageIndex` of the records whose time is at or after `since` (all when undefined). */
	fetchPage(since: Date | undefined, pageIndex: number): Promise<ChangePage>;
	/** Up to `count` records, newest first. */
	fetchNewest(count: number): Promise<IDataObject[]>;
	/** The record's time in this stream, as the vendor stamped it; what fetchPage sorts on. */
	timeOf(record: IDataObject): Date | undefined;
	/**
	 * Whether the record's time in this stream is a change the user asked for (e.g. an update rather
	 * than a creation, or a creation another stream does not see). All records count when absent.
	 */
	reports?(record: IDataObject): boolean;
	/**
	 * How many records the vendor has at exactly `time`, at its precision. It lets the engine check
	 * a walk that had to page through one instant by page number (more records at one time than a
	 * page holds): a record that changes during such a walk leaves the instant and shifts the pages,
	 * which can hide another one. Without it, such walks are not checked.
	 */
	countAt?(time: Date): Promise<number>;
	/**
	 * A short fingerprint of a record's version, for a stream of last-change times that are coarse:
	 * a record changed again within the very instant an earlier poll saw it at keeps its time, and
	 * only the fingerprint tells the two versions apart. Not for creation times, which never move.
	 */
	fingerprint?(record: IDataObject): string;
	/**
	 * For a vendor that cannot sort by the stream's time: reads the whole window from `since` (all
	 * when undefined) itself, in whatever order the vendor lists it, instead of the engine's keyset
	 * walk over fetchPage (see unsortedWindow.ts).
	 */
	listWindow?(since: Date | undefined): Promise<StreamListing>;
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
	streams: ChangeStream[];
	/** The record's ID, as text. */
	idOf(record: IDataObject): string;

	/**
	 * Reads changed records in full, in as few requests as the vendor allows. A record missing from
	 * the answer no longer exists and is not reported. Without it, listed records are emitted as listed.
	 */
	readFull?(records: IDataObject[]): Promise<IDataObject[]>;
	/**
	 * Everything the feed's answers depend on (resource, event, filters, account). When it changes,
	 * the trigger starts again from the vendor's newest change, as on first activation.
	 */
	configuration: IDataObject;
}

/** Where a poll starts reading a stream: the overlap before its cursor, at the vendor's precision. */
export function pollWindowStart(
	cursor: Date,
	feed: Pick<ChangeFeed, 'overlapMs' | 'granularityMs'>,
): Date {
	return floorTo(new Date(cursor.getTime() - feed.overlapMs), feed.granularityMs);
}
