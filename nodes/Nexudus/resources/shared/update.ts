import type { INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { fieldParameter, readRecordFields } from '../../../shared/fields';
import { inputError } from '../../../shared/inputError';
import { readRecordId } from '../../../shared/record';
import { replaceRecord, type ReplaceShape } from '../../../shared/recordWrite';
import { vendorRequest } from '../../../shared/transport/request';
import { recordKeptOnUpdate, type NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import { nexudusRecord } from './record';
import { getRecord } from './write';

/** Update: any documented field, each optional. */
export function updateFields(entity: NexudusEntity): INodeProperties[] {
	return [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: `The fields to change. Every other field of the ${entity.noun} stays as it is.`,
			options: entity.fields.map((field) => fieldParameter(field)),
			displayOptions: { show: { resource: [entity.resource], operation: ['update'] } },
		},
	];
}

/** What Nexudus' PUT accepts for the entity. */
const replaceShape = (entity: NexudusEntity): ReplaceShape => ({
	idProperty: 'Id',
	fields: entity.fields,
	kept: [...recordKeptOnUpdate, ...(entity.keptOnUpdate ?? [])],
});

/**
 * Nexudus' PUT replaces the whole record and clears every field it is not sent. So the executor
 * reads the record, applies only the fields the user set, sends back what the PUT accepts, and
 * returns the record as Nexudus now has it. A record that lacks a required reference is not sent,
 * since Nexudus would clear or refuse it.
 */
export function updateRecord(entity: NexudusEntity): OperationExecutor {
	const shape = replaceShape(entity);
	return async function updateRecord(requestData) {
		const id = readRecordId(this, nexudusRecord(entity));
		const changes = readRecordFields(this, shape.fields, 'updateFields');
		if (Object.keys(changes).length === 0) {
			throw inputError(this, 'Add at least one field under "Update Fields"');
		}
		await replaceRecord(this, shape, { id, noun: entity.noun }, changes, {
			read: async () => await getRecord(this, entity, id, requestData.options),
			write: async (body) =>
				await vendorRequest(this, nexudusApi, { ...requestData.options, body }),
		});
		return toItems(this, await getRecord(this, entity, id, requestData.options));
	};
}
