import type { IDataObject } from 'n8n-workflow';

import { pollWindowStart, type ChangeFeed } from './changeFeed';
import { decodeIds, encodeIds } from './idList';

/** One stream's state: its cursor, and the changes the next poll can still see again. */
export interface StreamState {
	/** The newest change time listed so far (ISO 8601); null while the stream was empty. */
	cursor: string | null;
	/** Change time (ISO 8601) → the IDs of the records changed at that time, see encodeIds. */
	seen: Record<string, string>;
	/**
	 * The fingerprints of the versions seen at the newest change time listed (`at`), by record ID:
	 * the one instant in which a record can still change again without its time changing.
	 */
	versions?: { at: string; fingerprints: Record<string, string> };
}

/** What a trigger keeps in workflow static data between polls: small JSON. */
export interface PollState {
	/** A digest of the configuration the state belongs to (see ChangeFeed.configuration). */
	configuration: string;
	streams: Record<string, StreamState>;
}

/**
 * The changes of one stream a trigger has listed or emitted, grouped by change time. A change is
 * known by its record ID and change time; the same record changed again is a new change.
 */
export class StreamMemory {
	private readonly byTime = new Map<string, Set<string>>();

	/** `<time> <id>` → the fingerprint of the version seen, where the feed gives fingerprints. */
	private readonly versions = new Map<string, string>();

	cursor: Date | undefined;

	constructor(state?: StreamState) {
		this.cursor = state?.cursor ? new Date(state.cursor) : undefined;
		for (const [time, ids] of Object.entries(state?.seen ?? {})) {
			this.byTime.set(time, new Set(decodeIds(ids)));
		}
		const { at, fingerprints = {} } = state?.versions ?? {};
		for (const [id, fingerprint] of Object.entries(fingerprints)) {
			this.versions.set(`${at} ${id}`, fingerprint);
		}
	}

	/**
	 * Whether this change was seen: the record at that time, in the same version where both
	 * fingerprints are known.
	 */
	has(at: Date, id: string, fingerprint?: string): boolean {
		const time = at.toISOString();
		if (!this.byTime.get(time)?.has(id)) return false;
		const seen = this.versions.get(`${time} ${id}`);
		return seen === undefined || fingerprint === undefined || seen === fingerprint;
	}

	add(at: Date, id: string, fingerprint?: string) {
		const time = at.toISOString();
		const ids = this.byTime.get(time) ?? new Set<string>();
		ids.add(id);
		this.byTime.set(time, ids);
		if (fingerprint !== undefined) this.versions.set(`${time} ${id}`, fingerprint);
	}

	/** Moves the cursor to `time` if that is later; it never moves back. */
	advance(time: Date) {
		if (!this.cursor || time > this.cursor) this.cursor = time;
	}

	/**
	 * The state to keep: every change at or after the window the next poll re-reads, and nothing
	 * older, since the next poll cannot list it again.
	 */
	toState(feed: Pick<ChangeFeed, 'overlapMs' | 'granularityMs'>): StreamState {
		const from = this.cursor ? pollWindowStart(this.cursor, feed).getTime() : -Infinity;
		const seen: Record<string, string> = {};
		for (const [time, ids] of [...this.byTime].sort(([a], [b]) => a.localeCompare(b))) {
			if (Date.parse(time) >= from) seen[time] = encodeIds(ids);
		}
		const cursor = this.cursor?.toISOString() ?? null;
		// The newest time listed, which may be past a cursor held back (see listStream).
		const newest = [...this.byTime.keys()].sort().pop();
		const fingerprints: Record<string, string> = {};
		for (const [key, fingerprint] of this.versions) {
			const [time, id] = key.split(' ');
			if (time === newest && Date.parse(time) >= from) fingerprints[id] = fingerprint;
		}
		return Object.keys(fingerprints).length
			? { cursor, seen, versions: { at: newest!, fingerprints } }
			: { cursor, seen };
	}
}

/** The trigger's state, or undefined when it has none yet (or only a form this version no longer reads). */
export function readState(staticData: IDataObject): PollState | undefined {
	const { configuration, streams } = staticData;
	if (typeof configuration !== 'string' || !streams || typeof streams !== 'object') {
		return undefined;
	}
	return { configuration, streams: streams as PollState['streams'] };
}

/** Replaces the trigger's state in its static data. */
export function writeState(staticData: IDataObject, state: PollState) {
	for (const key of Object.keys(staticData)) delete staticData[key];
	staticData.configuration = state.configuration;
	staticData.streams = state.streams as unknown as IDataObject;
}
