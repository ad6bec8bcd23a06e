import type { RecordField } from '../../../shared/fields';
import { pickers } from '../../pickers';
import { linkedTypes } from './choices';

/**
 * The fields of an ONLYOFFICE task the node writes, as `POST /crm/task` and `PUT /crm/task/{id}`
 * name them (the API reads names in any case), and where each is in the task as read back.
 */
export const taskFields: RecordField[] = [
	{
		property: 'title',
		displayName: 'Title',
		type: 'string',
		required: true,
		description: 'What has to be done',
	},
	{
		property: 'deadline',
		displayName: 'Deadline',
		type: 'dateTime',
		required: true,
		workflowTimeZone: true,
		readFrom: 'deadLine',
		description: "When the task is due. A time without an offset is in the workflow's time zone.",
	},
	{
		property: 'responsibleId',
		displayName: 'Responsible',
		type: 'record',
		picker: pickers.user,
		required: true,
		readFrom: 'responsible.id',
		description: 'The portal user who has to do the task',
	},
	{
		property: 'categoryId',
		displayName: 'Category',
		type: 'record',
		picker: pickers.taskCategory,
		required: true,
		readFrom: 'category.id',
		description: 'The kind of task, e.g. Call or Meeting',
	},
	{
		property: 'alertValue',
		displayName: 'Reminder (Minutes Before)',
		type: 'number',
		description:
			'How many minutes before the deadline the responsible user is reminded; 0 for no reminder',
	},
	{
		property: 'contactId',
		displayName: 'Contact',
		type: 'record',
		picker: pickers.contact,
		readFrom: 'contact.id',
		description: 'The person or company the task is about',
	},
	{
		property: 'description',
		displayName: 'Description',
		type: 'text',
		description: 'More about the task',
	},
	{
		property: 'entityType',
		displayName: 'Linked Record Type',
		type: 'options',
		options: linkedTypes,
		readFrom: 'entity.entityType',
		description: 'Whether the task belongs to an opportunity or a case. Set Linked Record ID too.',
	},
	{
		property: 'entityId',
		displayName: 'Linked Record ID',
		type: 'number',
		readFrom: 'entity.entityId',
		description: 'The ID of the opportunity or case the task belongs to',
	},
	{
		property: 'isNotify',
		displayName: 'Notify Responsible',
		type: 'boolean',
		description: 'Whether ONLYOFFICE emails the responsible user about the task',
	},
];
