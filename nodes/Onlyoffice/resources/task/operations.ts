import type { INodePropertyOptions } from 'n8n-workflow';

import { createRecord } from '../../../shared/create';
import { deleteAndReport } from '../../../shared/delete';
import { sendAsDescribed, type OperationExecutor } from '../../../shared/executor';
import {
	createOperation,
	deleteOperation,
	getOperation,
	updateOperation,
	operationSelector,
} from '../../../shared/operations';
import { recordIdRule } from '../../../shared/record';
import { outputtingTasks } from '../../../shared/task/simplify';
import { updateByReplacing } from '../../../shared/update';
import { oneOf, validateParameters } from '../../../shared/validation';
import { onlyofficeApi } from '../../transport';
import { onlyofficeTask, taskReplaceShape } from './record';
import { searchTasks } from './search';
import { onlyofficeTaskMapping } from './taskMapping';

const list = { method: 'GET', url: '/crm/task/filter' } as const;

/** A read operation's executor, its tasks in the shared shape when Simplify is on. */
const readingTasks = (executor: OperationExecutor) =>
	outputtingTasks(executor, { mapping: onlyofficeTaskMapping });

const commandRules = {
	...recordIdRule(onlyofficeTask),
	command: { label: 'Command', schema: oneOf(['close', 'reopen']) },
};

/** The operations, each with the request it sends and the executor that runs it. */
const operationOptions: INodePropertyOptions[] = [
	createOperation(onlyofficeTask, {
		executor: createRecord(onlyofficeTask),
		description: 'Create a task with a title, deadline, responsible user and category',
	}),
	deleteOperation(onlyofficeTask, {
		executor: deleteAndReport(onlyofficeTask, onlyofficeApi, 'id'),
	}),
	{
		name: 'Find',
		value: 'find',
		action: 'Find tasks',
		description:
			'Search tasks by responsible user, category, status, linked record and text, with a deadline range and an order. Use it when you know something about the tasks you want.',
		routing: {
			request: list,
			operations: { pagination: readingTasks(searchTasks({ filters: true, ranges: true })) },
		},
	},
	getOperation(onlyofficeTask, { executor: readingTasks(sendAsDescribed(onlyofficeApi)) }),
	{
		name: 'List',
		value: 'list',
		action: 'List tasks',
		description:
			'Go through all tasks, in the order you choose (open ones first). To narrow them down, use Find.',
		routing: { request: list, operations: { pagination: readingTasks(searchTasks({})) } },
	},
	{
		name: 'Range',
		value: 'range',
		action: 'Find tasks by deadline',
		description:
			'Get the tasks due between two moments, e.g. next week. To combine the deadline with other filters, use Find.',
		routing: {
			request: list,
			operations: {
				pagination: readingTasks(searchTasks({ ranges: true, rangeRequired: true })),
			},
		},
	},
	{
		name: 'Run Command',
		value: 'runCommand',
		action: 'Close or reopen a task',
		description: 'Close a task as done, or reopen a closed one',
		routing: {
			request: {
				method: 'PUT',
				url: '={{ "/crm/task/" + encodeURIComponent(String($parameter.recordId).trim()) + "/" + $parameter.command }}',
			},
			send: { preSend: [validateParameters(commandRules)] },
			operations: { pagination: sendAsDescribed(onlyofficeApi) },
		},
	},
	updateOperation(onlyofficeTask, {
		executor: updateByReplacing(onlyofficeTask, taskReplaceShape),
		description:
			'Change fields of a task, keeping all others as they are (ONLYOFFICE would otherwise clear them)',
	}),
];

/** The task operations ONLYOFFICE offers, each with the request it sends (CRMApi.Tasks). */
export const taskOperations = operationSelector('task', operationOptions, 'find');
