import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { fieldCollection } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import { recordField } from '../../../shared/record';
import { sortFields } from '../../../shared/sort';
import { taskGroupDateRange, taskGroupFilters } from './filters';
import { taskGroupOperations } from './operations';
import { cotalkerTaskGroup } from './record';
import { taskGroupSortOrder } from './search';

const resource = ['taskGroup'];
const list = { resource, operation: ['list'] };

/** Everything the node shows for task groups: List with filters, dates and order, Get, Create. */
export const taskGroupDescription: INodeProperties[] = [
	taskGroupOperations,
	recordField(cotalkerTaskGroup, ['get']),
	fieldCollection({
		name: 'filters',
		displayName: 'Filters',
		placeholder: 'Add Filter',
		description: 'Only task groups that match every filter you add are returned',
		hint: 'A filter left empty is ignored.',
		fields: taskGroupFilters,
		show: list,
	}),
	fieldCollection({
		name: taskGroupDateRange.collection,
		displayName: taskGroupDateRange.collectionName,
		placeholder: 'Add Date',
		description: 'Only task groups created or modified within every bound you add',
		hint: 'A bound left empty is ignored.',
		fields: taskGroupDateRange.fields,
		show: list,
	}),
	...sortFields(taskGroupSortOrder, list),
	...pagingFields('taskGroup', ['list']),
	...createFields(cotalkerTaskGroup),
];
