import type { IPollFunctions } from 'n8n-workflow';

/**
 * The polls under way in this process, by trigger, with the time each started. n8n starts a poll
 * on every tick of the trigger's schedule even while the previous poll of the same trigger still
 * runs; both would read the same cursor and emit the same changes.
 */
const pollsUnderWay = new Map<string, { startedAt: number }>();

/**
 * How long a poll may hold its trigger: past this, it is taken to be stuck (its requests have long
 * timed out) and a new poll may start.
 */
const STUCK_AFTER_MS = 30 * 60_000;

const triggerKey = (context: IPollFunctions) => {
	const node = context.getNode();
	return `${String(context.getWorkflow().id)}/${node.id || node.name}`;
};

/**
 * Runs `poll` unless a poll of the same trigger is already under way in this process; then the new
 * poll emits nothing and changes nothing, and the one under way delivers the changes.
 */
export async function unlessAlreadyPolling<T>(
	context: IPollFunctions,
	poll: () => Promise<T>,
	skipped: T,
	now = Date.now,
): Promise<T> {
	const key = triggerKey(context);
	const underWay = pollsUnderWay.get(key);
	if (underWay && now() - underWay.startedAt < STUCK_AFTER_MS) return skipped;
	const mine = { startedAt: now() };
	pollsUnderWay.set(key, mine);
	try {
		return await poll();
	} finally {
		if (pollsUnderWay.get(key) === mine) pollsUnderWay.delete(key);
	}
}
