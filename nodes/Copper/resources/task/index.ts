import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { fieldParameter } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import { recordField } from '../../../shared/record';
import { sortFields } from '../../../shared/sort';
import { updateFields } from '../../../shared/update';
import { customFieldFilters } from './customFieldFilters';
import { taskDateRanges, taskFilters } from './filters';
import { taskOperations } from './operations';
import { copperTask } from './record';
import { taskSortOrder } from './sort';

const resource = ['task'];

/** A collection of optional fields, shown for `operations`. */
const collection = (
	name: string,
	displayName: string,
	options: INodeProperties[],
	operations: string[],
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: `Add ${displayName === 'Filters' ? 'Filter' : 'Date'}`,
	default: {},
	description,
	hint: 'A filter left empty is ignored.',
	options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	displayOptions: { show: { resource, operation: operations } },
});

/**
 * Everything the node shows for tasks: its operations and their fields. Find takes filters, date
 * ranges and sort together; Range takes date ranges and sort; List takes sort.
 */
export const taskDescription: INodeProperties[] = [
	taskOperations,
	recordField(copperTask, ['get', 'update', 'delete']),
	collection(
		'filters',
		'Filters',
		[...taskFilters.map((filter) => fieldParameter(filter)), customFieldFilters],
		['find'],
		'Only tasks that match every filter you add are returned',
	),
	collection(
		'dateRange',
		'Date Range',
		taskDateRanges.map((bound) => fieldParameter(bound)),
		['find', 'range'],
		'Only tasks whose dates fall within every bound you add',
	),
	...sortFields(taskSortOrder, { resource, operation: ['find', 'list', 'range'] }),
	...pagingFields('task', ['find', 'list', 'range']),
	...createFields(copperTask),
	...updateFields(copperTask),
];
