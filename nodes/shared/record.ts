import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator, type RecordField, type RecordPicker } from './fields';
import type { TaskWriting } from './task/fromTask';
import type { VendorApi } from './transport/vendorApi';
import { checkParameters, type ParameterRules } from './validation';

/** The kind of record an operation acts on. */
export interface RecordTarget {
	/** The node's resource value. */
	resource: string;
	/** What users call one record, e.g. "coworker task". */
	noun: string;
	/**
	 * The endpoint below the base URL; a record lives at `<path>/<id>`. A record that lives inside
	 * another (see `parent`) names the parent's ID in it as `{<parent.parameter>}`, e.g.
	 * `/api/v1/tasks/{taskGroup}/task`.
	 */
	path: string;
	/** How the record is picked, with the vendor's ID rule (see IdRule). */
	picker: RecordPicker;
	/** The record this one lives in, when its URL depends on it, e.g. a Cotalker task's group. */
	parent?: ParentRecord;
}

/** A record that holds others, picked in its own locator, e.g. the task group of a task. */
export interface ParentRecord {
	/** The locator's parameter name, also how the path names the parent's ID: `{<parameter>}`. */
	parameter: string;
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
	/**
	 * The new record in the vendor's answer to a create, where the answer may wrap it, e.g.
	 * Cotalker's `{task}`. The answer is the record when absent.
	 */
	createdIn?: (answer: IDataObject) => IDataObject;
	/** How create and update take a shared Task, for records that are tasks (see fromTask.ts). */
	fromTask?: TaskWriting;
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

/** The locator of the record the target lives in, e.g. the task group of a task. */
export function parentField(target: RecordTarget, operations: string[]): INodeProperties {
	const { parameter, picker } = target.parent!;
	return recordLocator(picker, {
		displayName: titleCase(picker.noun),
		name: parameter,
		required: true,
		description: `The ${picker.noun} the ${target.noun} is in`,
		displayOptions: { show: { resource: [target.resource], operation: operations } },
	});
}

/** A picked ID in an URL expression: encoded like any path parameter, without surrounding spaces. */
const encodedParameter = (name: string) =>
	`{{ encodeURIComponent(String($parameter.${name}).trim()) }}`;

/** The records' endpoint as the routing engine takes it: an expression when it names a parent. */
export const recordsUrl = (target: RecordTarget) =>
	target.parent
		? `=${target.path.replace(`{${target.parent.parameter}}`, encodedParameter(target.parent.parameter))}`
		: target.path;

/**
 * The URL of the picked record; the ID is encoded like any path parameter. White space around it
 * is dropped, as the ID's check (recordIdRule) drops it, so the URL names the ID that was checked.
 */
export const recordUrl = (target: RecordTarget) =>
	`=${recordsUrl(target).replace(/^=/, '')}/${encodedParameter('recordId')}`;

/** The check of the parent's ID, if the target has a parent (nothing to check otherwise). */
export const parentRule = (target: RecordTarget): ParameterRules =>
	target.parent
		? {
				[target.parent.parameter]: {
					label: titleCase(target.parent.picker.noun),
					schema: target.parent.picker.idRule.picked(target.parent.picker.noun),
				},
			}
		: {};

/**
 * The check of the picked record's ID (and first of its parent's, if it has one), for operations
 * that only need it validated.
 */
export const recordIdRule = (target: RecordTarget): ParameterRules => ({
	...parentRule(target),
	recordId: {
		label: titleCase(target.noun),
		schema: target.picker.idRule.picked(target.noun),
	},
});

/**
 * The records' endpoint for code that sends its own requests, e.g. to read a record back: the
 * parent's ID checked and encoded into it. Fails naming the parent's field when its ID is invalid.
 */
export function recordsPath(context: IExecuteSingleFunctions, target: RecordTarget): string {
	if (!target.parent) return target.path;
	const { parameter } = target.parent;
	const id = checkParameters(context, parentRule(target))[parameter] as string | number;
	return target.path.replace(`{${parameter}}`, encodeURIComponent(id));
}

/** Reads and checks the picked record's ID, as the vendor's ID rule gives it. */
export function readRecordId<Id = number>(
	context: IExecuteSingleFunctions,
	target: RecordTarget,
): Id {
	return checkParameters(context, recordIdRule(target)).recordId as Id;
}
