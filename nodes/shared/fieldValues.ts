import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { toWallClock } from './dates';
import { parameterName, pickedId, type RecordField } from './fields';
import { inputError } from './inputError';
import {
	checkParameters,
	dateInputIn,
	isEmpty,
	numberInput,
	requiredText,
	text,
	type ParameterRules,
} from './validation';

const WALL_CLOCK_DATE = 'Expected a date such as 2026-05-31 or 2026-05-31T14:30:00';
const wallClock = z
	.union([z.string(), z.date()], { errorMap: () => ({ message: WALL_CLOCK_DATE }) })
	.refine((value) => toWallClock(value) !== undefined, { message: WALL_CLOCK_DATE })
	.transform((value) => toWallClock(value)!);

/** A list typed as `a, b, c`, or given as one value or an array by an expression. */
const listOf = (item: z.ZodTypeAny) =>
	z.preprocess(
		(value) => {
			if (Array.isArray(value)) return value;
			if (typeof value === 'number') return [value];
			if (typeof value !== 'string') return value;
			return value
				.split(',')
				.map((part) => part.trim())
				.filter((part) => part !== '');
		},
		z.array(item, { invalid_type_error: 'Expected values separated by commas' }),
	);

const choice = (field: RecordField) => {
	// Values listed by the vendor: any of its IDs, by the list's ID rule, else any text.
	if (field.loadOptionsMethod) return field.idRule?.id ?? requiredText;
	const values = field.options!.map((option) => option.value);
	return z.unknown().refine((value) => values.includes(value as string), {
		message: `Expected one of: ${values.join(', ')}`,
	});
};

/**
 * An ID in a list of records, or the list's "none" value. Anything else fails with the ID rule's
 * own message (a union of the two would only say "Invalid input").
 */
const listedRecord = (field: RecordField) => {
	const id = field.picker!.idRule.id;
	const none = field.none?.value;
	if (none === undefined) return id;
	return z.unknown().transform((value, context) => {
		if (String(value).trim() === String(none)) return none;
		const result = id.safeParse(value);
		if (result.success) return result.data as unknown;
		context.addIssue({ code: 'custom', message: result.error.issues[0].message });
		return z.NEVER;
	});
};

/** A custom field definition's ID as the list gives it: a whole number, or text. */
const definitionId = z.unknown().transform((value, context) => {
	if (isEmpty(value)) {
		context.addIssue({ code: 'custom', message: 'Choose a custom field' });
		return z.NEVER;
	}
	return /^\s*\d+\s*$/.test(String(value)) ? Number(value) : String(value).trim();
});

/** The check of one field's value, which also turns it into the vendor's form. */
export function fieldSchema(
	field: RecordField,
	required: boolean,
	timeZone?: string,
): z.ZodTypeAny {
	// A field every record must have may be left out of an update, but not set empty.
	const textRule = required || field.required ? requiredText : text;
	const checked = {
		record: () => pickedId(field.picker!),
		boolean: () => z.boolean({ invalid_type_error: 'Expected true or false' }),
		number: () => numberInput,
		dateTime: () =>
			field.wallClock
				? wallClock
				: dateInputIn(field.workflowTimeZone ? timeZone : undefined).transform(
						field.formatDate ?? ((date: Date) => date.toISOString()),
					),
		text: () => textRule,
		string: () => field.idRule?.id ?? textRule,
		options: () => choice(field),
		optionList: () =>
			listOf(choice(field)).pipe(z.array(z.unknown()).min(1, 'Choose at least one')),
		stringList: () => listOf(z.string()),
		recordList: () =>
			listOf(listedRecord(field)).pipe(z.array(z.unknown()).min(1, 'Choose at least one')),
		// Objects and custom fields are read part by part, see readObject and readCustomFields.
		object: () => z.unknown(),
		customFields: () => z.unknown(),
		groupedValues: () => z.unknown(),
	}[field.type]();
	if (required) return checked;
	// An optional date left empty clears the vendor's value.
	return field.type === 'dateTime'
		? z.preprocess(
				(value) => (value === '' || value === null ? null : value),
				checked.nullable().optional(),
			)
		: checked.optional();
}

/** The workflow's time zone, for the fields that read times in it. */
const timeZoneOf = (context: IExecuteSingleFunctions, field: RecordField) =>
	field.workflowTimeZone ? context.getTimezone() : undefined;

/** Options for reading a collection of fields. */
export interface ReadFieldsOptions {
	/** Leave out fields the user added but left empty (filters), instead of sending them empty. */
	skipEmpty?: boolean;
}

/** A resource locator as a collection holds it: `{ __rl: true, mode, value }`. */
const isLocator = (value: unknown): value is { __rl: true; value: unknown } =>
	typeof value === 'object' && value !== null && (value as IDataObject).__rl === true;

