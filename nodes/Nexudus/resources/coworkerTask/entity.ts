import { recordRanges, type NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';
import { nexudusTaskMapping } from './taskMapping';
import { coworkerTaskWriting } from './taskWriting';

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
		{
			property: 'Name',
			displayName: 'Name',
			type: 'string',
			required: true,
			description: 'What has to be done',
		},
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
			description:
				'When the task is due, in UTC. A time with an offset is converted to UTC. Set this or Due Date (Local Time), not both: only the one you set is sent, and Nexudus works out the other.',
		},
		{
			property: 'DueDateLocal',
			displayName: 'Due Date (Local Time)',
			type: 'dateTime',
			wallClock: true,
			sameValueAs: 'DueDate',
			description:
				"When the task is due, as a wall-clock time in the location's own time zone. It is sent exactly as typed, without a time zone and not converted. Set this or Due Date (UTC), not both: only the one you set is sent, and Nexudus works out the other.",
		},
		{ property: 'Notes', displayName: 'Notes', type: 'text', description: 'More about the task' },
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
		{
			property: 'SystemId',
			displayName: 'System ID',
			type: 'string',
			description:
				"Your own reference for the task, e.g. its ID in another tool. Find tasks by it with Find's System ID filter.",
		},
	],
	keptOnUpdate: ['FormPageRequestUniqueId'],
	sortable: ['Name', 'DueDate', 'Completed', 'CreatedOn', 'UpdatedOn', 'Id'],
	ranges: [
		{ property: 'DueDate', displayName: 'Due Date', type: 'dateTime' },
		{
			property: 'DueDateLocal',
			displayName: 'Due Date (Local Time)',
			type: 'dateTime',
			wallClock: true,
		},
		...recordRanges,
	],
	task: { mapping: nexudusTaskMapping, writing: coworkerTaskWriting },
};
