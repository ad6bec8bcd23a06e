import type { IDataObject } from 'n8n-workflow';

import { isoMoment, reference, textOrNull, type TaskMapping } from '../../../shared/task/task';

/**
 * A coworker task as the shared Task. It reads only properties that Find, List and Get all
 * return (search results leave out Reminded, SystemId and the task list IDs), so the three give
 * the same Task for the same record. Nexudus documents DueDate as UTC and writes its stamps with
 * a Z; a time without a zone is read as UTC too.
 * - dueDate: DueDate, which Nexudus keeps in UTC; DueDateLocal (the location's wall-clock time,
 *   with no zone to read it by) is not used.
 * - createdAt, updatedAt: CreatedOn and UpdatedOn as written (UTC with a Z in Nexudus' examples).
 *   A tenant that stamps its local wall-clock time behind a literal Z, as the member-portal API
 *   is reported to do, would be off by the location's offset: the record does not say which.
 * - completedAt: null, since Nexudus does not record when a task was completed.
 * - url: null. The admin web app's address is neither documented nor derivable from the API base
 *   URL in the credential, so no link is given rather than a guessed one.
 */
export const nexudusTaskMapping: TaskMapping = {
	vendor: 'nexudus',
	credentialType: 'nexudusSpacesApi',
	// Every coworker task has an ID and a name; write envelopes and command lists have neither.
	isTask: (json: IDataObject) => json.Id !== undefined && json.Name !== undefined,
	toTask: (record) => ({
		id: String(record.Id),
		title: textOrNull(record.Name) ?? '',
		description: textOrNull(record.Notes),
		dueDate: isoMoment(record.DueDate),
		completed: record.Completed === true,
		completedAt: null,
		assignee: reference(record.ResponsibleId, record.ResponsibleFullName),
		relatedRecord: relatedCoworker(record),
		tags: [],
		createdAt: isoMoment(record.CreatedOn),
		updatedAt: isoMoment(record.UpdatedOn),
		url: null,
	}),
};

/** The customer the task is about. */
function relatedCoworker(record: IDataObject) {
	const coworker = reference(record.CoworkerId, record.CoworkerFullName);
	return coworker && { type: 'coworker', ...coworker };
}
