import { PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { PackageNodeTypes } from './nodeTypes';
import { TRIGGER_NODE_NAME } from './pollTrigger';
import { testNode } from './testNode';

/**
 * "Fetch Test Event": a trigger of type `type` polled once in manual mode, as the editor does, over
 * the given workflow static data (e.g. the state of the same trigger while it is active). Returns
 * the items and the static data as JSON afterwards.
 */
export async function fetchTestEvent(
	type: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	staticData: IDataObject = {},
): Promise<{ items: IDataObject[] | null; staticData: IDataObject }> {
	const nodeTypes = new PackageNodeTypes();
	const node = testNode(TRIGGER_NODE_NAME, type, parameters, Object.keys(credentials));
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		staticData: structuredClone(staticData),
	});
	const { additionalData } = createAdditionalData(structuredClone(credentials));
	const context = new PollContext(workflow, node, additionalData, 'manual', 'manual');
	const result = await nodeTypes.getByNameAndVersion(type, 1).poll!.call(context);
	return {
		items: result ? result[0].map((item) => item.json) : null,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

/** The static data of a workflow whose trigger has `state`. */
export const withTriggerState = (state: IDataObject | undefined): IDataObject =>
	state ? { [`node:${TRIGGER_NODE_NAME}`]: state } : {};
