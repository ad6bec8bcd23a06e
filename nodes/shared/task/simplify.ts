import type {
	IDataObject,
	IDisplayOptions,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import type { OperationExecutor } from '../executor';
import { asTask, type TaskMapping } from './task';

/**
 * The Simplify switch, n8n's convention for a cleaner output: on, each task is the shared Task
 * shape of every node in the pack; off (the default), the vendor's record as before. Without
 * `show`, it is shown always (a trigger that only watches tasks).
 */
export function simplifyField(show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to output each task in the shape every CRM Tasks node shares (title, description, due date, completed, assignee, related record, tags, dates, link), with the vendor\'s record under "raw", instead of the vendor\'s record alone',
		...(show ? { displayOptions: { show } } : {}),
	};
}

/** What a node outputs for task records: simplified when the user asks, else presented. */
export interface TaskOutput {
	mapping: TaskMapping;
	/** The record as the node outputs it with Simplify off, e.g. with readable dates added. */
	present?: (record: IDataObject) => IDataObject;
}

/** Where the Simplify choice and the credential are read: an action item or a trigger poll. */
type OutputContext = Pick<IPollFunctions, 'getCredentials'> & {
	getNodeParameter(name: 'simplify', fallback: boolean): unknown;
};

/** How each task record comes out, as the user chose: a shared Task, or presented. */
async function taskPresenter(context: OutputContext, output: TaskOutput) {
	const { mapping, present } = output;
	if (context.getNodeParameter('simplify', false) === true) {
		const credentials = await context.getCredentials(mapping.credentialType);
		return (record: IDataObject) => asTask(mapping, record, credentials) as unknown as IDataObject;
	}
	return present ?? ((record: IDataObject) => record);
}

/**
 * An executor whose task records come out as shared Tasks with Simplify on, or presented with it
 * off. Other answers, such as a deletion's, pass as they are.
 */
export function outputtingTasks(
	executor: OperationExecutor,
	output: TaskOutput,
): OperationExecutor {
	return async function outputTasks(requestData) {
		const items = await executor.call(this, requestData);
		const present = await taskPresenter(this, output);
		return items.map((item) =>
			output.mapping.isTask(item.json) ? { ...item, json: present(item.json) } : item,
		);
	};
}

/** A trigger's emitted tasks, simplified or presented as the user chose (see outputtingTasks). */
export async function triggerTasks(
	context: IPollFunctions,
	items: INodeExecutionData[],
	output: TaskOutput,
): Promise<INodeExecutionData[]> {
	const present = await taskPresenter(context, output);
	return items.map((item) => ({ ...item, json: present(item.json) }));
}
