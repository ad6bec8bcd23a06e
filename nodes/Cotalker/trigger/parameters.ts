import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { pickedId, recordLocator } from '../../shared/fields';
import { inputError } from '../../shared/inputError';
import {
	readTriggerFilters,
	triggerFilterCollection,
	type TriggerFilterSet,
} from '../../shared/polling/triggerFilters';
import { simplifyField } from '../../shared/task/simplify';
import { pickers } from '../pickers';

/** What polling costs, shown above the settings. */
export const costNotice: INodeProperties = {
	displayName:
		"Cotalker cannot sort tasks by change time, so each poll reads every task of each task group changed since two minutes before the newest change already seen, 100 tasks a request: one request per task group while the last two minutes of changes hold fewer than 100 tasks. Tasks are reported as they are at the poll: a task edited and then moved to another state between two polls is one State Changed. Deactivated tasks are reported too (isActive is false). With Admin Access off in the credential, only the tasks the token's user can see are reported.",
	name: 'costNotice',
	type: 'notice',
	default: '',
};

/** The task groups to watch: one or several, each picked from a list or by ID. */
export const taskGroupsParameter: INodeProperties = {
	displayName: 'Task Groups',
	name: 'taskGroups',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Task Group',
	default: { group: [{ taskGroup: { mode: 'list', value: '' } }] },
	required: true,
	description: 'The task groups whose tasks the trigger watches: one or several',
	options: [
		{
			displayName: 'Task Group',
			name: 'group',
			values: [
				recordLocator(pickers.taskGroup, {
					displayName: 'Task Group',
					name: 'taskGroup',
					description: 'A task group to watch',
				}),
			],
		},
	],
};

const filterSet: TriggerFilterSet = {
	resource: 'task',
	collection: 'filters',
	filters: [
		{
			name: 'assignee',
			displayName: 'Assignee',
			description: 'Only report tasks assigned to this user',
			picker: pickers.user,
		},
	],
};

/** The trigger's Filters collection (Cotalker's task list has no assignee filter: applied here). */
export const triggerFilters: INodeProperties = {
	...triggerFilterCollection(filterSet),
	displayOptions: undefined,
};

/** Simplify, shown for every event: each reports tasks. */
export const simplifyParameter: INodeProperties = simplifyField();

/** Reads and checks the task groups, each an ObjectId, without repeats; fails naming the field. */
export function readTaskGroups(context: IPollFunctions): string[] {
	const entries = (context.getNodeParameter('taskGroups.group', []) as IDataObject[]) ?? [];
	const check = pickedId(pickers.taskGroup);
	const ids: string[] = [];
	for (const entry of entries) {
		const picked = entry.taskGroup;
		const value =
			picked && typeof picked === 'object' ? (picked as IDataObject).value : (picked as unknown);
		const result = check.safeParse(value);
		if (!result.success) {
			throw inputError(
				context,
				`Invalid value for "Task Groups": ${result.error.issues[0].message}`,
				{ description: `The "Task Groups" field received ${JSON.stringify(value ?? '')}.` },
			);
		}
		const id = String(result.data).toLowerCase();
		if (!ids.includes(id)) ids.push(id);
	}
	if (!ids.length) {
		throw inputError(context, 'Invalid value for "Task Groups": add at least one task group');
	}
	return ids;
}

/** Reads and checks the filters: the assignee's ID, when set. */
export function readAssignee(context: IPollFunctions): string | undefined {
	const [assignee] = readTriggerFilters(context, filterSet);
	return assignee ? String(assignee.value).toLowerCase() : undefined;
}
