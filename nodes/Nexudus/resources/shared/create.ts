import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { fieldParameter, readRecordFields } from '../../../shared/fields';
import { vendorRequest } from '../../../shared/transport/request';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import { getRecord, writtenId } from './write';

/** Create: the required fields up front, every other documented field under Additional Fields. */
export function createFields(entity: NexudusEntity): INodeProperties[] {
	const show = { resource: [entity.resource], operation: ['create'] };
	const fields = entity.fields;
	const required = fields.filter((field) => field.required);
	const optional = fields.filter((field) => !field.required);
	return [
		...required.map((field) => ({ ...fieldParameter(field, true), displayOptions: { show } })),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: `Other fields of the new ${entity.noun}`,
			options: optional.map((field) => fieldParameter(field)),
			displayOptions: { show },
		},
	];
}

/** Creates the record, then reads it back so the output is the whole new record. */
export function createRecord(entity: NexudusEntity): OperationExecutor {
	const fields = entity.fields;
	return async function createRecord(requestData) {
		const body = {
			...readRecordFields(
				this,
				fields.filter((field) => field.required),
			),
			...readRecordFields(
				this,
				fields.filter((field) => !field.required),
				'additionalFields',
			),
		};
		const envelope = await vendorRequest<IDataObject>(this, nexudusApi, {
			...requestData.options,
			body,
		});
		const id = writtenId(this, entity, envelope);
		return toItems(this, await getRecord(this, entity, id, requestData.options));
	};
}
