import type { IDataObject } from 'n8n-workflow';

import {
	isoMoment,
	reference,
	textOrNull,
	type TaskMapping,
	type TaskParts,
} from '../../../shared/task/task';

/** The GUID ONLYOFFICE gives a task whose responsible user was never set: nobody. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const part = (record: IDataObject, key: string) => (record[key] ?? {}) as IDataObject;

function assignee(task: IDataObject) {
	const responsible = part(task, 'responsible');
	return responsible.id === NOBODY ? null : reference(responsible.id, responsible.displayName);
}

/** The opportunity or case the task belongs to, else its contact. */
function relatedRecord(task: IDataObject): TaskParts['relatedRecord'] {
	const entity = part(task, 'entity');
	const linked = reference(entity.entityId, entity.entityTitle);
	if (linked && typeof entity.entityType === 'string') {
		return { type: entity.entityType, ...linked };
	}
	const contact = part(task, 'contact');
	const person = reference(contact.id, contact.displayName);
	return person && { type: 'contact', ...person };
}

/**
 * An ONLYOFFICE CRM task (TaskWrapper) as a shared Task. The wrapper leaves out members that are
 * false, 0 or null, so a task without `isClosed` is open. It has no close time and no change
 * time, and no tags. It also has no page of its own: ONLYOFFICE's own feed links a task to the
 * task list (`/Products/CRM/Tasks.aspx`), where tasks open in a dialog, so `url` is null.
 * Its dates (`2026-12-01T10:00:00.0000000+03:00`: the portal's offset, seven fraction digits) are
 * read as the instants they name. Only fields that Get and the task list both give are read (the list leaves out the category's
 * task count), so every read operation maps a task alike.
 */
export const onlyofficeTaskMapping: TaskMapping = {
	vendor: 'onlyoffice',
	credentialType: 'onlyofficeWorkspaceApi',
	isTask: (json) => json.id !== undefined && typeof json.title === 'string',
	toTask: (task) => ({
		id: String(task.id),
		title: String(task.title),
		description: textOrNull(task.description),
		dueDate: isoMoment(task.deadLine),
		completed: task.isClosed === true,
		completedAt: null,
		assignee: assignee(task),
		relatedRecord: relatedRecord(task),
		tags: [],
		createdAt: isoMoment(task.created),
		updatedAt: null,
		url: null,
	}),
};
