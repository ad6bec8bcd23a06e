import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector the node and the trigger share. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Task', value: 'task' }],
	default: 'task',
	description: "Tasks are the to-dos of your team's Copper users, each possibly about a record",
};
