import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { PackageNodeTypes } from './nodeTypes';
import { testNode } from './testNode';

/**
 * The context n8n's editor gives a node's listSearch and loadOptions methods, for a node with
 * `parameters` as currently filled in, and the node type whose methods to call.
 */
export function loadOptionsContext(
	type: string,
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): { context: ILoadOptionsFunctions; nodeType: INodeType } {
	const nodeTypes = new PackageNodeTypes();
	const node = testNode('Node under test', type, parameters, Object.keys(credentials));
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const { additionalData } = createAdditionalData(structuredClone(credentials));
	additionalData.currentNodeParameters = parameters;
	return {
		context: new LoadOptionsContext(workflow, node, additionalData, 'parameters'),
		nodeType: nodeTypes.getByNameAndVersion(type, 1),
	};
}
