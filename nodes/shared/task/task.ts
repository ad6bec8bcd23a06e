import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { parseDate } from '../dates';

/** The vendors of this pack, as a shared task names its source. */
export type TaskVendor = 'nexudus' | 'copper' | 'onlyoffice' | 'cotalker';

/** Someone or something a task points to, by the vendor's ID and, where the vendor gives it, name. */
export interface TaskReference {
	id: string;
	name: string | null;
}

/**
 * One task in the words every vendor of the pack shares: what the nodes output with Simplify on,
 * and what their create and update take through "Set Fields From: Task". Dates are ISO 8601 in
 * UTC (ending in Z); a part the vendor does not have is null (or empty, for tags).
 */
export interface Task {
	vendor: TaskVendor;
	id: string;
	title: string;
	description: string | null;
	dueDate: string | null;
	completed: boolean;
	completedAt: string | null;
	assignee: TaskReference | null;
	/** The record the task is about, e.g. a Copper opportunity or a Nexudus coworker. */
	relatedRecord: (TaskReference & { type: string }) | null;
	tags: string[];
	createdAt: string | null;
	updatedAt: string | null;
	/** The task in the vendor's web app, where it has a page of its own. */
	url: string | null;
	/** The vendor's record, untouched. */
	raw: IDataObject;
}

/** The parts of a task a vendor's record maps to, see TaskMapping.toTask. */
export type TaskParts = Omit<Task, 'vendor' | 'raw'>;

/**
 * How one vendor's task record reads as a shared Task: a small mapper per vendor. `toTask` gets
 * the record as the API answered and the node's credential, for links into the vendor's web app.
 */
export interface TaskMapping {
	vendor: TaskVendor;
	/** The credential type whose data `toTask` may read (its URLs, never its secrets). */
	credentialType: string;
	/** Whether an output item is a task record, not e.g. a deletion's answer. */
	isTask(json: IDataObject): boolean;
	toTask(record: IDataObject, credentials: ICredentialDataDecryptedObject): TaskParts;
}

/** A record as a shared Task: the vendor's mapping, the vendor's name and the record untouched. */
export const asTask = (
	mapping: TaskMapping,
	record: IDataObject,
	credentials: ICredentialDataDecryptedObject,
): Task => ({ vendor: mapping.vendor, ...mapping.toTask(record, credentials), raw: record });

/**
 * A vendor's date as ISO 8601 in UTC: a Date, ISO text (without an offset, a time in UTC, never
 * the machine's time zone) or epoch milliseconds. Anything else, empty included, is null.
 */
export function isoMoment(value: unknown): string | null {
	const date =
		typeof value === 'number' && Number.isFinite(value) ? new Date(value) : parseDate(value);
	return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** Text, or null when empty or not text. */
export const textOrNull = (value: unknown): string | null =>
	typeof value === 'string' && value.trim() !== '' ? value : null;

/** An ID as text (IDs differ in type between vendors), or null when absent. */
export const idText = (value: unknown): string | null =>
	value === null || value === undefined || value === '' ? null : String(value);

/** A reference from an ID and a name, or null when there is no ID. */
export function reference(id: unknown, name: unknown): TaskReference | null {
	const text = idText(id);
	return text === null ? null : { id: text, name: textOrNull(name) };
}
