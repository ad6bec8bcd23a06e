import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/fields';
import { checkParameters, pickedRecordId } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';

/** A noun as a label: every word capitalised, e.g. "Coworker Task". */
export const titleCase = (text: string) =>
	text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

/** The record an operation acts on, picked from a searchable list or given by ID. */
export function recordField(entity: NexudusEntity, operations: string[]): INodeProperties {
	return recordLocator(pickers[entity.resource as keyof typeof pickers], {
		displayName: titleCase(entity.noun),
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
	recordId: { label: titleCase(entity.noun), schema: pickedRecordId(entity.noun) },
});
