import type { INodeProperties } from 'n8n-workflow';

import type { RecordField } from '../../../shared/fields';
import { objectIds } from '../../../shared/idRule';
import { operatorDateRanges, type DateRanges } from '../../../shared/search';
import { pickers } from '../../pickers';

/** The filters of Cotalker's task search (`GET /api/v1/tasks/{g}/task`), as query parameters. */
export const keywordFilters: RecordField[] = [
	{
		property: 'search',
		displayName: 'Keywords',
		type: 'string',
		description:
			'Only tasks with any of these words in any of their fields, separated by commas, e.g. sales, report',
	},
	{
		property: 'assignee',
		displayName: 'Assignee',
		type: 'record',
		picker: pickers.user,
		description: 'Only tasks assigned to this user',
	},
	{
		property: 'state',
		displayName: 'State Name or ID',
		type: 'options',
		loadOptionsMethod: 'getStates',
		loadOptionsDependsOn: ['taskGroup.value'],
		idRule: objectIds,
		description:
			'Only tasks in this workflow state of the task group. Choose from the list, or specify the ID of the state\'s property using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'status',
		displayName: 'Status Name or ID',
		type: 'options',
		loadOptionsMethod: 'getProperties',
		idRule: objectIds,
		description:
			'Only tasks with this property as their state or as one of their additional fields (status1 to status5). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'smStateMachine',
		displayName: 'Workflow Name or ID',
		type: 'options',
		loadOptionsMethod: 'getWorkflows',
		loadOptionsDependsOn: ['taskGroup.value'],
		idRule: objectIds,
		description:
			'Only tasks of this workflow (Cotalker state machine) of the task group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'limitBy',
		displayName: 'Limit By',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Group', value: 'group' },
			{ name: 'None', value: 'none' },
		],
		description:
			"Cotalker's limitBy option of the task search, passed on as chosen; Cotalker does not document what each value does",
	},
];

/** What the relations list (`GET /api/v2/task-groups/{g}/tasks/relations`) finds tasks by. */
export const relationFilters: RecordField[] = [
	{
		property: 'assignee',
		displayName: 'Assignee',
		type: 'record',
		picker: pickers.user,
		description: 'Tasks assigned to this user',
	},
	{
		property: 'property',
		displayName: 'Property Name or ID',
		type: 'options',
		loadOptionsMethod: 'getProperties',
		idRule: objectIds,
		description:
			'Tasks that carry this property: as their state, an additional field or their asset. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** The created and modified bounds of the v2 task list: after, at or after, before, at or before. */
export const taskDateRange: DateRanges = operatorDateRanges({
	dates: [
		{ property: 'createdAt', label: 'Created' },
		{ property: 'modifiedAt', label: 'Modified' },
	],
	collection: 'dateRange',
	collectionName: 'Date Range',
	noun: 'task',
});

/** Which tasks a v2 list includes (`isActive`): Cotalker deactivates tasks instead of deleting. */
export const includeField = (operations: string[], show = {}): INodeProperties => ({
	displayName: 'Include',
	name: 'isActive',
	type: 'options',
	options: [
		{ name: 'Active Tasks', value: 'true', description: 'Tasks in use' },
		{
			name: 'All Tasks',
			value: 'all',
			description: 'Active and deactivated tasks',
		},
		{
			name: 'Deactivated Tasks',
			value: 'false',
			description: 'Tasks taken out of use (what Delete does)',
		},
	],
	default: 'true',
	description: 'Whether to include active tasks, deactivated ones, or both',
	displayOptions: { show: { resource: ['task'], operation: operations, ...show } },
});
