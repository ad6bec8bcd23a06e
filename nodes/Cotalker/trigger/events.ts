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
 * How far modifiedAt may follow modifiedStateAt for one change: Cotalker may take the two stamps
 * a moment apart. An edit within this of a state move counts as part of that move.
 */
export const STATE_MOVE_STAMPS_MS = 1000;

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
	return after >= 0 && after < STATE_MOVE_STAMPS_MS;
}

/** Whether the task's last change was an edit other than a state move, after its creation. */
export function wasEdited(task: IDataObject): boolean {
	const created = taskTime(task, 'createdAt');
	const modified = taskTime(task, 'modifiedAt');
	return !!created && !!modified && modified > created && !lastChangeMovedState(task);
}

/** Whether the task ever moved state after its creation (its creation enters the first state). */
export function movedState(task: IDataObject): boolean {
	const created = taskTime(task, 'createdAt');
	const moved = taskTime(task, 'modifiedStateAt');
	return !!created && !!moved && moved > created;
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
				'An existing task was edited or deactivated without moving state. A change that also moved the state (or an edit within a second of a state move) is a State Changed.',
		},
	],
	default: 'anyChange',
	description: 'Which changes start the workflow',
};
