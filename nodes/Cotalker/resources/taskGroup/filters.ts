import type { RecordField } from '../../../shared/fields';
import { objectIds } from '../../../shared/idRule';
import { operatorDateRanges } from '../../../shared/search';
import { pickers } from '../../pickers';

/** The filters of `GET /api/v2/task-groups`, as query parameters. */
export const taskGroupFilters: RecordField[] = [
	{
		property: 'isActive',
		displayName: 'Active',
		type: 'options',
		options: [
			{ name: 'Active and Inactive', value: 'all' },
			{ name: 'Active Only', value: 'true' },
			{ name: 'Inactive Only', value: 'false' },
		],
		description:
			'Whether to return active task groups, inactive ones, or both. Without this filter Cotalker returns active ones.',
	},
	{
		property: 'ids',
		displayName: 'Task Group IDs',
		type: 'recordList',
		picker: pickers.taskGroup,
		description: 'Only these task groups: their ObjectIds, separated by commas',
	},
	{
		property: 'groupIds',
		displayName: 'Workflow Group IDs',
		type: 'recordList',
		picker: { searchListMethod: '', noun: 'workflow group', idRule: objectIds },
		description:
			'Only the task groups of these workflow groups (COTGroup): their ObjectIds, separated by commas',
	},
];

/** Created and modified bounds, each after, at or after, before, at or before (`createdAt_gte`, …). */
export const taskGroupDateRange = operatorDateRanges({
	dates: [
		{ property: 'createdAt', label: 'Created' },
		{ property: 'modifiedAt', label: 'Modified' },
	],
	collection: 'dateRange',
	collectionName: 'Date Range',
	noun: 'task group',
});
