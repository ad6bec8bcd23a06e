import type { INodePropertyOptions } from 'n8n-workflow';

import { createRecord } from '../../../shared/create';
import { sendAsDescribed } from '../../../shared/executor';
import { createOperation, getOperation, operationSelector } from '../../../shared/operations';
import { validateParameters } from '../../../shared/validation';
import { asAdmin, cotalkerApi } from '../../transport';
import { workflowGroupRule } from './fields';
import { cotalkerTaskGroup } from './record';
import { listTaskGroups } from './search';

const create = createOperation(cotalkerTaskGroup, {
	executor: asAdmin(createRecord(cotalkerTaskGroup)),
	description: 'Create a task group for a workflow group (sent with the Admin header)',
});

/** The task group operations of Cotalker's v2 API, each with the request it sends. */
const operationOptions: INodePropertyOptions[] = [
	{
		...create,
		routing: { ...create.routing, send: { preSend: [validateParameters(workflowGroupRule)] } },
	},
	getOperation(cotalkerTaskGroup, {
		executor: asAdmin(sendAsDescribed(cotalkerApi)),
		description: 'Get one task group by its ID (sent with the Admin header)',
	}),
	{
		name: 'List',
		value: 'list',
		action: 'List task groups',
		description:
			'List the task groups of the company, filtered by activity, IDs, workflow groups and created or modified dates, in the order you choose',
		routing: {
			request: { method: 'GET', url: cotalkerTaskGroup.path },
			operations: { pagination: listTaskGroups },
		},
	},
];

/** The Operation selector for task groups. */
export const taskGroupOperations = operationSelector('taskGroup', operationOptions, 'list');
