import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from './executor';
import { fieldParameter, readRecordFields } from './fields';
import { readRecord } from './readRecord';
import type { WritableRecord } from './record';
import { vendorRequest } from './transport/request';

/** Create: the required fields up front, every other documented field under Additional Fields. */
export function createFields(record: WritableRecord): INodeProperties[] {
	const show = { resource: [record.resource], operation: ['create'] };
	const fields = record.fields;
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
			description: `Other fields of the new ${record.noun}`,
			options: optional.map((field) => fieldParameter(field)),
			displayOptions: { show },
		},
	];
}

/**
 * The ID of the new record in the vendor's answer to a create. Throws when the answer has none,
 * since there is then nothing to read back.
 */
export type CreatedId = (context: IExecuteSingleFunctions, answer: IDataObject) => string | number;

/** Creates the record, then reads it back so the output is the whole new record. */
export function createThenReadBack(record: WritableRecord, createdId: CreatedId): OperationExecutor {
	const fields = record.fields;
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
		const answer = await vendorRequest<IDataObject>(this, record.api, {
			...requestData.options,
			body,
		});
		const id = createdId(this, answer);
		return toItems(this, await readRecord(this, record.api, record.path, id, requestData.options));
	};
}
