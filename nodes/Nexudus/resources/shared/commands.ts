import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { inputError } from '../../../shared/inputError';
import { checkMappedValues } from '../../../shared/mappedValues';
import { vendorRequest, type RequestOptions } from '../../../shared/transport/request';
import {
	checkParameters,
	recordIdList,
	requiredText,
	type ParameterRules,
} from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { fetchRecordsByIds } from '../../readRecords';
import { nexudusApi } from '../../transport';
import {
	fetchCommands,
	parameterKind,
	parameterSchemas,
	type NexudusCommand,
} from './commandCatalog';

/** List Commands and Run Command. */
export function commandFields(entity: NexudusEntity): INodeProperties[] {
	const resource = [entity.resource];
	const show = { resource, operation: ['runCommand'] };
	return [
		{
			displayName: 'Record ID',
			name: 'commandsForId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234',
			hint: `Only list the commands that apply to this ${entity.noun}. Leave empty for all commands.`,
			routing: { send: { type: 'query', property: 'id', value: '={{ $value || undefined }}' } },
			displayOptions: { show: { resource, operation: ['listCommands'] } },
		},
		{
			displayName: 'Command Name or ID',
			name: 'command',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCommands', loadOptionsDependsOn: ['resource'] },
			default: '',
			required: true,
			description:
				'The command to run, as Nexudus offers it for your account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show },
		},
		{
			displayName: 'Record IDs',
			name: 'commandIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234, 5678',
			description: `Comma-separated IDs of the ${entity.nounPlural} to run the command on. The output is these ${entity.nounPlural} as Nexudus has them after the run; a record the command removed comes out as its ID with deleted: true.`,
			hint: 'Leave empty for a command that runs without records: the output is then { command, message, succeeded: true }',
			displayOptions: { show },
		},
		{
			displayName: 'Command Parameters',
			name: 'commandParameters',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			typeOptions: {
				loadOptionsDependsOn: ['command'],
				resourceMapper: {
					resourceMapperMethod: 'getCommandParameterFields',
					mode: 'add',
					valuesLabel: 'Parameters',
					fieldWords: { singular: 'parameter', plural: 'parameters' },
					addAllFields: true,
					supportAutoMap: false,
					noFieldsError: 'This command needs no parameters',
				},
			},
			description: 'The parameters the chosen command requires, loaded from Nexudus',
			displayOptions: { show },
		},
	];
}

const commandRules = {
	command: { label: 'Command', schema: requiredText },
	commandIds: {
		label: 'Record IDs',
		schema: z.preprocess((value) => (value === '' ? undefined : value), recordIdList.optional()),
	},
};

/** Refuses record IDs that the command cannot run on, the way Nexudus describes the command. */
function checkRecordCount(
	context: IExecuteSingleFunctions,
	command: NexudusCommand,
	ids: number[],
) {
	const name = command.Name ?? command.Key;
	const problem =
		command.NeedsEntitiesToRun !== false && ids.length === 0
			? `${name} runs on records: enter at least one ID`
			: command.AppliesOnlyToOneEntity && ids.length !== 1
				? `${name} runs on exactly one record`
				: command.AppliesOnlyToTwoEntities && ids.length !== 2
					? `${name} runs on exactly two records`
					: undefined;
	if (problem) {
		throw inputError(context, `Invalid value for "Record IDs": ${problem}`);
	}
}

/** Checks each required parameter by its kind and writes it as `{ Name, Value, Type }`. */
function readParameters(context: IExecuteSingleFunctions, command: NexudusCommand) {
	const required = command.RequiresParameters ?? [];
	const rules: ParameterRules = {};
	for (const parameter of required) {
		rules[parameter.Name] = {
			label: parameter.Name,
			schema: parameterSchemas[parameterKind(parameter)],
		};
	}
	const values = checkMappedValues(context, 'commandParameters', rules);
	return required.map((parameter) => ({
		Name: parameter.Name,
		Value: values[parameter.Name] as IDataObject[string],
		Type: parameter.Type ?? null,
	}));
}

/**
 * Runs a command, checked against the commands Nexudus offers now: the records it needs and its
 * parameters. Outputs the records as Nexudus has them after the run, read back by ID, or for a
 * command without records what Nexudus answered. Nexudus reports a failed run with HTTP 200 and
 * `WasSuccessful: false`, which the transport turns into an error.
 */
export const runCommand: OperationExecutor = async function runCommand(requestData) {
	const path = String(requestData.options.url).replace(/\/runcommand$/, '');
	const input = checkParameters(this, commandRules);
	const ids = (input.commandIds as number[] | undefined) ?? [];
	const offered = await fetchCommands(this, path, requestData.options.baseURL);
	const command = offered.find((candidate) => candidate.Key === input.command);
	if (!command) {
		throw inputError(
			this,
			`Invalid value for "Command": Nexudus does not offer a command ${String(input.command)} here`,
			{ description: 'List Commands shows the commands Nexudus offers for your account.' },
		);
	}
	checkRecordCount(this, command, ids);
	const envelope = await vendorRequest<IDataObject>(this, nexudusApi, {
		...requestData.options,
		body: { Key: command.Key, Ids: ids, Parameters: readParameters(this, command) },
	});
	if (ids.length === 0) {
		return toItems(this, { command: command.Key, message: envelope.Message, succeeded: true });
	}
	return toItems(this, await readBack(this, path, ids, requestData.options));
};

/**
 * The records a command ran on, as Nexudus has them now, in the order of `ids` (read in batches,
 * see readRecords.ts). A record Nexudus no longer has comes out as deleted.
 */
async function readBack(
	context: IExecuteSingleFunctions,
	path: string,
	ids: number[],
	options: RequestOptions,
): Promise<IDataObject[]> {
	const found = await fetchRecordsByIds(context, { path }, ids, String(options.baseURL));
	return ids.map(
		(id) => found.find((record) => Number(record.Id) === id) ?? { Id: id, deleted: true },
	);
}
