import type { RecordField } from '../shared/fields';

/** A Nexudus record type: the API generates the same endpoints and filters for every one. */
export interface NexudusEntity {
	/** The node's resource value. */
	resource: string;
	/** The entity name Nexudus uses in filters, e.g. `CoworkerTask_Name`. */
	name: string;
	/** The endpoint below the base URL, e.g. `/crm/coworkertasks`. */
	path: string;
	/** Singular and plural as users say them. */
	noun: string;
	nounPlural: string;
	/** Writable fields; the required ones must be set on create. */
	fields: RecordField[];
	/**
	 * Properties the PUT accepts that the node does not edit, sent back as read so that an update
	 * keeps them (every record's `SystemId` is always kept, see recordKeptOnUpdate).
	 */
	keptOnUpdate?: string[];
	/** The properties the List operation may sort by. */
	sortable: string[];
	/** The date and number properties that take from_/to_ range filters. */
	ranges: Array<{ property: string; displayName: string; type: 'dateTime' | 'number' }>;
}

/** Range filters every Nexudus record has: when it was created and last changed, and its ID. */
export const recordRanges: NexudusEntity['ranges'] = [
	{ property: 'CreatedOn', displayName: 'Created On', type: 'dateTime' },
	{ property: 'UpdatedOn', displayName: 'Updated On', type: 'dateTime' },
	{ property: 'Id', displayName: 'ID', type: 'number' },
];

/** Writable properties every Nexudus record has that the node does not edit: kept on update. */
export const recordKeptOnUpdate = ['SystemId'];

/**
 * The entity's fields as the node shows and sends them. Nexudus names a reference to another
 * record `<Relation>Id`; a number field named so is an ID (a whole number above 0).
 */
export const nexudusFields = (entity: NexudusEntity): RecordField[] =>
	entity.fields.map((field) =>
		field.type === 'number' && /Id$/.test(field.property) ? { ...field, type: 'id' } : field,
	);
