import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toWallClock } from './dates';
import type { IdRule } from './idRule';
import { inputError } from './inputError';
import { checkParameters, dateInput, requiredText, type ParameterRules } from './validation';

/** How a record is picked: the listSearch method behind a searchable resource locator. */
export interface RecordPicker {
	searchListMethod: string;
	/** What the records are called, e.g. "coworker". */
	noun: string;
	/** The vendor's rule for the records' IDs: the "By ID" mode and the check of a picked ID. */
	idRule: IdRule;
}

/** One writable field of a vendor record: where it goes in the API, and how users see it. */
export interface RecordField {
	/** The property name in the vendor's JSON, e.g. `DueDate`. */
	property: string;
	displayName: string;
	type: 'string' | 'text' | 'boolean' | 'number' | 'dateTime' | 'record';
	description?: string;
	/** Required when creating a record. */
	required?: boolean;
	/** For `record` fields: how the user picks the record. */
	picker?: RecordPicker;
	/** For `dateTime` fields: how the vendor writes dates. Defaults to ISO 8601 in UTC. */
	formatDate?: (date: Date) => string | number;
	/**
	 * For `dateTime` fields the vendor reads in a place's local time: the value is sent as the
	 * wall-clock time typed, without a zone and not converted (see toWallClock).
	 */
	wallClock?: boolean;
	/**
	 * The property this field is another way of writing, e.g. a due date in local time for the due
	 * date in UTC. Only one of the two is ever sent: the one the user set (see recordWrite.ts).
	 */
	sameValueAs?: string;
}

/** The parameter name of a field: its API property in camelCase. */
const parameterName = (field: RecordField) =>
	field.property.charAt(0).toLowerCase() + field.property.slice(1);

/** A searchable resource locator for picking one record, with an ID mode (the vendor's ID rule). */
export function recordLocator(
	picker: RecordPicker,
	base: Pick<INodeProperties, 'displayName' | 'name'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...base,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${picker.noun}...`,
				typeOptions: { searchListMethod: picker.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: picker.idRule.placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: picker.idRule.pattern, errorMessage: picker.idRule.message },
					},
				],
			},
		],
	};
}

/** The run-time check of a record picked or typed in `picker`, by the vendor's ID rule. */
export const pickedId = (picker: RecordPicker) => picker.idRule.picked(picker.noun);

/** The UI parameter for one field, without display options. */
export function fieldParameter(field: RecordField, required = false): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: parameterName(field),
		description: field.description,
		required,
	};
	switch (field.type) {
		case 'record':
			return recordLocator(field.picker!, base);
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'number':
			return { ...base, type: 'number', default: 0 };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'text':
			return { ...base, type: 'string', default: '', typeOptions: { rows: 4 } };
		default:
			return { ...base, type: 'string', default: '' };
	}
}

function fieldSchema(field: RecordField, required: boolean): z.ZodTypeAny {
	const formatDate = field.formatDate ?? ((date: Date) => date.toISOString());
	const wallClock = z
		.union([z.string(), z.date()])
		.refine((value) => toWallClock(value) !== undefined, {
			message: 'Expected a date such as 2026-05-31 or 2026-05-31T14:30:00',
		})
		.transform((value) => toWallClock(value)!);
	const checked = {
		record: field.picker ? pickedId(field.picker) : z.never(),
		boolean: z.boolean({ invalid_type_error: 'Expected true or false' }),
		number: z.number({ invalid_type_error: 'Expected a number' }),
		dateTime: field.wallClock ? wallClock : dateInput.transform(formatDate),
		text: required ? requiredText : z.string(),
		string: required ? requiredText : z.string(),
	}[field.type];
	if (required) return checked;
	// An optional date left empty clears the vendor's value.
	return field.type === 'dateTime'
		? z.preprocess(
				(value) => (value === '' || value === null ? null : value),
				checked.nullable().optional(),
			)
		: checked.optional();
}

/**
 * Reads fields from the current item into a vendor body. Fields under `collection` (e.g.
 * `additionalFields`) are optional and only sent when set; the others are required.
 * Invalid values fail with an input error naming the field, before any request. Of two fields
 * that write the same value (`sameValueAs`), at most one may be set.
 */
export function readRecordFields(
	context: IExecuteSingleFunctions,
	fields: RecordField[],
	collection?: string,
): IDataObject {
	const rules: ParameterRules = {};
	const set = collection ? (context.getNodeParameter(collection, {}) as IDataObject) : undefined;
	for (const field of fields) {
		const name = parameterName(field);
		if (set && !(name in set)) continue;
		const path = collection ? `${collection}.${name}` : name;
		rules[path] = { label: field.displayName, schema: fieldSchema(field, !collection) };
	}
	const parsed = checkParameters(context, rules);
	const body: IDataObject = {};
	for (const field of fields) {
		const path = collection ? `${collection}.${parameterName(field)}` : parameterName(field);
		if (parsed[path] !== undefined) body[field.property] = parsed[path] as IDataObject[string];
	}
	for (const field of fields) {
		const twin = fields.find((other) => other.property === field.sameValueAs);
		if (twin && field.property in body && twin.property in body) {
			throw inputError(
				context,
				`Set either "${twin.displayName}" or "${field.displayName}", not both`,
				{ description: 'Both describe the same value; the node sends the one you set.' },
			);
		}
	}
	return body;
}
