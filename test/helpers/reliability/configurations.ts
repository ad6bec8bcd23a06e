import type { ChangeLog, ChangeLogCheck } from './changeLog';

/**
 * The checks of a run whose trigger was set up anew along the way. Each configuration reports its
 * own changes, from the poll it took over at: the run checks what the trigger emitted under one
 * configuration against the changes made under it, then starts the log afresh (ChangeLog.reset).
 */
export class ConfigurationChecks {
	private readonly checks: ChangeLogCheck[] = [];

	/** Checks the pairs emitted under the configuration that ends now, and forgets its changes. */
	close(log: ChangeLog, emitted: ReadonlyArray<{ id: string; version: string }>) {
		this.checks.push(log.check(emitted));
		log.reset();
	}

	/** How many configurations were checked. */
	get count() {
		return this.checks.length;
	}

	/** The checks summed over every configuration (records touched under two count twice). */
	total(): ChangeLogCheck {
		const sum = (pick: (check: ChangeLogCheck) => number) =>
			this.checks.reduce((total, check) => total + pick(check), 0);
		const all = (pick: (check: ChangeLogCheck) => string[]) => this.checks.flatMap(pick);
		return {
			changes: sum((check) => check.changes),
			records: sum((check) => check.records),
			emitted: sum((check) => check.emitted),
			superseded: sum((check) => check.superseded),
			missed: all((check) => check.missed),
			duplicates: all((check) => check.duplicates),
			unknown: all((check) => check.unknown),
			outOfOrder: all((check) => check.outOfOrder),
		};
	}
}
