import { pickers } from '../../pickers';
import { entityDescription } from '../shared/description';
import type { NexudusFilter } from '../shared/find';
import { coworkerTask } from './entity';

/** The search filters Nexudus documents for coworker tasks. */
const coworkerTaskFilters: NexudusFilter[] = [
	{ property: 'Business', displayName: 'Business', type: 'record', picker: pickers.business },
	{ property: 'Business_Name', displayName: 'Business Name', type: 'string' },
	{ property: 'Coworker', displayName: 'Coworker', type: 'record', picker: pickers.coworker },
	{ property: 'Coworker_FullName', displayName: 'Coworker Full Name', type: 'string' },
	{ property: 'Coworker_CompanyName', displayName: 'Coworker Company Name', type: 'string' },
	{ property: 'Coworker_TeamNames', displayName: 'Coworker Team Names', type: 'string' },
	{ property: 'Name', displayName: 'Name', type: 'string' },
	{ property: 'Notes', displayName: 'Notes', type: 'string' },
	{ property: 'TaskListName', displayName: 'Task List Name', type: 'string' },
	{ property: 'TaskItemUniqueId', displayName: 'Task Item Unique ID', type: 'string' },
	{
		property: 'FormPageRequestUniqueId',
		displayName: 'Form Page Request Unique ID',
		type: 'string',
	},
	{
		property: 'Completed',
		displayName: 'Completed',
		type: 'boolean',
		description: 'Whether the task is done',
	},
	{ property: 'DueDate', displayName: 'Due Date', type: 'dateTime' },
	{
		property: 'DueDateLocal',
		displayName: 'Due Date (Local Time)',
		type: 'dateTime',
		wallClock: true,
		description:
			"Only tasks due in this minute, as a wall-clock time in the location's time zone, sent as typed",
	},
	{
		property: 'Reminded',
		displayName: 'Reminded',
		type: 'boolean',
		description: 'Whether the reminder was sent',
	},
	{
		property: 'Responsible',
		displayName: 'Responsible User',
		type: 'record',
		picker: pickers.user,
	},
	{ property: 'Responsible_FullName', displayName: 'Responsible User Full Name', type: 'string' },
	{
		property: 'NotifyByEmail',
		displayName: 'Notify by Email',
		type: 'boolean',
		description: 'Whether the responsible user is notified by email',
	},
	{
		property: 'DisplayToEveryone',
		displayName: 'Display to Everyone',
		type: 'boolean',
		description: 'Whether every admin user sees the task',
	},
	{ property: 'SystemId', displayName: 'System ID', type: 'string' },
];

export const coworkerTaskDescription = entityDescription(coworkerTask, coworkerTaskFilters);
