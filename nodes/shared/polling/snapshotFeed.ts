import type { IDataObject } from 'n8n-workflow';

import type { ListPage } from '../transport/paging';

/** A page of the feed, and when the vendor's server answered it, by its own clock. */
export interface SnapshotPage extends ListPage {
	/**
	 * The server's time of the answer (its HTTP `Date` header), on the clock that stamps the
	 * records' creation times. The first page's tells the next poll which records are new.
	 */
	servedAt?: Date;
}

/**
 * A vendor's records without change times (ONLYOFFICE tasks have none): a poll lists every record
 * in the trigger's scope and compares each with the previous poll's snapshot of it.
 */
export interface SnapshotFeed {
	/**
	 * Page `pageIndex` (from 0) of every record in scope, in a stable order; `total` if known, and
	 * `servedAt` if the vendor dates its answers.
	 */
	fetchPage(pageIndex: number): Promise<SnapshotPage>;
	/** The record's ID, as text. */
	idOf(record: IDataObject): string;
	/**
	 * A short fingerprint of what a user would call a change of the record, e.g. a hash of its
	 * fields with a first character for its open or closed state. It is all the snapshot keeps.
	 */
	fingerprint(record: IDataObject): string;
	/**
	 * When the record was created: compared with the previous poll's `servedAt` (or, without one,
	 * with the newest creation seen, then the ID), what tells a new record from one that moved into
	 * scope.
	 */
	createdAt(record: IDataObject): Date | undefined;
	/** Whether the record's change is one the user asked for, see SnapshotChange. */
	reports(record: IDataObject, change: SnapshotChange): boolean;
	/** Everything the feed's answers depend on; when it changes, the trigger starts afresh. */
	configuration: IDataObject;
}

/** How a record differs from the last snapshot. Fingerprints are compared as the state keeps them. */
export interface SnapshotChange {
	/** Its fingerprint in the last snapshot; absent for a record new to the scope. */
	previous?: string;
	/** Its fingerprint now. */
	current: string;
	/**
	 * Whether it was created since the last poll: after the server's time (HTTP date, whole seconds)
	 * of that poll's first page, or (if the vendor does not date its answers) after the newest
	 * creation it saw.
	 */
	isNew: boolean;
}
