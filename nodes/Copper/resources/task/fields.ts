import { toUnixSeconds } from '../../../shared/dates';
import type { RecordField } from '../../../shared/fields';
import { pickers } from '../../pickers';
import { taskPriorities, taskStatuses } from './choices';
import { relatedTypes } from './relatedTypes';

/** Copper writes every date as whole Unix seconds. */
const unixDate = { type: 'dateTime', formatDate: toUnixSeconds, workflowTimeZone: true } as const;

/** The fields of a Copper task the node writes, in Copper's names (update-a-task.html). */
export const taskFields: RecordField[] = [
	{
		property: 'name',
		displayName: 'Name',
		type: 'string',
		required: true,
		description: 'What has to be done',
	},
	{
		property: 'assignee_id',
		displayName: 'Assignee',
		type: 'record',
		picker: pickers.user,
		clearable: true,
		description: 'The Copper user who has to do the task',
	},
	{
		property: 'custom_fields',
		displayName: 'Custom Fields',
		type: 'customFields',
		definitions: {
			loadOptionsMethod: 'getCustomFieldDefinitions',
			definitionProperty: 'custom_field_definition_id',
		},
		description: "Values of your account's custom fields for tasks",
	},
	{
		property: 'details',
		displayName: 'Details',
		type: 'text',
		clearable: true,
		description: 'More about the task',
	},
	{
		...unixDate,
		property: 'due_date',
		displayName: 'Due Date',
		clearable: true,
		description: "When the task is due. A time without an offset is in the workflow's time zone.",
	},
	{
		property: 'priority',
		displayName: 'Priority',
		type: 'options',
		options: taskPriorities,
		description: 'Whether the task is of high priority',
	},
	{
		property: 'related_resource',
		displayName: 'Related Record',
		type: 'object',
		clearable: true,
		description: 'The company, lead, opportunity, person or project the task is about',
		fields: [
			{
				property: 'type',
				displayName: 'Related To',
				type: 'options',
				options: relatedTypes.map(({ name, value }) => ({ name, value })),
				description: 'The kind of record',
			},
			{
				property: 'id',
				displayName: 'Record',
				type: 'record',
				picker: pickers.relatedRecord,
				description: 'The record, searched by name among the records of the kind chosen above',
			},
		],
	},
	{
		...unixDate,
		property: 'reminder_date',
		displayName: 'Reminder Date',
		clearable: true,
		description:
			"When Copper reminds the assignee. A time without an offset is in the workflow's time zone.",
	},
	{
		property: 'status',
		displayName: 'Status',
		type: 'options',
		options: taskStatuses,
		description: 'Whether the task is open or done',
	},
	{
		property: 'tags',
		displayName: 'Tags',
		type: 'stringList',
		clearable: true,
		description: 'Tags separated by commas. They replace the tags the task had.',
	},
];

/** The task dates Copper gives in Unix seconds: the output adds a readable copy of each. */
export const taskDates = [
	'due_date',
	'reminder_date',
	'completed_date',
	'date_created',
	'date_modified',
];
