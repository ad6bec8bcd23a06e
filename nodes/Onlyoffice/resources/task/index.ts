import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { fieldCollection } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import { recordField } from '../../../shared/record';
import { sortFields } from '../../../shared/sort';
import { simplifyField } from '../../../shared/task/simplify';
import { updateFields } from '../../../shared/update';
import { deadlineRange, taskFilters } from './filters';
import { taskOperations } from './operations';
import { onlyofficeTask } from './record';
import { taskSortOrder } from './search';

const resource = ['task'];

/** The command Run Command sends: ONLYOFFICE's /close or /reopen. */
const commandField: INodeProperties = {
	displayName: 'Command',
	name: 'command',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Close', value: 'close', description: 'Mark the task as done' },
		{ name: 'Reopen', value: 'reopen', description: 'Open a closed task again' },
	],
	default: 'close',
	description: 'What to do with the task',
	displayOptions: { show: { resource, operation: ['runCommand'] } },
};

/**
 * Everything the node shows for tasks: its operations and their fields. Find takes filters, the
 * deadline range and sort together; Range takes the deadline range and sort; List takes sort.
 */
export const taskDescription: INodeProperties[] = [
	taskOperations,
	recordField(onlyofficeTask, ['get', 'update', 'delete', 'runCommand']),
	commandField,
	fieldCollection({
		name: 'filters',
		displayName: 'Filters',
		placeholder: 'Add Filter',
		description: 'Only tasks that match every filter you add are returned',
		hint: 'A filter left empty is ignored.',
		fields: taskFilters,
		show: { resource, operation: ['find'] },
	}),
	fieldCollection({
		name: deadlineRange.collection,
		displayName: deadlineRange.collectionName,
		placeholder: 'Add Date',
		description: 'Only tasks due within every bound you add',
		hint: 'A bound left empty is ignored.',
		fields: deadlineRange.fields,
		keepOrder: true,
		show: { resource, operation: ['find', 'range'] },
	}),
	...sortFields(taskSortOrder, { resource, operation: ['find', 'list', 'range'] }),
	...pagingFields('task', ['find', 'list', 'range']),
	simplifyField({ resource, operation: ['get', 'find', 'list', 'range'] }),
	...createFields(onlyofficeTask),
	...updateFields(onlyofficeTask),
];
