import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { vendorRequest } from '../../../shared/transport/request';
import { checkParameters, recordIdList, requiredText } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';

/** List Commands and Run Command. */
export function commandFields(entity: NexudusEntity): INodeProperties[] {
	const resource = [entity.resource];
	return [
		{
			displayName: 'Only for Record ID',
			name: 'commandsForId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234',
			description: `Only list the commands that apply to this ${entity.noun}`,
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
				'The command to run. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { resource, operation: ['runCommand'] } },
		},
		{
			displayName: 'Record IDs',
			name: 'commandIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234, 5678',
			description: `Comma-separated IDs of the ${entity.nounPlural} to run the command on`,
			displayOptions: { show: { resource, operation: ['runCommand'] } },
		},
		{
			displayName: 'Command Parameters',
			name: 'commandParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			displayOptions: { show: { resource, operation: ['runCommand'] } },
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{
							displayName: 'Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getCommandParameters',
								loadOptionsDependsOn: ['command'],
							},
							default: '',
							description:
								'A parameter the command requires. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
	];
}

const runCommandRules = {
	command: { label: 'Command', schema: requiredText },
	commandIds: { label: 'Record IDs', schema: recordIdList },
	commandParameters: {
		label: 'Command Parameters',
		schema: z
			.object({
				parameter: z
					.array(
						z.object({ name: requiredText, value: z.union([z.string(), z.number(), z.boolean()]) }),
					)
					.default([]),
			})
			.default({}),
	},
};

/** Runs a command; Nexudus reports a failed run with HTTP 200 and WasSuccessful false. */
export const runCommand: OperationExecutor = async function runCommand(requestData) {
	const input = checkParameters(this, runCommandRules);
	const parameters = (input.commandParameters as { parameter: IDataObject[] }).parameter;
	const envelope = await vendorRequest<IDataObject>(this, nexudusApi, {
		...requestData.options,
		body: {
			Key: input.command,
			Ids: input.commandIds,
			Parameters: parameters.map(({ name, value }) => ({ Name: name, Value: value })),
		},
	});
	return toItems(this, envelope);
};
