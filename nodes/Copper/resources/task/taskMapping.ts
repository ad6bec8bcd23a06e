import type { IDataObject } from 'n8n-workflow';

import { fromUnixSeconds } from '../../../shared/dates';
import { idText, reference, textOrNull, type TaskMapping } from '../../../shared/task/task';
import { copperApi } from '../../transport';

/** A Copper date (Unix seconds) as ISO 8601 in UTC, or null when the task has none. */
const isoDate = (value: unknown) => fromUnixSeconds(value) ?? null;

/** The record a task is about: Copper gives its type and ID, never its name. */
function relatedRecord(related: unknown) {
	if (!related || typeof related !== 'object') return null;
	const { id, type } = related as IDataObject;
	const record = reference(id, null);
	return record && typeof type === 'string' ? { type, ...record } : null;
}

/**
 * A Copper task in the shared shape. Copper's search answers the same full records as
 * GET /tasks/{id}, so Find, List, Range and Get give the same Task.
 * - Copper gives the assignee and the related record by ID only: their names are null, since
 *   reading them would cost a request per task.
 * - url is null: Copper documents no link to a task in its web app, and its app's addresses
 *   need the account's company ID, which the credential does not hold.
 */
export const copperTaskMapping: TaskMapping = {
	vendor: 'copper',
	credentialType: copperApi.credentialType,
	isTask: (json) => 'date_modified' in json,
	toTask: (record) => ({
		id: idText(record.id) ?? '',
		title: typeof record.name === 'string' ? record.name : '',
		description: textOrNull(record.details),
		dueDate: isoDate(record.due_date),
		completed: record.status === 'Completed',
		completedAt: isoDate(record.completed_date),
		assignee: reference(record.assignee_id, null),
		relatedRecord: relatedRecord(record.related_resource),
		tags: Array.isArray(record.tags)
			? record.tags.filter((tag): tag is string => typeof tag === 'string')
			: [],
		createdAt: isoDate(record.date_created),
		updatedAt: isoDate(record.date_modified),
		url: null,
	}),
};
