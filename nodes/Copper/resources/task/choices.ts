import type { INodePropertyOptions } from 'n8n-workflow';

/** A task's statuses, as Copper names them. */
export const taskStatuses: INodePropertyOptions[] = [
	{ name: 'Completed', value: 'Completed' },
	{ name: 'Open', value: 'Open' },
];

/** A task's priorities, as Copper names them. */
export const taskPriorities: INodePropertyOptions[] = [
	{ name: 'High', value: 'High' },
	{ name: 'None', value: 'None' },
];

/** Copper's ID for "none" in task search filters: no assignee, no project, no opportunity. */
export const NONE = -2;
