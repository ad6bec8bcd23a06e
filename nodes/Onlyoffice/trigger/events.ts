import type { INodeProperties } from 'n8n-workflow';

/** The Event selector: which changes of a task start the workflow. */
export const eventSelector: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Task Closed', value: 'closed', description: 'An open task was closed' },
		{ name: 'Task Created', value: 'created', description: 'A task was created' },
		{
			name: 'Task Reopened',
			value: 'reopened',
			description: 'A closed task was opened again',
		},
		{
			name: 'Task Updated',
			value: 'updated',
			description: 'A field of an existing task was changed (not only closed or reopened)',
		},
	],
	default: 'created',
	description: 'Which changes start the workflow',
};
