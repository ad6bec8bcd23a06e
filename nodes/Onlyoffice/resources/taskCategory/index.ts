import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { createFields, createRecord } from '../../../shared/create';
import { deleteAndReport } from '../../../shared/delete';
import { runThroughExecutor, sendAsDescribed } from '../../../shared/executor';
import { fieldParameter } from '../../../shared/fields';
import { fetchRecordPagesFrom, pagingFields } from '../../../shared/listPaging';
import {
	createOperation,
	deleteOperation,
	getOperation,
	updateOperation,
} from '../../../shared/operations';
import { recordField, recordIdRule, recordUrl } from '../../../shared/record';
import { updateByReplacing, updateFields } from '../../../shared/update';

import { pickers } from '../../pickers';
import { onlyofficeApi, onlyofficePaging } from '../../transport';
import { categoryReplaceShape, taskCategory } from './record';

const resource = ['taskCategory'];

/** The category that takes over the tasks of a deleted one (`newcategoryid`). */
const successor = {
	property: 'newcategoryid',
	displayName: 'Move Its Tasks To',
	type: 'record',
	picker: pickers.taskCategory,
	required: true,
	description: 'The category the tasks of the deleted category move to',
} as const;

const deleteRules = {
	...recordIdRule(taskCategory),
	newcategoryid: {
		label: successor.displayName,
		schema: pickers.taskCategory.idRule.picked('task category'),
	},
};

/** The operations, each with the request it sends and the executor that runs it. */
const operationOptions: INodePropertyOptions[] = [
	createOperation(taskCategory, { executor: createRecord(taskCategory) }),
	deleteOperation(taskCategory, {
		executor: deleteAndReport(taskCategory, onlyofficeApi, 'id'),
		description: 'Delete a task category, moving its tasks to another one',
		checks: deleteRules,
		request: {
			method: 'DELETE',
			url: recordUrl(taskCategory),
			qs: { newcategoryid: '={{ String($parameter.newcategoryid).trim() }}' },
		},
	}),
	getOperation(taskCategory, { executor: sendAsDescribed(onlyofficeApi) }),
	{
		name: 'List',
		value: 'list',
		action: 'List task categories',
		description: 'List the task categories, in their order',
		routing: {
			request: { method: 'GET', url: '/crm/task/category' },
			operations: { pagination: fetchRecordPagesFrom(onlyofficeApi, onlyofficePaging) },
		},
	},
	updateOperation(taskCategory, {
		executor: updateByReplacing(taskCategory, categoryReplaceShape),
	}),
];

/** The task category operations ONLYOFFICE offers. */
const categoryOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	routing: runThroughExecutor,
	options: operationOptions,
	default: 'list',
};

/** Everything the node shows for task categories. */
export const taskCategoryDescription: INodeProperties[] = [
	categoryOperations,
	recordField(taskCategory, ['get', 'update', 'delete']),
	{
		...fieldParameter(successor, true),
		displayOptions: { show: { resource, operation: ['delete'] } },
	},
	...pagingFields('taskCategory', ['list']),
	...createFields(taskCategory),
	...updateFields(taskCategory),
];
