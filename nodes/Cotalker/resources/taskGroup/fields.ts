import type { RecordField } from '../../../shared/fields';
import { objectIds } from '../../../shared/idRule';
import type { ParameterRules } from '../../../shared/validation';

const permissions = (property: string, displayName: string, who: string): RecordField => ({
	property,
	displayName,
	type: 'stringList',
	description: `Access-role permissions that let ${who}, e.g. admin-task-write; a user needs at least one of them`,
});

/**
 * The fields of a task group the node writes on create (`POST /api/v2/task-groups`,
 * model_taskgroup.md). Fields the model marks "for internal use only" (collectionName, botUser,
 * company) are left to Cotalker.
 */
export const taskGroupFields: RecordField[] = [
	{
		property: 'group',
		displayName: 'Workflow Group ID',
		type: 'string',
		required: true,
		description:
			'The ObjectId of the workflow group (COTGroup) the task group belongs to; a group can have only one task group',
	},
	{
		property: 'defaultView',
		displayName: 'Default View',
		type: 'options',
		options: [
			{ name: 'Calendar', value: 'calendar' },
			{ name: 'Gantt', value: 'gantt' },
			{ name: 'Grid', value: 'grid' },
			{ name: 'Kanban', value: 'kanban' },
			{ name: 'List', value: 'list' },
		],
		description: 'How the task view shows the tasks at first',
	},
	{
		property: 'flowType',
		displayName: 'Flow Type',
		type: 'options',
		options: [
			{ name: 'Free', value: 'free', description: 'Tasks move freely from any state to any other' },
			{
				name: 'State Machine',
				value: 'state-machine',
				description: 'Tasks move only along the transitions set up in the workflow',
			},
		],
		description: 'How tasks move from one state to another',
	},
	{
		property: 'hideClosedAfterDays',
		displayName: 'Hide Closed After Days',
		type: 'number',
		description: 'How many days closed tasks stay in the task view',
	},
	permissions('readPermissions', 'Read Permissions', 'associated users view the task settings'),
	permissions('writePermissions', 'Write Permissions', 'associated users edit the task settings'),
	permissions(
		'taskEditorPermissions',
		'Task Editor Permissions',
		'users not associated with a task edit it',
	),
	permissions(
		'taskFollowerPermissions',
		'Task Follower Permissions',
		'users not associated with a task view it',
	),
];

/** The workflow group is a COTGroup, typed as its ObjectId (Cotalker serves no list of them here). */
export const workflowGroupRule: ParameterRules = {
	group: { label: 'Workflow Group ID', schema: objectIds.id },
};
