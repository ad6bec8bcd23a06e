import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { createAdditionalData } from '../helpers/additionalData';
import { PackageNodeTypes } from '../helpers/nodeTypes';
import { testNode } from '../helpers/testNode';
import { NODE } from './credentials';

/**
 * The context n8n's editor gives the Copper node's listSearch and loadOptions methods, like
 * test/helpers/loadOptions.ts, but for a parameter at `path` (as the editor sends it, e.g.
 * `parameters.additionalFields.relatedResource.value.id`): n8n-core resolves a sibling such as
 * `&type` against it.
 */
export function editorContext(
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	path = 'parameters',
): { context: ILoadOptionsFunctions; nodeType: INodeType } {
	const nodeTypes = new PackageNodeTypes();
	const node = testNode('Node under test', NODE, parameters, Object.keys(credentials));
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const { additionalData } = createAdditionalData(structuredClone(credentials));
	additionalData.currentNodeParameters = parameters;
	return {
		context: new LoadOptionsContext(workflow, node, additionalData, path),
		nodeType: nodeTypes.getByNameAndVersion(NODE, 1),
	};
}
