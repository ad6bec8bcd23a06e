import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport/request';
import { nexudusEntities } from '../resources';
import { nexudusApi, nexudusBaseUrl } from '../transport';

interface NexudusCommand {
	Key: string;
	Name?: string;
	RequiresParameters?: Array<{ Name: string; Type?: string }>;
	AppliesOnlyToOneEntity?: boolean;
	AppliesOnlyToMultipleEntities?: boolean;
}

async function fetchCommands(context: ILoadOptionsFunctions): Promise<NexudusCommand[]> {
	const resource = context.getCurrentNodeParameter('resource') as string;
	const entity = nexudusEntities.find((candidate) => candidate.resource === resource);
	if (!entity) return [];
	return await vendorRequest<NexudusCommand[]>(context, nexudusApi, {
		method: 'GET',
		baseURL: await nexudusBaseUrl(context),
		url: `${entity.path}/commands`,
	});
}

/** The commands Nexudus offers for the selected resource, loaded live. */
export async function getCommands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const commands = await fetchCommands(this);
	return commands.map((command) => {
		const scope = command.AppliesOnlyToOneEntity
			? 'Runs on exactly one record'
			: command.AppliesOnlyToMultipleEntities
				? 'Runs on several records'
				: undefined;
		return { name: command.Name ?? command.Key, value: command.Key, description: scope };
	});
}

/** The parameters the selected command requires. */
export async function getCommandParameters(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const key = this.getCurrentNodeParameter('command') as string;
	const command = (await fetchCommands(this)).find((candidate) => candidate.Key === key);
	return (command?.RequiresParameters ?? []).map((parameter: IDataObject) => ({
		name: String(parameter.Name),
		value: String(parameter.Name),
		description: parameter.Type ? `Type: ${String(parameter.Type)}` : undefined,
	}));
}
