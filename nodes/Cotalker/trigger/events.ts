import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** The changes the Cotalker trigger reports. */
export type CotalkerEvent = 'anyChange' | 'created' | 'updated' | 'stateChanged';

/** A task's date, as Cotalker stamps it (ISO 8601 with milliseconds); undefined when absent. */
export function taskTime(task: IDataObject, property: string): Date | undefined {
	const value = task[property];
	if (typeof value !== 'string' || value === '') return undefined;
	const time = new Date(value);
	return Number.isNaN(time.getTime()) ? undefined : time;
}

/**
 * How far apart Cotalker may stamp the dates of one change. Its docs' create sample is stamped
 * createdAt .313, modifiedStateAt .327 (entering the first state) and modifiedAt .388: the three
 * belong to the creation. A date within this of an earlier one is part of the same change: a state
 * stamp within it of the creation is the first state, not a move; an edit within it of the
 * creation is part of the creation (the Created task shows it); an edit within it of a state move
 * is part of the move.
 */
export const SAME_CHANGE_MS = 1000;

/** Whether `later` is a change of its own after `earlier`, not another stamp of the same change. */
const separateChange = (later: Date | undefined, earlier: Date | undefined) =>
	!!later && !!earlier && later.getTime() - earlier.getTime() >= SAME_CHANGE_MS;

/**
 * Whether the task's last change moved its state (after its creation). Cotalker sets modifiedStateAt on a state move
 * and modifiedAt on every change, a state move included: a change that moved the state and edited
 * fields in the same request is a state change.
 */
export function lastChangeMovedState(task: IDataObject): boolean {
	const modified = taskTime(task, 'modifiedAt');
	const moved = taskTime(task, 'modifiedStateAt');
	// A creation enters the first state: only a move after it counts.
	if (!modified || !moved || !movedState(task)) return false;
	const after = modified.getTime() - moved.getTime();
	return after >= 0 && after < SAME_CHANGE_MS;
}

/** Whether the task's last change was an edit other than a state move, after its creation. */
export function wasEdited(task: IDataObject): boolean {
	const edited = separateChange(taskTime(task, 'modifiedAt'), taskTime(task, 'createdAt'));
	return edited && !lastChangeMovedState(task);
}

/** Whether the task ever moved state after its creation (its creation enters the first state). */
export function movedState(task: IDataObject): boolean {
	return separateChange(taskTime(task, 'modifiedStateAt'), taskTime(task, 'createdAt'));
}

/** The Event selector. */
export const eventSelector: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Any Change',
			value: 'anyChange',
			description:
				'A task was created, edited, moved to another state or deactivated: each change once, the task as it is now',
		},
		{ name: 'Created', value: 'created', description: 'A task was created' },
		{
			name: 'State Changed',
			value: 'stateChanged',
			description:
				'A task moved to another state (its modifiedStateAt changed), with or without other edits in the same change',
		},
		{
			name: 'Updated',
			value: 'updated',
			description:
				'An existing task was edited or deactivated without moving state. A change that also moved the state (or an edit within a second of a state move) is a State Changed; an edit within a second of the creation is part of the Created.',
		},
	],
	default: 'anyChange',
	description: 'Which changes start the workflow',
};
