/** What happened during a simulation run, to prove that every scenario was met. */
export class RunCounters {
	polls = 0;
	failedPolls = 0;
	overlappingPolls = 0;
	reconfigurations = 0;
	restarts = 0;
	changesWhilePaging = 0;
	bursts = 0;
	/** Polls that walked a window WALK_ATTEMPTS times, as it kept growing while read. */
	busyWindows = 0;
	/** Polls whose later pages came more than half the overlap after the first (machine clock). */
	slowPolls = 0;
	/** List requests the trigger sent, retries included. */
	requests = 0;
	maxStateChars = 0;
	minSkewMs = 0;
	maxSkewMs = 0;
}
