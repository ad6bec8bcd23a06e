import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { packageNodes } from './package';

/** Resolves node types the way n8n does for an installed community package: `<package>.<name>`. */
export class PackageNodeTypes implements INodeTypes {
	private readonly byType = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Array<INodeType | IVersionedNodeType> = packageNodes()) {
		for (const node of nodes) {
			this.byType.set(`n8n-nodes-crm-tasks.${node.description.name}`, node);
		}
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const node = this.byType.get(nodeType);
		if (!node) throw new Error(`Unknown node type ${nodeType}`);
		return node;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}
