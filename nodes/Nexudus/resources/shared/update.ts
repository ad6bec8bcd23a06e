import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { fieldParameter, readRecordFields } from '../../../shared/fields';
import { vendorRequest } from '../../../shared/transport/request';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import { readRecordId } from './record';
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
			options: entity.fields.map((field) => fieldParameter(field)),
			displayOptions: { show: { resource: [entity.resource], operation: ['update'] } },
		},
	];
}

/**
 * Nexudus' PUT replaces the whole record and clears every field it is not sent. So the executor
 * reads the record, applies only the fields the user set, sends the whole record back, and
 * returns it as Nexudus now has it.
 */
export function updateRecord(entity: NexudusEntity): OperationExecutor {
	return async function updateRecord(requestData) {
		const id = readRecordId(this, entity);
		const changes = readRecordFields(this, entity.fields, 'updateFields');
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Add at least one field under "Update Fields"', {
				itemIndex: this.getItemIndex(),
			});
		}
		const current = await getRecord(this, entity, id, requestData.options);
		await vendorRequest(this, nexudusApi, {
			...requestData.options,
			body: { ...current, ...changes, Id: id },
		});
		return toItems(this, await getRecord(this, entity, id, requestData.options));
	};
}
