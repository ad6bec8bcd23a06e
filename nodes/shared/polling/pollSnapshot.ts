import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { digest } from '../digest';
import { inputError } from '../inputError';
import { unlessAlreadyPolling } from './overlappingPolls';
import type { SnapshotFeed } from './snapshotFeed';
import {
	decodeSnapshot,
	readSnapshotState,
	storedFingerprint,
	writeSnapshotState,
	type CreationMark,
	type Snapshot,
	type SnapshotState,
} from './snapshotState';

/** A bound on pages per poll, so that a feed which never ends cannot hold the poller. */
const MAX_PAGES_PER_POLL = 1000;

/** The most records a snapshot holds: its state stays under about 200 KB. */
export const MAX_SNAPSHOT_RECORDS = 25_000;

/**
 * The polling engine for feeds without change times (see SnapshotFeed).
 * - Every poll reads every page of the scope and compares each record's fingerprint with the
 *   previous poll's; a record not in the previous snapshot and created since that poll is new, any
 *   other record whose fingerprint changed or that moved into the scope changed. The feed decides
 *   which of those the user asked for.
 * - "Since that poll" is by the vendor's own clock, the one that stamps creation times: after the
 *   time (whole second) its server dated its answer to that poll's first page (`servedAt`, the
 *   HTTP `Date`). A record created out of scope after the newest one in scope, and moved in polls
 *   later, is thus told from a new one. If the vendor does not date its answers, the newest
 *   creation the snapshot has seen decides: a later creation time, or the same time and a later
 *   ID, is new.
 * - The first poll after activation or after a change of configuration emits nothing.
 * - A read that came short of the total the vendor announced, during which that total changed
 *   (records moved between pages while they were read), or that saw a record created after its
 *   first page was served, keeps the last fingerprint of every record it did not see, the
 *   previous newest creation and the previous poll time, so nothing it missed is forgotten,
 *   reported twice, or taken for a record that moved into scope. The first poll
 *   builds its snapshot only from such a complete read (until then it emits nothing and keeps no
 *   state).
 * - A manual run returns the newest record in scope; overlapping polls emit nothing.
 */
export async function pollSnapshot(
	context: IPollFunctions,
	feed: SnapshotFeed,
): Promise<INodeExecutionData[][] | null> {
	const toOutput = (records: IDataObject[]) =>
		records.length ? [context.helpers.returnJsonArray(records)] : null;
	if (context.getMode() === 'manual') {
		const { records } = await readScope(context, feed);
		const newest = newestMark(feed, records, null);
		return toOutput(records.filter((record) => newest && feed.idOf(record) === newest.id));
	}
	return await unlessAlreadyPolling(
		context,
		async () => toOutput(await pollOnce(context, feed)),
		null,
	);
}

async function pollOnce(context: IPollFunctions, feed: SnapshotFeed): Promise<IDataObject[]> {
	const staticData = context.getWorkflowStaticData('node');
	const configuration = digest(feed.configuration);
	const state = readSnapshotState(staticData);
	const { records, complete, servedAt } = await readScope(context, feed);
	const polledAt = servedAt?.toISOString() ?? null;
	const current: Snapshot = new Map(
		records.map((record) => [feed.idOf(record), storedFingerprint(feed.fingerprint(record))]),
	);
	if (state?.configuration !== configuration) {
		// A record missed now would later look like one that moved into scope: build on a full read.
		if (complete) {
			const newest = newestMark(feed, records, null);
			writeSnapshotState(staticData, configuration, current, newest, polledAt);
		}
		return [];
	}

	const previous = decodeSnapshot(state);
	const emitted: IDataObject[] = [];
	for (const record of records) {
		const id = feed.idOf(record);
		const change = {
			previous: previous.get(id),
			current: current.get(id)!,
			isNew: !previous.has(id) && createdSince(feed, record, state),
		};
		if (change.previous === change.current) continue;
		if (feed.reports(record, change)) emitted.push(record);
	}
	if (!complete) {
		for (const [id, fingerprint] of previous) if (!current.has(id)) current.set(id, fingerprint);
	}
	// After a short read the mark and the poll time stay: a record created before a newer one this
	// read saw, or after the previous poll, but missed by this read, is still new to the next poll.
	if (complete) {
		const newest = newestMark(feed, records, state.newest);
		writeSnapshotState(staticData, configuration, current, newest, polledAt);
	} else {
		writeSnapshotState(staticData, configuration, current, state.newest, state.polledAt);
	}
	return emitted;
}

