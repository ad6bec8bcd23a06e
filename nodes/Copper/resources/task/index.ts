import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { fieldCollection } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import { recordField } from '../../../shared/record';
import { sortFields } from '../../../shared/sort';
import { simplifyField } from '../../../shared/task/simplify';
import { updateFields } from '../../../shared/update';
import { customFieldFilters } from './customFieldFilters';
import { taskDateRanges, taskFilters } from './filters';
import { taskOperations } from './operations';
import { copperTask } from './record';
import { taskSortOrder } from './sort';

const resource = ['task'];

/** The operations that read tasks, and so offer Simplify. */
const reads = ['get', 'find', 'list', 'range'];

/**
 * Everything the node shows for tasks: its operations and their fields. Find takes filters, date
 * ranges and sort together; Range takes date ranges and sort; List takes sort.
 */
export const taskDescription: INodeProperties[] = [
	taskOperations,
	recordField(copperTask, ['get', 'update', 'delete']),
	fieldCollection({
		name: 'filters',
		displayName: 'Filters',
		placeholder: 'Add Filter',
		description: 'Only tasks that match every filter you add are returned',
		hint: 'A filter left empty is ignored.',
		fields: taskFilters,
		more: [customFieldFilters],
		show: { resource, operation: ['find'] },
	}),
	fieldCollection({
		name: 'dateRange',
		displayName: 'Date Range',
		placeholder: 'Add Date',
		description: 'Only tasks whose dates fall within every bound you add',
		hint: 'A filter left empty is ignored.',
		fields: taskDateRanges,
		show: { resource, operation: ['find', 'range'] },
	}),
	...sortFields(taskSortOrder, { resource, operation: ['find', 'list', 'range'] }),
	...pagingFields('task', ['find', 'list', 'range']),
	simplifyField({ resource, operation: reads }),
	...createFields(copperTask),
	...updateFields(copperTask),
];
