import type { INode, INodeParameters } from 'n8n-workflow';

/** A node as it stands in a saved workflow, with a stored credential for each credential type. */
export function testNode(
	name: string,
	type: string,
	parameters: INodeParameters,
	credentialTypes: string[],
): INode {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(credentialTypes.map((type) => [type, { id: '1', name: type }])),
	};
}