const isUnset = (value: unknown, field: RecordField) =>
	isEmpty(value) ||
	// A number filter keeps n8n's default 0 until the user types one: no record has ID 0.
	(field.type === 'number' && value === 0) ||
	(Array.isArray(value) && value.length === 0) ||
	// A picker added to the filters but left empty (no record picked, no ID typed).
	(isLocator(value) && isEmpty(value.value)) ||
	(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

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
	options: ReadFieldsOptions = {},
): IDataObject {
	const set = collection ? (context.getNodeParameter(collection, {}) as IDataObject) : undefined;
	const pathOf = (field: RecordField) =>
		collection ? `${collection}.${parameterName(field)}` : parameterName(field);
	const chosen = fields.filter((field) => {
		if (!set) return true;
		const name = parameterName(field);
		return name in set && !(options.skipEmpty && isUnset(set[name], field));
	});
	const simple = chosen.filter((field) => !(field.type in partReaders));
	const rules: ParameterRules = Object.fromEntries(
		simple.map((field) => [
			pathOf(field),
			{
				label: field.displayName,
				schema: fieldSchema(field, !collection, timeZoneOf(context, field)),
			},
		]),
	);
	const parsed = checkParameters(context, rules);
	const body: IDataObject = {};
	for (const field of chosen) {
		const path = pathOf(field);
		const reader = partReaders[field.type];
		const value = reader ? reader(context, field, path) : parsed[path];
		if (value !== undefined) body[field.property] = value as IDataObject[string];
	}
	checkTwins(context, fields, body);
	return body;
}

/** An `object` field: each part checked under its own name, or undefined when none was set. */
function readObject(context: IExecuteSingleFunctions, field: RecordField, path: string) {
	const group = context.getNodeParameter(`${path}.value`, undefined) as IDataObject | undefined;
	if (!group) return undefined;
	const parts = field.fields!;
	const parsed = checkParameters(
		context,
		Object.fromEntries(
			parts.map((part) => [
				`${path}.value.${parameterName(part)}`,
				{
					label: `${field.displayName}: ${part.displayName}`,
					schema: fieldSchema(part, true, timeZoneOf(context, part)),
				},
			]),
		),
	);
	return Object.fromEntries(
		parts.map((part) => [part.property, parsed[`${path}.value.${parameterName(part)}`]]),
	) as IDataObject;
}

/** A `customFields` field: `[{ <definition>: id, value }]`, an empty value as null. */
function readCustomFields(context: IExecuteSingleFunctions, field: RecordField, path: string) {
	const entries = (context.getNodeParameter(`${path}.field`, []) as IDataObject[]) ?? [];
	if (!entries.length) return undefined;
	const { definitionProperty } = field.definitions!;
	return entries.map((entry, index) => {
		const parsed = checkParameters(context, {
			[`${path}.field[${index}].definition`]: {
				label: `${field.displayName}: Field Name or ID`,
				schema: definitionId,
			},
		});
		const value = entry.value;
		return {
			[definitionProperty]: parsed[`${path}.field[${index}].definition`],
			value: isEmpty(value) ? null : value,
		} as IDataObject;
	});
}

/**
 * A `groupedValues` field: `{<group>: {<key>: value}}`, an empty value as null; any other value
 * as given, so one typed by an expression keeps its type. A group or key left empty, or the same
 * key twice in a group, fails naming the entry.
 */
function readGroupedValues(context: IExecuteSingleFunctions, field: RecordField, path: string) {
	const entries = (context.getNodeParameter(`${path}.entry`, []) as IDataObject[]) ?? [];
	if (!entries.length) return undefined;
	const { group, key } = field.grouping!;
	const grouped: Record<string, IDataObject> = {};
	entries.forEach((entry, index) => {
		const at = `${path}.entry[${index}]`;
		const parsed = checkParameters(context, {
			[`${at}.group`]: { label: `${field.displayName}: ${group}`, schema: requiredText },
			[`${at}.key`]: { label: `${field.displayName}: ${key}`, schema: requiredText },
		});
		const [groupCode, keyCode] = [parsed[`${at}.group`], parsed[`${at}.key`]] as string[];
		grouped[groupCode] ??= {};
		if (keyCode in grouped[groupCode]) {
			throw inputError(
				context,
				`"${field.displayName}" sets ${groupCode}.${keyCode} twice (entry ${index + 1})`,
				{
					description: `Keep one entry for each ${key.toLowerCase()} of a ${group.toLowerCase()}.`,
				},
			);
		}
		grouped[groupCode][keyCode] = isEmpty(entry.value) ? null : entry.value;
	});
	return grouped as IDataObject;
}

/** The kinds read part by part rather than by one schema. */
const partReaders: Partial<
	Record<
		RecordField['type'],
		(context: IExecuteSingleFunctions, field: RecordField, path: string) => unknown
	>
> = {
	object: readObject,
	customFields: readCustomFields,
	groupedValues: readGroupedValues,
};

function checkTwins(context: IExecuteSingleFunctions, fields: RecordField[], body: IDataObject) {
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
}
