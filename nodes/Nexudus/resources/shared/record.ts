import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/fields';
import { checkParameters, recordId } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The record an operation acts on, picked from a searchable list or given by ID. */
export function recordField(entity: NexudusEntity, operations: string[]): INodeProperties {
	return recordLocator(pickers[entity.resource as keyof typeof pickers], {
		displayName: capitalise(entity.noun),
		name: 'recordId',
		required: true,
		description: `The ${entity.noun} to use`,
		displayOptions: { show: { resource: [entity.resource], operation: operations } },
	});
}

/** The URL of the picked record; the ID is encoded like any path parameter. */
export const recordUrl = (entity: NexudusEntity) =>
	`=${entity.path}/{{ encodeURIComponent($parameter.recordId) }}`;

/** Reads and checks the picked record's ID. */
export function readRecordId(context: IExecuteSingleFunctions, entity: NexudusEntity): number {
	return checkParameters(context, recordIdRule(entity)).recordId as number;
}

/** The check of the picked record's ID, for operations that only need it validated. */
export const recordIdRule = (entity: NexudusEntity) => ({
	recordId: { label: capitalise(entity.noun), schema: recordId },
});
