import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator, type RecordField, type RecordPicker } from './fields';
import type { VendorApi } from './transport/vendorApi';
import { checkParameters } from './validation';

/** The kind of record an operation acts on. */
export interface RecordTarget {
	/** The node's resource value. */
	resource: string;
	/** What users call one record, e.g. "coworker task". */
	noun: string;
	/** The endpoint below the base URL; a record lives at `<path>/<id>`. */
	path: string;
	/** How the record is picked, with the vendor's ID rule (see IdRule). */
	picker: RecordPicker;
}

/** A kind of record the node creates and updates: where it lives, and its writable fields. */
export interface WritableRecord extends RecordTarget {
	api: VendorApi;
	/** Writable fields; the required ones must be set on create. */
	fields: RecordField[];
	/**
	 * Turns a checked body into what the vendor takes, where that needs the vendor's help, e.g.
	 * custom field values by each definition's type. The body is sent as it is when absent.
	 */
	prepareBody?: (context: IExecuteSingleFunctions, body: IDataObject) => Promise<IDataObject>;
}

/** The body as the record's vendor takes it, see WritableRecord.prepareBody. */
export const preparedBody = async (
	context: IExecuteSingleFunctions,
	record: WritableRecord,
	body: IDataObject,
) => (record.prepareBody ? await record.prepareBody(context, body) : body);

/** A noun as a label: every word capitalised, e.g. "Coworker Task". */
export const titleCase = (text: string) =>
	text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

/** The record an operation acts on, picked from a searchable list or given by ID. */
export function recordField(target: RecordTarget, operations: string[]): INodeProperties {
	return recordLocator(target.picker, {
		displayName: titleCase(target.noun),
		name: 'recordId',
		required: true,
		description: `The ${target.noun} to use`,
		displayOptions: { show: { resource: [target.resource], operation: operations } },
	});
}

/**
 * The URL of the picked record; the ID is encoded like any path parameter. White space around it
 * is dropped, as the ID's check (recordIdRule) drops it, so the URL names the ID that was checked.
 */
export const recordUrl = (target: RecordTarget) =>
	`=${target.path}/{{ encodeURIComponent(String($parameter.recordId).trim()) }}`;

/** The check of the picked record's ID, for operations that only need it validated. */
export const recordIdRule = (target: RecordTarget) => ({
	recordId: {
		label: titleCase(target.noun),
		schema: target.picker.idRule.picked(target.noun),
	},
});

/** Reads and checks the picked record's ID, as the vendor's ID rule gives it. */
export function readRecordId<Id = number>(
	context: IExecuteSingleFunctions,
	target: RecordTarget,
): Id {
	return checkParameters(context, recordIdRule(target)).recordId as Id;
}
