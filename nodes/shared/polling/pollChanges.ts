import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { digest } from '../digest';
import type { ChangeFeed, ChangeStream } from './changeFeed';
import { listStream, reportedChanges, type Change, type StreamListing } from './listStream';
import { unlessAlreadyPolling } from './overlappingPolls';
import { StreamMemory, readState, writeState, type PollState } from './pollState';

/** How many of a stream's newest records are looked through for its newest change. */
const NEWEST_CANDIDATES = 25;

/**
 * The polling engine every trigger of this package runs.
 * - A manual run ("Fetch test event") returns the newest change the event reports, read in full,
 *   and leaves the state alone.
 * - The first poll after activation, or after the trigger's configuration changed, emits nothing:
 *   it remembers what already exists and starts from the vendor's newest change.
 * - Later polls list every stream from its cursor minus an overlap, drop the changes already seen,
 *   read the rest in full in batches, and emit them oldest first. The version a poll emits is the
 *   version it remembers, even when the record changed between the list and the full read.
 * - State is written only after the whole poll succeeded, so a failed poll is simply repeated.
 * - A poll that starts while the previous poll of the same trigger still runs emits nothing.
 */
export async function pollChanges(
	context: IPollFunctions,
	feed: ChangeFeed,
): Promise<INodeExecutionData[][] | null> {
	const toOutput = (records: IDataObject[]) =>
		records.length ? [context.helpers.returnJsonArray(records)] : null;
	if (context.getMode() === 'manual') return toOutput(await newestChange(feed));
	return await unlessAlreadyPolling(
		context,
		async () => toOutput(await pollOnce(context.getWorkflowStaticData('node'), feed)),
		null,
	);
}

async function pollOnce(staticData: IDataObject, feed: ChangeFeed): Promise<IDataObject[]> {
	const configuration = digest(feed.configuration);
	const state = readState(staticData);
	if (state?.configuration !== configuration) {
		writeState(staticData, await startFromNewest(feed, configuration));
		return [];
	}

	const before = memories(feed, state);
	const after = memories(feed, state);
	const fresh = new Map<string, Change>();
	for (const stream of feed.streams) {
		const memory = after.get(stream)!;
		const listing = await listStream(stream, memory.cursor, feed);
		const changes = reportedChanges(stream, listing.records, feed);
		for (const change of changes) {
			if (!memory.has(change.at, change.id, stream.fingerprint?.(change.record)))
				fresh.set(change.id, later(fresh.get(change.id), change));
		}
		remember(memory, stream, listing, changes);
	}

	const emitted: IDataObject[] = [];
	for (const record of await readInFull(feed, [...fresh.values()])) {
		const versions = feed.streams.flatMap((stream) =>
			reportedChanges(stream, [record], feed).map((change) => ({ stream, change })),
		);
		// The version read is the one emitted and remembered. If an earlier poll already emitted
		// that very version, it is not news, whichever change listed it now.
		const seen = ({ stream, change }: (typeof versions)[number]) =>
			before.get(stream)!.has(change.at, change.id, stream.fingerprint?.(record));
		if (!versions.some(seen)) emitted.push(record);
		for (const { stream, change } of versions) {
			after.get(stream)!.add(change.at, change.id, stream.fingerprint?.(record));
		}
	}

	writeState(staticData, stateOf(feed, configuration, after));
	return emitted;
}

/** Starts from each stream's newest change, remembering what its overlap window already holds. */
async function startFromNewest(feed: ChangeFeed, configuration: string): Promise<PollState> {
	const started = new Map<ChangeStream, StreamMemory>();
	for (const stream of feed.streams) {
		const memory = new StreamMemory();
		const newest = await newestTime(stream);
		if (newest) {
			const listing = await listStream(stream, newest, feed);
			remember(memory, stream, listing, reportedChanges(stream, listing.records, feed));
			memory.advance(newest);
		}
		started.set(stream, memory);
	}
	return stateOf(feed, configuration, started);
}

/** The newest change the feed reports, read in full: the sample a manual run shows. */
async function newestChange(feed: ChangeFeed): Promise<IDataObject[]> {
	let newest: Change | undefined;
	for (const stream of feed.streams) {
		const candidates = await stream.fetchNewest(NEWEST_CANDIDATES);
		const [change] = reportedChanges(stream, candidates, feed);
		if (change) newest = later(newest, change);
	}
	return newest ? await readInFull(feed, [newest]) : [];
}

async function newestTime(stream: ChangeStream): Promise<Date | undefined> {
	for (const record of await stream.fetchNewest(NEWEST_CANDIDATES)) {
		const time = stream.timeOf(record);
		if (time) return time;
	}
	return undefined;
}

/** Reads changes in full and returns the records still there, in the order of the changes. */
async function readInFull(feed: ChangeFeed, changes: Change[]): Promise<IDataObject[]> {
	const ordered = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
	const records = ordered.map((change) => change.record);
	if (!feed.readFull || !records.length) return records;
	const byId = new Map((await feed.readFull(records)).map((record) => [feed.idOf(record), record]));
	return ordered.map((change) => byId.get(change.id)).filter((record) => record !== undefined);
}

/**
 * Remembers the changes listed and moves the cursor to the newest time listed (or to the time the
 * listing says it reached), but not past an instant the walk could not confirm it saw whole (see
 * listStream).
 */
function remember(
	memory: StreamMemory,
	stream: ChangeStream,
	listing: StreamListing,
	changes: Change[],
) {
	for (const change of changes) {
		memory.add(change.at, change.id, stream.fingerprint?.(change.record));
	}
	const times = listing.reached
		? [listing.reached]
		: listing.records.map((record) => stream.timeOf(record));
	for (const time of times) {
		if (time && !(listing.unsettled && time > listing.unsettled)) memory.advance(time);
	}
}

const later = (current: Change | undefined, candidate: Change) =>
	current && current.at >= candidate.at ? current : candidate;

function memories(feed: ChangeFeed, state: PollState) {
	return new Map(
		feed.streams.map((stream) => [stream, new StreamMemory(state.streams[stream.name])]),
	);
}

function stateOf(
	feed: ChangeFeed,
	configuration: string,
	memories: Map<ChangeStream, StreamMemory>,
): PollState {
	return {
		configuration,
		streams: Object.fromEntries(
			feed.streams.map((stream) => [stream.name, memories.get(stream)!.toState(feed)]),
		),
	};
}
