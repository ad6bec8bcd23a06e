import type { INodePropertyOptions } from 'n8n-workflow';

import { createRecord } from '../../../shared/create';
import { deleteAndReport } from '../../../shared/delete';
import { sendAsDescribed } from '../../../shared/executor';
import {
	createOperation,
	deleteOperation,
	getOperation,
	updateOperation,
	operationSelector,
} from '../../../shared/operations';
import { outputtingTasks } from '../../../shared/task/simplify';
import { updatePartially } from '../../../shared/update';
import { copperApi } from '../../transport';
import { copperTask, taskOutput } from './record';
import { searchTasks } from './search';

const search = { method: 'POST', url: '/tasks/search' } as const;

/** The operations, each with the request it sends and the executor that runs it. */
const operationOptions: INodePropertyOptions[] = [
	createOperation(copperTask, {
		executor: outputtingTasks(createRecord(copperTask), taskOutput),
		description: 'Create a task with any of its fields, custom fields included',
	}),
	deleteOperation(copperTask, { executor: deleteAndReport(copperTask, copperApi, 'id') }),
	{
		name: 'Find',
		value: 'find',
		action: 'Find tasks',
		description:
			'Search tasks by assignee, project, opportunity, status, tags, custom fields and dates together, in a chosen order. Use it when you know something about the tasks you want.',
		routing: {
			request: search,
			operations: {
				pagination: outputtingTasks(searchTasks({ filters: true, ranges: true }), taskOutput),
			},
		},
	},
	getOperation(copperTask, { executor: outputtingTasks(sendAsDescribed(copperApi), taskOutput) }),
	{
		name: 'List',
		value: 'list',
		action: 'List tasks',
		description:
			'Go through all tasks, newest first or in the order you choose. To narrow them down, use Find.',
		routing: {
			request: search,
			operations: { pagination: outputtingTasks(searchTasks({}), taskOutput) },
		},
	},
	{
		name: 'Range',
		value: 'range',
		action: 'Find tasks in a date range',
		description:
			'Get the tasks whose due, created or modified dates fall between two bounds, e.g. due next week. To combine dates with other filters, use Find.',
		routing: {
			request: search,
			operations: {
				pagination: outputtingTasks(searchTasks({ ranges: true, rangeRequired: true }), taskOutput),
			},
		},
	},
	updateOperation(copperTask, {
		executor: outputtingTasks(updatePartially(copperTask), taskOutput),
		description: 'Change or clear fields of a task, keeping all others as they are',
	}),
];

/** The task operations Copper offers, each with the request it sends (tasks/*.html). */
export const taskOperations = operationSelector('task', operationOptions, 'find');
