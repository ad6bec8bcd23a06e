import { z } from 'zod';

import { aOrAn, isEmpty, pickedRecordId, recordId } from './validation';

/**
 * A vendor's rule for record IDs, in one place for everything that takes an ID: the picker's
 * "By ID" mode (its regex, message and placeholder in the editor) and the run-time checks of
 * picked records, record fields and typed ID lists.
 */
export interface IdRule {
	/** The check of a record the user picked or typed, with messages in the words of its noun. */
	picked: (noun: string) => z.ZodTypeAny;
	/** The check of one ID in a typed list, e.g. `12, 15, 19`. */
	id: z.ZodTypeAny;
	/** The regex the editor checks a typed ID against, in the picker's "By ID" mode. */
	pattern: string;
	/** The editor's message when a typed ID does not match `pattern`. */
	message: string;
	/** The placeholder of the "By ID" mode, e.g. `e.g. 1234567`. */
	placeholder: string;
	/** The placeholder of a typed list of IDs, e.g. `e.g. 1234, 5678`. */
	listPlaceholder: string;
}

/** IDs that are positive whole numbers, given as numbers or as digits (Nexudus). */
export const positiveWholeIds: IdRule = {
	picked: pickedRecordId,
	id: recordId,
	pattern: '^\\d+$',
	message: 'Enter a numeric ID',
	placeholder: 'e.g. 1234567',
	listPlaceholder: 'e.g. 1234, 5678',
};

/**
 * IDs that are text of a fixed form, e.g. GUIDs or Mongo ObjectIds: `kind` names the form in
 * messages ("a GUID"), `pattern` is the whole ID (anchored), `examples` two valid ones. The ID
 * is kept as typed, less surrounding white space.
 */
export function textIds(spec: {
	kind: string;
	pattern: string;
	examples: [string, string];
}): IdRule {
	const [example, another] = spec.examples;
	const form = new RegExp(spec.pattern);
	const check = (empty: string, wrong: string) =>
		z.unknown().transform((value, context) => {
			if (isEmpty(value)) {
				context.addIssue({ code: 'custom', message: empty });
				return z.NEVER;
			}
			if (typeof value !== 'string' || !form.test(value.trim())) {
				context.addIssue({ code: 'custom', message: wrong });
				return z.NEVER;
			}
			return value.trim();
		});
	return {
		picked: (noun) =>
			check(
				`Select ${aOrAn(noun)} or enter its ID`,
				`Enter ${spec.kind}, e.g. ${example}, or pick ${aOrAn(noun)} from the list`,
			),
		id: check('This field is required', `Expected ${spec.kind}, e.g. ${example}`),
		pattern: spec.pattern,
		message: `Enter ${spec.kind}`,
		placeholder: `e.g. ${example}`,
		listPlaceholder: `e.g. ${example}, ${another}`,
	};
}

/** Mongo ObjectIds: 24 hexadecimal characters (Cotalker). */
export const objectIds: IdRule = textIds({
	kind: 'an ObjectId (24 hexadecimal characters)',
	pattern: '^[0-9a-fA-F]{24}$',
	examples: ['6a1e00000d00000000000001', '6a1e00000d00000000000002'],
});
