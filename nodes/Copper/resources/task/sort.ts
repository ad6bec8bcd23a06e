import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { oneOf } from '../../../shared/validation';

/** The orders Copper's task search offers (`sort_by`). */
const sortOptions = [
	{ name: 'Assignee', value: 'assigned_to' },
	{ name: 'Completed Date', value: 'completed_date' },
	{ name: 'Created Date', value: 'date_created' },
	{ name: 'Due Date', value: 'due_date' },
	{ name: 'Modified Date', value: 'date_modified' },
	{ name: 'Name', value: 'name' },
	{ name: 'Priority', value: 'priority' },
	{ name: 'Related Record', value: 'related_to' },
	{ name: 'Reminder Date', value: 'reminder_date' },
	{ name: 'Status', value: 'status' },
];

/** Sort By and Sort Direction. Tasks come newest first unless the user picks another order. */
export const sortFields = (show: IDisplayOptions['show']): INodeProperties[] => [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: sortOptions,
		default: 'date_created',
		description: 'The field to sort the tasks by',
		displayOptions: { show },
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc', description: 'Oldest, lowest or A first' },
			{ name: 'Descending', value: 'desc', description: 'Newest, highest or Z first' },
		],
		default: 'desc',
		description: 'Whether to sort up or down',
		displayOptions: { show },
	},
];

/** The checks of Sort By and Sort Direction. */
export const sortRules = {
	sortBy: {
		label: 'Sort By',
		schema: oneOf(sortOptions.map((option) => option.value) as [string, ...string[]]),
	},
	sortDirection: { label: 'Sort Direction', schema: oneOf(['asc', 'desc']) },
};
