import type { IDataObject } from 'n8n-workflow';

import type { RecordField } from './fields';

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

function readValue(record: IDataObject, property: string): unknown {
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
	const properties = [
		shape.idProperty,
		...shape.fields.map((field) => field.property),
		...(shape.kept ?? []),
	];
	for (const property of properties) {
		const value = readValue(record, property);
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
