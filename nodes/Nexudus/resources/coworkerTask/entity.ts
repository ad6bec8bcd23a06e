import { recordRanges, type NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';

export const coworkerTask: NexudusEntity = {
	resource: 'coworkerTask',
	name: 'CoworkerTask',
	path: '/crm/coworkertasks',
	noun: 'coworker task',
	nounPlural: 'coworker tasks',
	fields: [
		{
			property: 'BusinessId',
			displayName: 'Business',
			type: 'record',
			picker: pickers.business,
			required: true,
			description: 'The location the task belongs to',
		},
		{
			property: 'CoworkerId',
			displayName: 'Coworker',
			type: 'record',
			picker: pickers.coworker,
			required: true,
			description: 'The customer the task is about',
		},
		{ property: 'Name', displayName: 'Name', type: 'string', required: true },
		{
			property: 'ResponsibleId',
			displayName: 'Responsible User',
			type: 'record',
			picker: pickers.user,
			required: true,
			description: 'The admin user who has to complete the task',
		},
		{
			property: 'Completed',
			displayName: 'Completed',
			type: 'boolean',
			description: 'Whether the task is done',
		},
		{
			property: 'DisplayToEveryone',
			displayName: 'Display to Everyone',
			type: 'boolean',
			description: 'Whether every admin user sees the task',
		},
		{
			property: 'DueDate',
			displayName: 'Due Date (UTC)',
			type: 'dateTime',
			description: 'When the task is due, in UTC',
		},
		{
			property: 'DueDateLocal',
			displayName: 'Due Date (Local Time)',
			type: 'dateTime',
			description: "When the task is due, in the location's own time zone",
		},
		{ property: 'Notes', displayName: 'Notes', type: 'text' },
		{
			property: 'NotifyByEmail',
			displayName: 'Notify by Email',
			type: 'boolean',
			description: 'Whether the responsible user gets an email about the task',
		},
		{
			property: 'Reminded',
			displayName: 'Reminded',
			type: 'boolean',
			description: 'Whether the reminder for the task was already sent',
		},
		{
			property: 'TaskItemUniqueId',
			displayName: 'Task Item Unique ID',
			type: 'string',
			description: 'The task list item this task comes from, if any',
		},
	],
	sortable: ['Name', 'DueDate', 'Completed', 'CreatedOn', 'UpdatedOn', 'Id'],
	ranges: [
		{ property: 'DueDate', displayName: 'Due Date', type: 'dateTime' },
		{ property: 'DueDateLocal', displayName: 'Due Date (Local Time)', type: 'dateTime' },
		...recordRanges,
	],
};
