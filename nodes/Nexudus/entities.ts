import type { RecordField } from '../shared/fields';
import type { TaskWriting } from '../shared/task/fromTask';
import type { TaskMapping } from '../shared/task/task';

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
	ranges: RangeProperty[];
	/** For an entity that is a task: how it reads as the shared Task, and is written from one. */
	task?: NexudusTaskSupport;
}

/** How a task entity meets the shared Task: Simplify on its reads, Set Fields From on its writes. */
export interface NexudusTaskSupport {
	mapping: TaskMapping;
	writing: TaskWriting;
}

/** A property that takes from_/to_ range filters. */
export interface RangeProperty {
	property: string;
	displayName: string;
	/** `id`: record IDs, whole numbers above 0. */
	type: 'dateTime' | 'number' | 'id';
	/** For dates Nexudus keeps as a wall-clock time: bounds are sent as typed, not converted. */
	wallClock?: boolean;
}

/** Range filters every Nexudus record has: when it was created and last changed, and its ID. */
export const recordRanges: RangeProperty[] = [
	{ property: 'CreatedOn', displayName: 'Created On', type: 'dateTime' },
	{ property: 'UpdatedOn', displayName: 'Updated On', type: 'dateTime' },
	{ property: 'Id', displayName: 'ID', type: 'id' },
];

/** Writable properties every Nexudus record has that the node does not edit: kept on update. */
export const recordKeptOnUpdate = ['SystemId'];
