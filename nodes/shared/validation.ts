import type { IExecuteSingleFunctions, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { parseDate } from './dates';
import { inputError } from './inputError';

/** A parameter as the user sees it, and what a valid value looks like. */
export interface ParameterRule {
	/** The field's display name, used in the error message. */
	label: string;
	schema: z.ZodTypeAny;
}

/** Rules keyed by parameter path, e.g. `taskId` or `updateFields.DueDate`. */
export type ParameterRules = Record<string, ParameterRule>;

/**
 * Whether `id` is a record ID: a whole number above 0 that JavaScript holds exactly. Digits past
 * 2^53 would be rounded on the way, e.g. 99999999999999999999 sent as 100000000000000000000: the ID
 * of another record, or of none.
 */
const isWholeId = (id: unknown): id is number =>
	typeof id === 'number' && Number.isSafeInteger(id) && id > 0;

/** A record id: a positive whole number, given as a number or as digits. */
const POSITIVE_WHOLE = 'Expected a positive whole number';
export const recordId = z.preprocess(
	(value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
	z
		.number({ invalid_type_error: POSITIVE_WHOLE, required_error: 'This field is required' })
		.refine(isWholeId, POSITIVE_WHOLE),
);

/** A value the user left empty: nothing, null, or only white space. */
export const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A noun with its article, for messages and operation names: "a task", "an opportunity", "a user"
 * (the nouns here that start with a u sound like "you").
 */
export const aOrAn = (noun: string) => `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * The ID of a record the user picks from a list or types, e.g. a coworker: a positive whole
 * number. The messages say what to do, in the words of the picker.
 */
export const pickedRecordId = (noun: string) =>
	z.unknown().transform((value, context) => {
		if (isEmpty(value)) {
			context.addIssue({ code: 'custom', message: `Select ${aOrAn(noun)} or enter its ID` });
			return z.NEVER;
		}
		const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
		if (!isWholeId(id)) {
			context.addIssue({
				code: 'custom',
				message: `Enter a numeric ID, e.g. 1234, or pick ${aOrAn(noun)} from the list`,
			});
			return z.NEVER;
		}
		return id;
	});

/** An ID typed into a number field, e.g. a board column: a whole number above 0. */
export const numericId = z.unknown().transform((value, context) => {
	if (isEmpty(value)) {
		context.addIssue({ code: 'custom', message: 'Enter an ID' });
		return z.NEVER;
	}
	const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (!isWholeId(id)) {
		context.addIssue({ code: 'custom', message: 'Enter an ID: a whole number above 0, e.g. 1234' });
		return z.NEVER;
	}
	return id;
});

/**
 * A number typed or mapped into a number field: one the vendor gets as sent, so no larger than
 * JavaScript holds exactly (2^53 - 1), which also keeps out Infinity.
 */
const LARGEST = Number.MAX_SAFE_INTEGER.toLocaleString('en-US');
export const numberInput = z
	.number({ invalid_type_error: 'Expected a number' })
	.refine(
		(value) => Math.abs(value) <= Number.MAX_SAFE_INTEGER,
		`Expected a number between -${LARGEST} and ${LARGEST}`,
	);

/** A record id that may be left empty. */
export const optionalRecordId = z.preprocess(
	(value) => (value === '' || value === null ? undefined : value),
	recordId.optional(),
);

/** IDs, each checked by `id`: `a, b, c` as typed, or one ID or a list of IDs from an expression. */
export const idList = (id: z.ZodTypeAny) =>
	z.preprocess(
		(value) => {
			if (typeof value === 'number') return [value];
			if (typeof value !== 'string') return value;
			return value.trim() === '' ? [] : value.split(',').map((item) => item.trim());
		},
		z
			.array(id, { invalid_type_error: 'Expected IDs separated by commas' })
			.min(1, 'Enter at least one ID'),
	);

/** Record ids: `12, 15, 19` as typed, or one id or a list of ids from an expression. */
export const recordIdList = idList(recordId);

/**
 * A date in ISO 8601 form, as n8n's date picker gives it. Without an offset it is a time in
 * `timeZone` (the workflow's, for vendors that take moments), else in UTC.
 */
export const dateInputIn = (timeZone?: string) => {
	const message = 'Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z';
	// The same message for a value that is no text at all, e.g. a list from an expression.
	return z
		.union([z.string(), z.date()], { errorMap: () => ({ message }) })
		.refine((value) => parseDate(value, timeZone) !== undefined, { message })
		.transform((value) => parseDate(value, timeZone) as Date);
};

/** A date in ISO 8601 form; without an offset, in UTC. */
export const dateInput = dateInputIn();

/**
 * The longest text the node sends. No vendor documents a maximum for a task's text; this is far
 * beyond any real name or note, so it only stops a mapping mistake (a whole file, a page of HTML)
 * before the vendor gets it, where it would be refused, cut or stored whole.
 */
export const MAX_TEXT_LENGTH = 65_535;
const TOO_LONG = `Expected at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters`;

/** Text, possibly empty, of at most MAX_TEXT_LENGTH characters. */
export const text = z.string().max(MAX_TEXT_LENGTH, TOO_LONG);

/** Text that must not be empty. */
export const requiredText = z
	.string()
	.trim()
	.min(1, 'This field is required')
	.max(MAX_TEXT_LENGTH, TOO_LONG);

/** A choice among fixed values. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]]) =>
	z.enum(values, { errorMap: () => ({ message: `Expected one of: ${values.join(', ')}` }) });

/**
 * Checks the current item's parameters against `rules` and returns the parsed values by path.
 * Optional parameters (schemas accepting undefined) may be absent. The first failure becomes a
 * NodeOperationError that names the field, so nothing is sent for an invalid item.
 */
export function checkParameters(
	context: IExecuteSingleFunctions | IPollFunctions,
	rules: ParameterRules,
): Record<string, unknown> {
	const parsed: Record<string, unknown> = {};
	const absent = {};
	for (const [path, rule] of Object.entries(rules)) {
		const read = context.getNodeParameter(path, absent, { extractValue: true });
		const value = read === absent ? undefined : read;
		const result = rule.schema.safeParse(value);
		if (!result.success) {
			const issue = result.error.issues[0];
			// An empty field needs no echo: the message says what to enter.
			const description = isEmpty(value)
				? undefined
				: `The "${rule.label}" field received ${JSON.stringify(value)}.`;
			throw inputError(context, `Invalid value for "${rule.label}": ${issue.message}`, {
				description,
			});
		}
		parsed[path] = result.data;
	}
	return parsed;
}

/** A preSend hook that checks parameters before the request is built into anything. */
export function validateParameters(rules: ParameterRules) {
	return async function validate(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		checkParameters(this, rules);
		return requestOptions;
	};
}
