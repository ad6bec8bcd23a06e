import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { loadOptionsContext } from '../loadOptions';
import { PackageNodeTypes } from '../nodeTypes';

/** Whether a node type is one of this package's. */
export const isPackageNode = (type: string) => type.startsWith('n8n-nodes-crm-tasks.');

/** Every (resource, operation) pair an action node offers, from its description. */
export const operationsOffered = (type: string): string[] =>
	new PackageNodeTypes()
		.getByNameAndVersion(type, 1)
		.description.properties.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options ?? []).map(
					(option) => `${String(resource)} ${String((option as { value: unknown }).value)}`,
				),
			),
		);

export interface Picker {
	/** e.g. "copper.searchUsers". */
	name: string;
	/** Calls the method as the editor does, for the node as `parameters` have it filled in. */
	call(
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	): Promise<unknown>;
}

/** Every loadOptions and listSearch method of a node type. */
export function pickersOf(type: string): Picker[] {
	const { methods = {} } = new PackageNodeTypes().getByNameAndVersion(type, 1) as INodeType;
	return (['loadOptions', 'listSearch'] as const).flatMap((kind) =>
		Object.entries(methods[kind] ?? {}).map(([name, method]) => ({
			name: `${type.split('.').pop()}.${name}`,
			call: async (parameters, credentials) => {
				const { context } = loadOptionsContext(type, parameters, credentials);
				return await (method as (this: ILoadOptionsFunctions) => Promise<unknown>).call(context);
			},
		})),
	);
}
