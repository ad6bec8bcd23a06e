/**
 * The server's ground truth for a trigger run: every change the vendor made, in order, as
 * (record ID, version) pairs. A run's emitted pairs are checked against it:
 * - no pair emitted twice, and none that the server never had;
 * - every change covered: its version, or a newer version of the same record, was emitted (changes
 *   a newer one overwrote before any poll could read them are "superseded", and counted);
 * - a record's versions emitted oldest first.
 */
export interface ChangeLogCheck {
	/** Changes the server made while the trigger watched. */
	changes: number;
	/** Records those changes touched. */
	records: number;
	/** (id, version) pairs the trigger emitted. */
	emitted: number;
	/** Changes overwritten by a newer version of the same record before a poll emitted them. */
	superseded: number;
	/** Changes with no emitted version as new or newer: must be empty. */
	missed: string[];
	/** Pairs emitted more than once: must be empty. */
	duplicates: string[];
	/** Pairs emitted that the server never had: must be empty. */
	unknown: string[];
	/** Pairs emitted after a newer version of the same record: must be empty. */
	outOfOrder: string[];
}

const pair = (id: string, version: string) => `${id} @ ${version}`;

export class ChangeLog {
	/** Each record's versions, oldest first. */
	private readonly versions = new Map<string, string[]>();
	private changes = 0;

	/** Logs a change the server made: `version` is how the record reads after it. */
	record(id: string, version: string) {
		const versions = this.versions.get(id) ?? [];
		if (versions.at(-1) === version) return;
		versions.push(version);
		this.versions.set(id, versions);
		this.changes++;
	}

	/**
	 * Forgets every change so far: the trigger was set up anew (its event or filters edited), and
	 * reports only what changes from here on.
	 */
	reset() {
		this.versions.clear();
		this.changes = 0;
	}

	get size() {
		return this.changes;
	}

	/** Checks the pairs a trigger emitted, in the order it emitted them, against the log. */
	check(emitted: ReadonlyArray<{ id: string; version: string }>): ChangeLogCheck {
		const seen = new Set<string>();
		const duplicates: string[] = [];
		const unknown: string[] = [];
		const outOfOrder: string[] = [];
		const newestEmitted = new Map<string, number>();
		for (const { id, version } of emitted) {
			const key = pair(id, version);
			if (seen.has(key)) duplicates.push(key);
			seen.add(key);
			const index = this.versions.get(id)?.indexOf(version) ?? -1;
			if (index < 0) {
				unknown.push(key);
				continue;
			}
			if (index < (newestEmitted.get(id) ?? -1)) outOfOrder.push(key);
			newestEmitted.set(id, Math.max(index, newestEmitted.get(id) ?? -1));
		}
		const missed: string[] = [];
		let superseded = 0;
		for (const [id, versions] of this.versions) {
			const newest = newestEmitted.get(id) ?? -1;
			versions.forEach((version, index) => {
				if (index > newest) missed.push(pair(id, version));
				else if (!seen.has(pair(id, version))) superseded++;
			});
		}
		return {
			changes: this.changes,
			records: this.versions.size,
			emitted: emitted.length,
			superseded,
			missed,
			duplicates,
			unknown,
			outOfOrder,
		};
	}
}
