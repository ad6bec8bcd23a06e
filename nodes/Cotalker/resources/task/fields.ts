import type { RecordField } from '../../../shared/fields';
import { objectIds } from '../../../shared/idRule';
import { pickers } from '../../pickers';

/** One of a task's five additional fields (`status1`..`status5`): a Cotalker property. */
const additionalField = (slot: number): RecordField => ({
	property: `status${slot}`,
	displayName: `Status ${slot} Name or ID`,
	type: 'options',
	loadOptionsMethod: 'getProperties',
	idRule: objectIds,
	clearable: true,
	description: `The value of the task group's additional field ${slot} (status${slot}), a Cotalker property. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

const DATE_NOTE = "A time without an offset is in the workflow's time zone.";

/**
 * The fields of a Cotalker task the node writes, as `POST /api/v1/tasks/{g}/task/create` and
 * `PATCH /api/v1/tasks/{g}/task/{t}` name them (model_tasks.md, the SDK's COTTaskPostData).
 */
export const taskFields: RecordField[] = [
	{
		property: 'name',
		displayName: 'Name',
		type: 'string',
		required: true,
		description: 'What the task is called',
	},
	{
		property: 'assignee',
		displayName: 'Assignee',
		type: 'record',
		picker: pickers.user,
		description: 'The one user responsible for the task',
	},
	{
		property: 'editors',
		displayName: 'Editor Names or IDs',
		type: 'recordList',
		picker: pickers.user,
		loadOptionsMethod: 'getUsers',
		description:
			'Users who may change the task. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'followers',
		displayName: 'Follower Names or IDs',
		type: 'recordList',
		picker: pickers.user,
		loadOptionsMethod: 'getUsers',
		description:
			'Users who follow the task. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		property: 'startDate',
		displayName: 'Start Date',
		type: 'dateTime',
		workflowTimeZone: true,
		clearable: true,
		description: `When work on the task starts. ${DATE_NOTE}`,
	},
	{
		property: 'endDate',
		displayName: 'End Date',
		type: 'dateTime',
		workflowTimeZone: true,
		clearable: true,
		description: `When the task is due. ${DATE_NOTE}`,
	},
	{
		property: 'estimatedTime',
		displayName: 'Estimated Time (Days)',
		type: 'number',
		clearable: true,
		description: 'How many days the task is expected to take',
	},
	{
		property: 'info',
		displayName: 'Description',
		type: 'text',
		clearable: true,
		description: 'More about the task (Cotalker calls it info)',
	},
	...[1, 2, 3, 4, 5].map(additionalField),
	{
		property: 'isActive',
		displayName: 'Active',
		type: 'boolean',
		description:
			'Whether the task is in use. Delete (Deactivate) turns it off; turn it on to reactivate the task.',
	},
	{
		property: 'extensions',
		displayName: 'Extensions',
		type: 'groupedValues',
		grouping: { group: 'Collection Code', key: 'Field Code', entry: 'Extension Value' },
		description:
			"The task's custom fields, each under the code of its collection and its own code. A collection you send replaces that collection's values on the task; others stay.",
	},
];
