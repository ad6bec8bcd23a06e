import type { IDataObject } from 'n8n-workflow';

import { decodeIds, encodeIds } from './idList';

/** The newest creation a snapshot has seen: its time and record ID. */
export interface CreationMark {
	at: string;
	id: string;
}

/**
 * A snapshot trigger's state: the record IDs in scope and one fixed-width fingerprint each, in the
 * order of the IDs, plus the newest creation seen and the server's time of the last complete poll.
 * About 6 bytes per record in scope.
 */
export interface SnapshotState {
	configuration: string;
	ids: string;
	fingerprints: string;
	newest: CreationMark | null;
	/**
	 * When the vendor's server answered the first page of the last complete poll (ISO), by its own
	 * clock; null if its answers carry no date (the state then has no `polledAt` key at all).
	 */
	polledAt: string | null;
}

/** The width every fingerprint is cut or padded to in the state. */
export const FINGERPRINT_WIDTH = 6;

/** Record ID → fingerprint, as the state stores it. */
export type Snapshot = Map<string, string>;

export function readSnapshotState(staticData: IDataObject): SnapshotState | undefined {
	const { configuration, ids, fingerprints } = staticData;
	if (typeof configuration !== 'string' || typeof ids !== 'string') return undefined;
	if (typeof fingerprints !== 'string') return undefined;
	const polledAt = typeof staticData.polledAt === 'string' ? staticData.polledAt : null;
	return {
		configuration,
		ids,
		fingerprints,
		newest: (staticData.newest as CreationMark) ?? null,
		polledAt,
	};
}

export function decodeSnapshot(state: SnapshotState): Snapshot {
	const ids = decodeIds(state.ids);
	return new Map(
		ids.map((id, index) => [
			id,
			state.fingerprints.slice(index * FINGERPRINT_WIDTH, (index + 1) * FINGERPRINT_WIDTH),
		]),
	);
}

const fixedWidth = (fingerprint: string) =>
	fingerprint.slice(0, FINGERPRINT_WIDTH).padEnd(FINGERPRINT_WIDTH, '_');

/** Writes the snapshot, mark and poll time in place of the trigger's state. */
export function writeSnapshotState(
	staticData: IDataObject,
	configuration: string,
	snapshot: Snapshot,
	newest: CreationMark | null,
	polledAt: string | null,
) {
	const ids = encodeIds(snapshot.keys());
	const fingerprints = decodeIds(ids)
		.map((id) => fixedWidth(snapshot.get(id)!))
		.join('');
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, { configuration, ids, fingerprints, newest });
	if (polledAt !== null) staticData.polledAt = polledAt;
}

/** A fingerprint as the state keeps it, for comparing a fresh one with a stored one. */
export const storedFingerprint = fixedWidth;
