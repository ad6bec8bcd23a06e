import type { INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from './executor';
import { fieldParameter, readRecordFields } from './fields';
import { inputError } from './inputError';
import { readRecord } from './readRecord';
import { readRecordId, type WritableRecord } from './record';
import { replaceRecord, type ReplaceShape } from './recordWrite';
import { vendorRequest } from './transport/request';

/** Update: any documented field, each optional. */
export function updateFields(record: WritableRecord): INodeProperties[] {
	return [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: `The fields to change. Every other field of the ${record.noun} stays as it is.`,
			options: record.fields.map((field) => fieldParameter(field)),
			displayOptions: { show: { resource: [record.resource], operation: ['update'] } },
		},
	];
}

/**
 * Updates through a PUT that replaces the whole record and clears every field it is not sent: the
 * executor reads the record, applies only the fields the user set, sends back what the PUT accepts
 * (`shape`), and returns the record as the vendor now has it. A record that lacks a required
 * reference is not sent, since the vendor would clear or refuse it.
 */
export function updateByReplacing(record: WritableRecord, shape: ReplaceShape): OperationExecutor {
	return async function updateRecord(requestData) {
		const id = readRecordId<string | number>(this, record);
		const changes = readRecordFields(this, shape.fields, 'updateFields');
		if (Object.keys(changes).length === 0) {
			throw inputError(this, 'Add at least one field under "Update Fields"');
		}
		const readBack = async () =>
			await readRecord(this, record.api, record.path, id, requestData.options);
		await replaceRecord(this, shape, { id, noun: record.noun }, changes, {
			read: readBack,
			write: async (body) => await vendorRequest(this, record.api, { ...requestData.options, body }),
		});
		return toItems(this, await readBack());
	};
}
