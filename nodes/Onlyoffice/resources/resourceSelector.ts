import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector of the node. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Task', value: 'task' },
		{ name: 'Task Category', value: 'taskCategory' },
	],
	default: 'task',
	description:
		'Tasks are the to-dos of CRM users, each with a deadline, a responsible user and a category (Call, Email, Meeting…)',
};
