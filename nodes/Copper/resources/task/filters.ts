import { toUnixSeconds } from '../../../shared/dates';
import type { RecordField } from '../../../shared/fields';
import { pickers } from '../../pickers';
import { NONE, taskStatuses } from './choices';

/** The search filters Copper documents for tasks (list-tasks-search.html), sent in the body. */
export const taskFilters: RecordField[] = [
	{
		property: 'assignee_ids',
		displayName: 'Assignees',
		type: 'recordList',
		picker: pickers.user,
		loadOptionsMethod: 'getAssignees',
		none: { name: 'No Assignee', value: NONE },
		description:
			'Tasks of any of these users. Choose "No Assignee" for tasks nobody has. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'followed',
		displayName: 'Followed',
		type: 'options',
		options: [
			{ name: 'Followed by Me', value: 1 },
			{ name: 'Not Followed by Me', value: 2 },
		],
		description: "Whether the credential's user follows the task",
	},
	{
		property: 'ids',
		displayName: 'IDs',
		type: 'recordList',
		picker: pickers.task,
		description: 'Only these tasks: IDs separated by commas',
	},
	{
		property: 'opportunity_ids',
		displayName: 'Opportunities',
		type: 'recordList',
		picker: pickers.relatedRecord,
		loadOptionsMethod: 'getOpportunities',
		none: { name: 'No Opportunity', value: NONE },
		description:
			'Tasks related to any of these opportunities. Choose "No Opportunity" for tasks related to none. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'project_ids',
		displayName: 'Projects',
		type: 'recordList',
		picker: pickers.relatedRecord,
		loadOptionsMethod: 'getProjects',
		none: { name: 'No Project', value: NONE },
		description:
			'Tasks related to any of these projects. Choose "No Project" for tasks related to none. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'statuses',
		displayName: 'Statuses',
		type: 'optionList',
		options: taskStatuses,
		description: 'Tasks with any of these statuses',
	},
	{
		property: 'tags',
		displayName: 'Tags',
		type: 'stringList',
		description: 'Tasks with at least one of these tags, separated by commas',
	},
];

type DateName = 'due' | 'created' | 'modified';

const bound = (name: DateName, label: string, side: 'minimum' | 'maximum'): RecordField => ({
	property: `${side}_${name}_date`,
	displayName: `${side === 'minimum' ? 'Earliest' : 'Latest'} ${label}`,
	type: 'dateTime',
	formatDate: toUnixSeconds,
	workflowTimeZone: true,
	description: `Only tasks whose ${label.toLowerCase()} is ${side === 'minimum' ? 'at or after' : 'at or before'} this moment, to the second. A time without an offset is in the workflow's time zone.`,
});

const range = (name: DateName, label: string) => [
	bound(name, label, 'minimum'),
	bound(name, label, 'maximum'),
];

/** The date bounds Copper's task search takes, in Unix seconds. */
export const taskDateRanges: RecordField[] = [
	...range('created', 'Created Date'),
	...range('due', 'Due Date'),
	...range('modified', 'Modified Date'),
];
