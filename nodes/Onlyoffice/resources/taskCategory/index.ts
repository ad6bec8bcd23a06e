import type { INodeProperties } from 'n8n-workflow';

import { createFields, createRecord } from '../../../shared/create';
import { deleteAndReport } from '../../../shared/delete';
import { runThroughExecutor, sendAsDescribed } from '../../../shared/executor';
import { fieldParameter } from '../../../shared/fields';
import { fetchRecordPagesFrom, pagingFields } from '../../../shared/listPaging';
import { recordField, recordIdRule, recordUrl } from '../../../shared/record';
import { updateByReplacing, updateFields } from '../../../shared/update';
import { validateParameters } from '../../../shared/validation';
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

/** The task category operations ONLYOFFICE offers. */
const categoryOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource } },
	routing: runThroughExecutor,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a task category',
			description: 'Create a task category',
			routing: {
				request: { method: 'POST', url: '/crm/task/category' },
				operations: { pagination: createRecord(taskCategory) },
			},
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task category',
			description: 'Delete a task category, moving its tasks to another one',
			routing: {
				request: {
					method: 'DELETE',
					url: recordUrl(taskCategory),
					qs: { newcategoryid: '={{ String($parameter.newcategoryid).trim() }}' },
				},
				send: { preSend: [validateParameters(deleteRules)] },
				operations: { pagination: deleteAndReport(taskCategory, onlyofficeApi, 'id') },
			},
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a task category',
			description: 'Get one task category by its ID',
			routing: {
				request: { method: 'GET', url: recordUrl(taskCategory) },
				send: { preSend: [validateParameters(recordIdRule(taskCategory))] },
				operations: { pagination: sendAsDescribed(onlyofficeApi) },
			},
		},
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
		{
			name: 'Update',
			value: 'update',
			action: 'Update a task category',
			description: 'Change fields of a task category, keeping all others as they are',
			routing: {
				request: { method: 'PUT', url: recordUrl(taskCategory) },
				operations: { pagination: updateByReplacing(taskCategory, categoryReplaceShape) },
			},
		},
	],
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
