import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { fieldCollection } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import { parentField, recordField } from '../../../shared/record';
import { sortFields } from '../../../shared/sort';
import { simplifyField } from '../../../shared/task/simplify';
import { updateFields } from '../../../shared/update';
import { includeField, keywordFilters, relationFilters, taskDateRange } from './filters';
import { taskOperations } from './operations';
import { cotalkerTask } from './record';
import { taskSortOrder } from './search';

const resource = ['task'];
const ALL = ['create', 'delete', 'find', 'get', 'list', 'range', 'runCommand', 'update'];

/** How Find searches: Cotalker has two task searches that take different filters. */
const searchByField: INodeProperties = {
	displayName: 'Search By',
	name: 'searchBy',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Keywords and Filters',
			value: 'keywords',
			description:
				"Cotalker's task search: keywords, assignee, state, status, workflow. Without Admin Access, only the tasks the token's user takes part in.",
		},
		{
			name: 'Related User or Property',
			value: 'relations',
			description:
				'The tasks assigned to a user or carrying a property (state, additional field or asset), active or not',
		},
	],
	default: 'keywords',
	description: "Which of Cotalker's two task searches to use",
	displayOptions: { show: { resource, operation: ['find'] } },
};

/** The state Move to State moves the task to, listed live for the task chosen. */
const newStateField: INodeProperties = {
	displayName: 'New State Name or ID',
	name: 'newState',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getNextStates',
		loadOptionsDependsOn: ['taskGroup.value', 'recordId.value'],
	},
	required: true,
	default: '',
	description:
		'The state to move the task to: only the states its workflow allows from where it is now are listed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: { resource, operation: ['runCommand'] } },
};

/** Says plainly what Delete does, since Cotalker cannot delete a task. */
const deactivateNotice: INodeProperties = {
	displayName:
		"Cotalker has no way to delete a task: this sets the task's Active to off, which hides it from lists of active tasks. To bring it back, use Update with Active on.",
	name: 'deactivateNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource, operation: ['delete'] } },
};

/**
 * Everything the node shows for tasks: the task group first (every task URL names it), the task
 * for operations on one, then each operation's fields.
 */
export const taskDescription: INodeProperties[] = [
	taskOperations,
	parentField(cotalkerTask, ALL),
	recordField(cotalkerTask, ['get', 'update', 'delete', 'runCommand']),
	deactivateNotice,
	newStateField,
	searchByField,
	fieldCollection({
		name: 'filters',
		displayName: 'Filters',
		placeholder: 'Add Filter',
		description: 'Only tasks that match every filter you add are returned',
		hint: 'A filter left empty is ignored.',
		fields: keywordFilters,
		show: { resource, operation: ['find'], searchBy: ['keywords'] },
	}),
	fieldCollection({
		name: 'relatedTo',
		displayName: 'Related To',
		placeholder: 'Add User or Property',
		description: 'The user the tasks are assigned to, the property they carry, or both',
		fields: relationFilters,
		keepOrder: true,
		show: { resource, operation: ['find'], searchBy: ['relations'] },
	}),
	includeField(['list', 'range']),
	includeField(['find'], { searchBy: ['relations'] }),
	fieldCollection({
		name: taskDateRange.collection,
		displayName: taskDateRange.collectionName,
		placeholder: 'Add Date',
		description: 'Only tasks whose dates are within every bound you add',
		fields: taskDateRange.fields,
		keepOrder: true,
		show: { resource, operation: ['range'] },
	}),
	...sortFields(taskSortOrder, { resource, operation: ['list', 'range'] }),
	...pagingFields('task', ['find', 'list', 'range']),
	simplifyField({ resource, operation: ['find', 'get', 'list', 'range'] }),
	...createFields(cotalkerTask),
	...updateFields(cotalkerTask),
];
