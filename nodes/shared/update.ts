import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toItems, type OperationExecutor } from './executor';
import { fieldNoun, fieldParameter, parameterName } from './fields';
import { readRecordFields } from './fieldValues';
import { inputError } from './inputError';
import { readRecord } from './readRecord';
import {
	preparedBody,
	readRecordId,
	recordsPath,
	type RecordTarget,
	type WritableRecord,
} from './record';
import { replaceRecord, type ReplaceShape } from './recordWrite';
import { fieldsFromTask, withTaskValues } from './task/fromTask';
import { vendorRequest } from './transport/request';
import type { VendorApi } from './transport/vendorApi';

/** Update: any documented field, each optional, and the fields to clear where the vendor can. */
export function updateFields(record: WritableRecord): INodeProperties[] {
	const show = { resource: [record.resource], operation: ['update'] };
	const clearable = record.fields.filter((field) => field.clearable);
	const fields: INodeProperties[] = [
		...fieldsFromTask(record, show),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: `The fields to change. Every other field of the ${record.noun} stays as it is.`,
			options: record.fields.map((field) => fieldParameter(field)),
			displayOptions: { show },
		},
	];
	if (!clearable.length) return fields;
	return [
		...fields,
		{
			displayName: 'Fields to Clear',
			name: 'clearFields',
			type: 'multiOptions',
			options: clearable.map((field) => ({
				name: fieldNoun(field),
				value: parameterName(field),
				description: `Empty the ${fieldNoun(field).toLowerCase()}`,
			})),
			default: [],
			description: `Fields to empty on the ${record.noun}. A field cannot be both changed and cleared.`,
			displayOptions: { show },
		},
	];
}

/**
 * The fields the update changes: the user's, over what a shared Task gives when the fields come
 * from one. An update that changes nothing fails with `nothing`, before any request.
 */
function changedFields(
	context: IExecuteSingleFunctions,
	record: WritableRecord,
	userChanges: IDataObject,
	nothing: string,
): IDataObject {
	const changes = withTaskValues(context, record, userChanges, { creating: false });
	if (Object.keys(changes).length === 0) throw inputError(context, nothing);
	return changes;
}

/** The fields to change (Update Fields) and to clear (Fields to Clear, sent as null). */
function readChanges(context: IExecuteSingleFunctions, record: WritableRecord): IDataObject {
	const changes = readRecordFields(context, record.fields, 'updateFields');
	const cleared = context.getNodeParameter('clearFields', []) as string[];
	for (const name of cleared) {
		const field = record.fields.find((candidate) => parameterName(candidate) === name);
		if (!field?.clearable) {
			throw inputError(context, `Invalid value for "Fields to Clear": ${name} cannot be cleared`);
		}
		if (field.property in changes) {
			throw inputError(context, `"${field.displayName}" is both changed and cleared`, {
				description: 'Remove it from Update Fields or from Fields to Clear.',
			});
		}
		changes[field.property] = null;
	}
	return changedFields(context, record, changes, 'Add at least one field under "Update Fields" or "Fields to Clear"');
}

/**
 * Updates through a partial PUT or PATCH: only the fields the user set are sent, cleared ones as
 * null, and the vendor's answer (the record as it now is) is the output.
 */
export function updatePartially(record: WritableRecord): OperationExecutor {
	return async function updateRecord(requestData) {
		readRecordId<string | number>(this, record);
		const body = await preparedBody(this, record, readChanges(this, record));
		const answer = await vendorRequest<IDataObject>(this, record.api, {
			...requestData.options,
			body,
		});
		return toItems(this, answer);
	};
}

/**
 * Sends one change the node decides, not the user's fields, through a partial PATCH or PUT of the
 * picked record, e.g. a state move or a deactivation, and outputs the vendor's answer (the record
 * as it now is). `change` reads and checks what it needs from the item; the record's ID (and its
 * parent's) is checked first.
 */
export function sendChange(
	target: RecordTarget,
	api: VendorApi,
	change: (context: IExecuteSingleFunctions) => IDataObject,
): OperationExecutor {
	return async function sendRecordChange(requestData) {
		readRecordId<string | number>(this, target);
		const body = change(this);
		const answer = await vendorRequest<IDataObject>(this, api, { ...requestData.options, body });
		return toItems(this, answer);
	};
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
		const changes = changedFields(
			this,
			record,
			readRecordFields(this, shape.fields, 'updateFields'),
			'Add at least one field under "Update Fields"',
		);
		const path = recordsPath(this, record);
		const readBack = async () => await readRecord(this, record.api, path, id, requestData.options);
		await replaceRecord(this, shape, { id, noun: record.noun }, changes, {
			read: readBack,
			write: async (body) =>
				await vendorRequest(this, record.api, { ...requestData.options, body }),
		});
		return toItems(this, await readBack());
	};
}
