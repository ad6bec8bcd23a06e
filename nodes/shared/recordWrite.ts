import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { RecordField } from './fields';
import { inputError } from './inputError';

/**
 * What a vendor's full-replace update (a PUT that clears every field it is not sent) accepts for
 * one record type. The node updates such records by reading the record, changing the fields the
 * user set, and sending back exactly what the PUT accepts.
 */
export interface ReplaceShape {
	/** The property that holds the record's own ID, e.g. `Id`. */
	idProperty: string;
	/** The fields the node lets users write (see fields.ts). */
	fields: RecordField[];
	/** Other properties the PUT accepts that the node does not edit; sent back as read. */
	kept?: string[];
	/**
	 * Fields or kept properties the PUT takes in another form than the record is read in, each
	 * computed from the record as read, e.g. an icon's file name from the path the vendor answers.
	 */
	derived?: Record<string, (record: IDataObject) => unknown>;
}

const isMissing = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A reference property's value in a record that holds the related record as an object instead,
 * e.g. `BusinessId` from `Business: { Id: 11, Name: … }`.
 */
function relatedId(record: IDataObject, property: string): unknown {
	const related = record[property.replace(/_?id$/i, '')];
	if (!related || typeof related !== 'object' || Array.isArray(related)) return undefined;
	const object = related as IDataObject;
	return object.Id ?? object.id;
}

/** A value at a dotted path of the record, e.g. `entity.entityId`. */
const valueAt = (record: IDataObject, path: string): unknown =>
	path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], record);

function readValue(record: IDataObject, property: string, readFrom?: string): unknown {
	if (readFrom) return valueAt(record, readFrom);
	const value = record[property];
	return isMissing(value) ? (relatedId(record, property) ?? value) : value;
}

/**
 * The record as read, reduced to what the PUT accepts: its ID, the writable fields and the kept
 * properties. Read-only properties (names of related records, creation and change stamps, …) are
 * left out, and related objects become the `…Id` the PUT expects. Of two fields that write the
 * same value (`sameValueAs`), only the main one is sent back, or the other when only it has a
 * value, so that a stale copy of one never overrides the other.
 */
export function writableCopy(record: IDataObject, shape: ReplaceShape): IDataObject {
	const copy: IDataObject = {};
	const properties: Array<[string, string | undefined]> = [
		[shape.idProperty, undefined],
		...shape.fields.map((field): [string, string | undefined] => [field.property, field.readFrom]),
		...(shape.kept ?? []).map((property): [string, undefined] => [property, undefined]),
	];
	for (const [property, readFrom] of properties) {
		const derive = shape.derived?.[property];
		const value = derive ? derive(record) : readValue(record, property, readFrom);
		if (value !== undefined) copy[property] = value as IDataObject[string];
	}
	for (const field of shape.fields) {
		if (!field.sameValueAs) continue;
		if (isMissing(copy[field.sameValueAs]) && !isMissing(copy[field.property])) {
			delete copy[field.sameValueAs];
		} else {
			delete copy[field.property];
		}
	}
	return copy;
}

/**
 * The body of the PUT: the writable copy of `current` with `changes` applied. Of two fields that
 * write the same value, the one the user changed is sent and its twin left out.
 */
export function replacementBody(
	current: IDataObject,
	changes: IDataObject,
	shape: ReplaceShape,
): IDataObject {
	const body = { ...writableCopy(current, shape), ...changes };
	for (const field of shape.fields) {
		if (!field.sameValueAs) continue;
		if (field.property in changes) delete body[field.sameValueAs];
		else if (field.sameValueAs in changes) delete body[field.property];
	}
	return body;
}

/** The required fields a body lacks, which a full-replace PUT would clear or refuse. */
export const missingRequiredFields = (body: IDataObject, shape: ReplaceShape): RecordField[] =>
	shape.fields.filter((field) => field.required && isMissing(body[field.property]));

/** How one update by full replacement reaches the vendor. */
export interface ReplaceSteps {
	/** Reads the record as the vendor has it now. */
	read(): Promise<IDataObject>;
	/** Sends the whole record back (the vendor's PUT). */
	write(body: IDataObject): Promise<unknown>;
}

/**
 * Updates a record whose vendor only offers a full-replace PUT: reads it, applies `changes` (only
 * the fields the user set), and writes back what the PUT accepts. A record that lacks a required
 * field is not written, since the vendor would clear or refuse it; the error names the fields.
 */
export async function replaceRecord(
	context: IExecuteSingleFunctions,
	shape: ReplaceShape,
	record: { id: string | number; noun: string },
	changes: IDataObject,
	steps: ReplaceSteps,
): Promise<void> {
	const current = await steps.read();
	const body = { ...replacementBody(current, changes, shape), [shape.idProperty]: record.id };
	const missing = missingRequiredFields(body, shape).map((field) => `"${field.displayName}"`);
	if (missing.length > 0) {
		const names = missing.join(', ');
		throw inputError(
			context,
			`The ${record.noun} ${record.id} has no ${names}, so it was not updated`,
			{
				description: `The update replaces the whole record and needs ${names}. Set ${missing.length > 1 ? 'them' : 'it'} among the fields to update and run again.`,
			},
		);
	}
	await steps.write(body);
}