/**
 * Every record in scope, each once, and whether the read is complete: as many records as the
 * vendor's total, which no page changed (a record created, deleted or moved out of scope while the
 * pages were read shifts the others across page boundaries, and can hide a missed one in the count),
 * and none created after the first page was served (one deleted on a page already read and one
 * created on a page still to come leave the count as it was, yet the deletion slid a record past
 * the walk unseen). A record that moves into a filtered scope while another leaves it is not caught
 * this way: it carries no sign of the move.
 */
async function readScope(context: IPollFunctions, feed: SnapshotFeed) {
	const byId = new Map<string, IDataObject>();
	let servedAt: Date | undefined;
	let total: number | undefined;
	let totalChanged = false;
	for (let pageIndex = 0; pageIndex < MAX_PAGES_PER_POLL; pageIndex++) {
		const page = await feed.fetchPage(pageIndex);
		if (pageIndex === 0) servedAt = page.servedAt;
		total ??= page.total;
		if (page.total !== undefined && page.total !== total) totalChanged = true;
		for (const record of page.records) byId.set(feed.idOf(record), record);
		if (byId.size > MAX_SNAPSHOT_RECORDS) {
			throw inputError(
				context,
				`The trigger watches more than ${MAX_SNAPSHOT_RECORDS.toLocaleString('en-US')} records`,
				{ description: 'Narrow it with its filters, so that each poll can compare every record.' },
			);
		}
		if (!page.hasMore || page.records.length === 0) break;
	}
	const records = [...byId.values()];
	const createdWhileRead =
		servedAt !== undefined && records.some((record) => createdAfter(feed, record, servedAt));
	const complete =
		!totalChanged && !createdWhileRead && (total === undefined || byId.size >= total);
	return { records, complete, servedAt };
}

const compareIds = (a: string, b: string) =>
	/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a.localeCompare(b);

/**
 * Whether the record (absent from the previous snapshot) was created since the previous poll.
 *
 * With the server's time of that poll (`polledAt`): created after it. An HTTP date has whole
 * seconds (the server's time cut down to its second D), creation times finer ones (ONLYOFFICE
 * writes seven fraction digits), so the previous poll's first page was served at some instant S
 * in [D, D + 1 s). A record stamped exactly D was created no later than S: it existed when that
 * poll read, so it moved into scope (`>`, not `>=`). One stamped later in that second may have
 * been created before S or after: it counts as new. A record created out of scope in that fraction
 * of a second before S and moved in later is then reported created; counting it as moved in would
 * instead lose every record created in scope in the rest of that second (never reported created).
 * (Were a vendor's creation times whole seconds too, a record created in the poll's second after
 * its page was served would be taken for one that moved in: `>` assumes finer creation times.)
 *
 * Without it (a vendor whose answers carry no Date header), created after the newest creation
 * the snapshot has seen.
 */
function createdSince(
	feed: SnapshotFeed,
	record: IDataObject,
	{ polledAt, newest }: Pick<SnapshotState, 'polledAt' | 'newest'>,
) {
	if (polledAt === null) return createdAfterMark(feed, record, newest);
	return createdAfter(feed, record, new Date(polledAt));
}

/** Whether the record was created after the time. */
function createdAfter(feed: SnapshotFeed, record: IDataObject, time: Date) {
	const created = feed.createdAt(record)?.getTime();
	return created !== undefined && created > time.getTime();
}

/** Whether the record was created after the mark: a later time, or the same time and a later ID. */
function createdAfterMark(feed: SnapshotFeed, record: IDataObject, mark: CreationMark | null) {
	if (!mark) return true;
	const created = feed.createdAt(record)?.getTime();
	if (created === undefined) return false;
	const markedAt = Date.parse(mark.at);
	return created > markedAt || (created === markedAt && compareIds(feed.idOf(record), mark.id) > 0);
}

/** The newest creation among the records and the previous mark. */
function newestMark(
	feed: SnapshotFeed,
	records: IDataObject[],
	mark: CreationMark | null,
): CreationMark | null {
	let newest = mark;
	for (const record of records) {
		const created = feed.createdAt(record);
		if (created && createdAfterMark(feed, record, newest)) {
			newest = { at: created.toISOString(), id: feed.idOf(record) };
		}
	}
	return newest;
}
