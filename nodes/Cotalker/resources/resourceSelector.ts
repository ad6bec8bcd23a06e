import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector of the node. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Task',
			value: 'task',
			description: 'A piece of work in a task group, moved through its workflow states',
		},
		{
			name: 'Task Group',
			value: 'taskGroup',
			description: 'A workflow group that holds tasks, e.g. Projects or Support',
		},
	],
	default: 'task',
	description: 'What to work with: tasks, or the task groups that hold them',
};
