import type { SortOrder } from '../../../shared/sort';

/** The orders Copper's task search offers (`sort_by`); tasks come newest first by default. */
export const taskSortOrder: SortOrder = {
	nounPlural: 'tasks',
	byName: 'sortBy',
	directionName: 'sortDirection',
	directionLabel: 'Sort Direction',
	options: [
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
	],
	defaultBy: 'date_created',
	ascending: 'asc',
	descending: 'desc',
	defaultDirection: 'desc',
};
