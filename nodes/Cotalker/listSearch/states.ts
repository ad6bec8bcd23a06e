import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { objectIds } from '../../shared/idRule';
import { vendorRequest } from '../../shared/transport/request';
import { cotalkerApi, cotalkerBaseUrl } from '../transport';

/** The ObjectId chosen in a locator of the node, or undefined while none (or no valid one) is. */
function chosenId(context: ILoadOptionsFunctions, parameter: string): string | undefined {
	const value = context.getCurrentNodeParameter(parameter, { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	return new RegExp(objectIds.pattern).test(id) ? id : undefined;
}

/** The chosen task group's ID, or an error saying to choose one first. */
function taskGroupOf(context: ILoadOptionsFunctions): string {
	const group = chosenId(context, 'taskGroup');
	if (!group) {
		throw new NodeOperationError(context.getNode(), 'Choose a task group first', {
			description: 'The states are those of the task group chosen above.',
		});
	}
	return group;
}

/** A list from a v1 state-machine endpoint of the chosen group: states (COTSMState) or machines. */
async function readStates(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const group = encodeURIComponent(taskGroupOf(context));
	const states = await vendorRequest<unknown>(context, cotalkerApi, {
		method: 'GET',
		baseURL: await cotalkerBaseUrl(context),
		url: `/api/v1/tasks/${group}/sm/${path}`,
		qs,
		headers: { Accept: 'application/json' },
	});
	return Array.isArray(states) ? (states as IDataObject[]) : [];
}

/** A state's type as Cotalker gives it: new, in-progress or closed. */
const kindOf = (state: IDataObject) =>
	typeof state.type === 'string' ? `Type: ${state.type}` : undefined;

/**
 * The states of the chosen task group's workflows, for filters: each stands for its property
 * (COTProperty), which is what Cotalker's task search filters states by (`status`).
 */
export async function getStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const states = await readStates(this, 'smstate');
	return states
		.filter((state) => typeof state.property === 'string')
		.map((state) => ({
			name: String(state.name ?? state._id),
			value: state.property as string,
			description: kindOf(state),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The states the chosen task may move to from where it is now (`nextsmstate`), by name, live for
 * that task: the choices of Move to State.
 */
export async function getNextStates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	taskGroupOf(this);
	const task = chosenId(this, 'recordId');
	if (!task) {
		throw new NodeOperationError(this.getNode(), 'Choose a task first', {
			description: 'The states listed are those the chosen task may move to next.',
		});
	}
	const states = await readStates(this, 'nextsmstate', { taskId: task });
	return states.map((state) => ({
		name: String(state.name ?? state._id),
		value: state._id as string,
		description: kindOf(state),
	}));
}

/** The workflows (state machines) of the chosen task group, by name: for the Workflow filter. */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const machines = await readStates(this, 'smstatemachine');
	return machines
		.map((machine) => ({ name: String(machine.name ?? machine._id), value: machine._id as string }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
