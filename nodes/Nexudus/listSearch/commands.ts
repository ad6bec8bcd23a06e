import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import {
	fetchCommands,
	fieldTypes,
	parameterKind,
	type CommandParameter,
	type NexudusCommand,
} from '../resources/shared/commandCatalog';
import { nexudusEntities } from '../resources';
import { nexudusBaseUrl } from '../transport';
import { listUsers } from './users';

/** The commands Nexudus offers for the resource the node is set to. */
async function offeredCommands(context: ILoadOptionsFunctions): Promise<NexudusCommand[]> {
	const resource = context.getCurrentNodeParameter('resource');
	const entity = nexudusEntities.find((candidate) => candidate.resource === resource);
	if (!entity) return [];
	return await fetchCommands(context, entity.path, await nexudusBaseUrl(context));
}

/** Which records a command runs on, in the words of the Record IDs field. */
function recordsNeeded(command: NexudusCommand): string | undefined {
	if (command.NeedsEntitiesToRun === false) return 'Runs without records: leave Record IDs empty';
	if (command.AppliesOnlyToOneEntity) return 'Runs on exactly one record';
	if (command.AppliesOnlyToTwoEntities) return 'Runs on exactly two records';
	if (command.AppliesOnlyToMultipleEntities) return 'Runs on several records';
	return undefined;
}

/** The commands Nexudus offers for the selected resource, loaded live. */
export async function getCommands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await offeredCommands(this)).map((command) => ({
		name: command.Name ?? command.Key,
		value: command.Key,
		description: recordsNeeded(command),
	}));
}

async function parameterField(
	context: ILoadOptionsFunctions,
	parameter: CommandParameter,
	users: () => Promise<INodePropertyOptions[]>,
): Promise<ResourceMapperField> {
	const kind = parameterKind(parameter);
	return {
		id: parameter.Name,
		displayName: parameter.Name,
		required: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: fieldTypes[kind],
		...(kind === 'user' ? { options: await users() } : {}),
	};
}

/**
 * The parameters the selected command requires, as fields of their type: a date picker for dates,
 * a switch for booleans, a number for numbers, and for a user's ID the users by name.
 */
export async function getCommandParameterFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const key = this.getCurrentNodeParameter('command');
	if (typeof key !== 'string' || key === '') {
		return { fields: [], emptyFieldsNotice: 'Choose a command first' };
	}
	const command = (await offeredCommands(this)).find((candidate) => candidate.Key === key);
	const parameters = command?.RequiresParameters ?? [];
	if (parameters.length === 0) {
		return { fields: [], emptyFieldsNotice: `${command?.Name ?? key} needs no parameters` };
	}
	let users: Promise<INodePropertyOptions[]> | undefined;
	const userOptions = async () => await (users ??= listUsers(this));
	const fields: ResourceMapperField[] = [];
	for (const parameter of parameters)
		fields.push(await parameterField(this, parameter, userOptions));
	return { fields };
}
