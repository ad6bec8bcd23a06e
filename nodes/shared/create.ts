import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from './executor';
import { fieldParameter } from './fields';
import { readRecordFields } from './fieldValues';
import { readRecord } from './readRecord';
import { preparedBody, recordsPath, type WritableRecord } from './record';
import { fieldsFromTask, takesTask, unlessFromTask, withTaskValues } from './task/fromTask';
import { vendorRequest } from './transport/request';

/**
 * Create: the required fields up front, every other documented field under Additional Fields. For
 * tasks, Set Fields From lets a shared Task fill them; the required fields it fills are then hidden.
 */
export function createFields(record: WritableRecord): INodeProperties[] {
	const show = { resource: [record.resource], operation: ['create'] };
	const fields = record.fields;
	const required = fields.filter((field) => field.required);
	const optional = fields.filter((field) => !field.required);
	return [
		...fieldsFromTask(record, show),
		...required.map((field) => ({
			...fieldParameter(field, true),
			displayOptions: { show: { ...show, ...unlessFromTask(record, field) } },
		})),
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

/**
 * The body of a create: the required fields and the additional fields the user set, over what a
 * shared Task gives when the fields come from one.
 */
async function createBody(context: IExecuteSingleFunctions, record: WritableRecord) {
	const { fields } = record;
	const fromTask = takesTask(context, record) ? record.fromTask!.fills : [];
	const userBody = {
		...readRecordFields(
			context,
			fields.filter((field) => field.required && !fromTask.includes(field.property)),
		),
		...readRecordFields(
			context,
			fields.filter((field) => !field.required),
			'additionalFields',
		),
	};
	const body = withTaskValues(context, record, userBody, { creating: true });
	return await preparedBody(context, record, body);
}

/**
 * Creates the record and outputs it whole: read back by the ID in the vendor's answer when
 * `createdId` is given (the answer is only an acknowledgement), else the answer itself.
 */
export function createRecord(record: WritableRecord, createdId?: CreatedId): OperationExecutor {
	return async function createRecord(requestData) {
		// The record's endpoint, checked first when it names a parent (e.g. a task's task group).
		const path = recordsPath(this, record);
		const body = await createBody(this, record);
		const answer = await vendorRequest<IDataObject>(this, record.api, {
			...requestData.options,
			body,
		});
		if (!createdId) return toItems(this, record.createdIn ? record.createdIn(answer) : answer);
		const id = createdId(this, answer);
		return toItems(this, await readRecord(this, record.api, path, id, requestData.options));
	};
}
