import type { ChangeLogCheck } from './changeLog';
import { recordFigures } from './figures';

/** What a trigger simulation counts besides its change-log check. */
export interface SimulationCounts {
	polls: number;
	failedPolls: number;
	overlappingPolls: number;
	reconfigurations: number;
	restarts: number;
	/** The largest the trigger's static data grew, as JSON characters. */
	maxStateChars: number;
	/** Requests the trigger sent to the vendor. */
	requests: number;
	/** Since the run started, from performance.now(). */
	startedAt: number;
}

/** Records one row of the 'trigger simulation' table: the run's counts and its check. */
export function recordSimulation(
	vendor: string,
	seed: number,
	check: ChangeLogCheck,
	{ startedAt, ...counts }: SimulationCounts,
) {
	recordFigures('trigger simulation', {
		vendor,
		seed,
		polls: counts.polls,
		changes: check.changes,
		records: check.records,
		emitted: check.emitted,
		superseded: check.superseded,
		missed: check.missed.length,
		duplicates: check.duplicates.length,
		failedPolls: counts.failedPolls,
		overlappingPolls: counts.overlappingPolls,
		reconfigurations: counts.reconfigurations,
		restarts: counts.restarts,
		maxStateChars: counts.maxStateChars,
		requests: counts.requests,
		seconds: Math.round((performance.now() - startedAt) / 100) / 10,
	});
}
