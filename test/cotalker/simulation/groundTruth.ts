import type { IDataObject } from 'n8n-workflow';

import { movedState, SAME_CHANGE_MS } from '../../../nodes/Cotalker/trigger/events';
import { ChangeLog } from '../../helpers/reliability/changeLog';
import type { ConfigurationChecks } from '../../helpers/reliability/configurations';
import type { CotalkerForTrigger } from '../trigger-sandbox';

/** The trigger's settings the simulation switches between: an event and its task groups. */
export interface WatchedChanges {
	event: 'anyChange' | 'created' | 'stateChanged';
	groups: string[];
}

/**
 * The change of `task` that `event` reports, as a version that names it exactly, or undefined
 * when the event reports no change of this task. Each follows the trigger's documented semantics:
 * - Any Change: every state of the task Cotalker held; the whole task as JSON, so an item maps
 *   to exactly one of them (a newer one emitted covers those a poll never saw).
 * - Created: the creation, once, whatever the task looks like when emitted: its createdAt.
 * - State Changed: each move to another state, named by the state and its modifiedStateAt; a
 *   state stamped within a second of the creation (SAME_CHANGE_MS) is the first state, no move.
 */
export function versionOf(event: WatchedChanges['event'], task: IDataObject): string | undefined {
	if (event === 'created') return `created ${String(task.createdAt)}`;
	if (event === 'stateChanged') {
		return movedState(task)
			? `moved to ${String(task.smState)} at ${String(task.modifiedStateAt)}`
			: undefined;
	}
	return JSON.stringify(task);
}

/** An emitted item as the (id, version) pair the change log checks. */
export const emittedPair = (watched: WatchedChanges, item: IDataObject) => ({
	id: String(item._id),
	version: versionOf(watched.event, item) ?? `not a change: ${JSON.stringify(item)}`,
});

/**
 * The ground truth of the trigger's current configuration: every change the simulation made
 * through Cotalker (CotalkerForTrigger logs each as Cotalker stamped it) that the configuration
 * reports, that is, every change of a watched task that gives it a new version for the event.
 */
export class CotalkerGroundTruth {
	readonly log = new ChangeLog();
	private emitted: Array<{ id: string; version: string }> = [];
	/** Each task as Cotalker last held it: a request that changed nothing is no change. */
	private readonly tasks = new Map<string, IDataObject>();
	/** Edits and state moves made within a second of the task's creation: part of the creation. */
	sameChangeEdits = 0;

	constructor(
		private readonly cotalker: CotalkerForTrigger,
		public watched: WatchedChanges,
	) {}

	/** Moves the changes Cotalker logged since the last call into the change log. */
	takeChanges() {
		const { event, groups } = this.watched;
		for (const { id, task } of this.cotalker.changes.splice(0)) {
			const after = task as unknown as IDataObject;
			const before = this.tasks.get(id);
			this.tasks.set(id, after);
			if (JSON.stringify(before) === JSON.stringify(after)) continue;
			const sinceCreation = Date.parse(task.modifiedAt) - Date.parse(task.createdAt);
			if (before && sinceCreation < SAME_CHANGE_MS) this.sameChangeEdits++;
			if (!groups.includes(String(after.taskGroup))) continue;
			const version = versionOf(event, after);
			if (version !== undefined && version !== (before && versionOf(event, before))) {
				this.log.record(id, version);
			}
		}
	}

	/** Notes what a poll emitted. */
	emit(items: IDataObject[]) {
		this.emitted.push(...items.map((item) => emittedPair(this.watched, item)));
	}

	/** Checks what the configuration that ends now emitted against its changes, into `checks`. */
	close(checks: ConfigurationChecks) {
		this.takeChanges();
		checks.close(this.log, this.emitted);
		this.emitted = [];
	}

	/**
	 * The trigger watches `next` from now on and starts afresh: only what changes from now on
	 * counts (call it right before the first poll of the new configuration).
	 */
	watch(next: WatchedChanges) {
		this.takeChanges();
		this.log.reset();
		this.emitted = [];
		this.watched = next;
	}
}
