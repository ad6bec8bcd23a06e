import type { IExecuteSingleFunctions, INodePropertyOptions } from 'n8n-workflow';

import { createRecord } from '../../../shared/create';
import { deactivateRecord } from '../../../shared/delete';
import { sendAsDescribed, type OperationExecutor } from '../../../shared/executor';
import { objectIds } from '../../../shared/idRule';
import {
	createOperation,
	deleteOperation,
	getOperation,
	updateOperation,
	operationSelector,
} from '../../../shared/operations';
import { recordsUrl, recordUrl } from '../../../shared/record';
import { outputtingTasks } from '../../../shared/task/simplify';
import { sendChange, updatePartially } from '../../../shared/update';
import { checkParameters } from '../../../shared/validation';
import { ADMIN_HEADER, cotalkerApi } from '../../transport';
import { cotalkerTask, taskList } from './record';
import { findTasks, listTasks } from './search';
import { cotalkerTaskMapping } from './taskMapping';

/** A write of the picked task: Cotalker's partial PATCH, which needs the Admin header. */
const patchTask = { method: 'PATCH', url: recordUrl(cotalkerTask), headers: ADMIN_HEADER } as const;

/** A read operation's executor, its tasks in the shared shape when Simplify is on. */
const readingTasks = (executor: OperationExecutor) =>
	outputtingTasks(executor, { mapping: cotalkerTaskMapping });

/** The state to move to, as `PATCH {smState}` takes it. */
function stateMove(context: IExecuteSingleFunctions) {
	const { newState } = checkParameters(context, {
		newState: { label: 'New State', schema: objectIds.picked('state') },
	});
	return { smState: newState as string };
}

/** The operations, each with the request it sends and the executor that runs it. */
const operationOptions: INodePropertyOptions[] = [
	createOperation(cotalkerTask, {
		executor: createRecord(cotalkerTask),
		description: 'Create a task in a task group, with its assignee, dates and additional fields',
		request: {
			method: 'POST',
			url: `${recordsUrl(cotalkerTask)}/create`,
			headers: ADMIN_HEADER,
		},
	}),
	{
		...deleteOperation(cotalkerTask, {
			executor: deactivateRecord(cotalkerTask, cotalkerApi, { isActive: false }),
			description:
				'Cotalker has no delete: the task is deactivated (Active off), hidden from active lists, and can be reactivated with Update',
			request: patchTask,
		}),
		name: 'Delete (Deactivate)',
		action: 'Deactivate a task',
	},
	{
		name: 'Find',
		value: 'find',
		action: 'Find tasks',
		description:
			'Search the tasks of a group by keywords, assignee, state or status, or find the tasks related to a user or a property',
		routing: {
			request: { method: 'GET', url: recordsUrl(cotalkerTask) },
			operations: { pagination: readingTasks(findTasks) },
		},
	},
	getOperation(cotalkerTask, { executor: readingTasks(sendAsDescribed(cotalkerApi)) }),
	{
		name: 'List',
		value: 'list',
		action: 'List tasks',
		description:
			'Go through the tasks of a group, by name. To narrow them down, use Find or Range.',
		routing: {
			request: { method: 'GET', url: recordsUrl(taskList) },
			operations: { pagination: readingTasks(listTasks(false)) },
		},
	},
	{
		name: 'Move to State',
		value: 'runCommand',
		action: 'Move a task to another state',
		description:
			'Move a task to one of the states its workflow allows next, e.g. from Open to Done',
		routing: {
			request: patchTask,
			operations: { pagination: sendChange(cotalkerTask, cotalkerApi, stateMove) },
		},
	},
	{
		name: 'Range',
		value: 'range',
		action: 'Find tasks by creation or change date',
		description:
			'Get the tasks of a group created or last changed between two moments, e.g. changed since yesterday',
		routing: {
			request: { method: 'GET', url: recordsUrl(taskList) },
			operations: { pagination: readingTasks(listTasks(true)) },
		},
	},
	updateOperation(cotalkerTask, {
		executor: updatePartially(cotalkerTask),
		description: 'Change fields of a task, keeping all others as they are',
		request: patchTask,
	}),
];

/** The task operations Cotalker offers, each with the request it sends. */
export const taskOperations = operationSelector('task', operationOptions, 'find');
