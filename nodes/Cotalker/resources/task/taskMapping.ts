import type { IDataObject } from 'n8n-workflow';

import { isoMoment, reference, textOrNull, type TaskMapping } from '../../../shared/task/task';
import { refOf } from '../../trigger/taskFields';
import { cotalkerApi } from '../../transport';

/**
 * The assignee: an ObjectId as every task list and Get answer it, with a name only when Cotalker
 * gives the user itself (a COTUser, whose name is `{names, lastName, displayName}`).
 */
function assignee(task: IDataObject) {
	const user = task.assignee;
	const name =
		user && typeof user === 'object'
			? ((user as IDataObject).name as IDataObject | undefined)?.displayName
			: null;
	return reference(refOf(task, 'assignee'), name);
}

/**
 * A Cotalker task (COTTask, model_tasks.md) as a shared Task. Cotalker has no "done" flag: a task
 * is closed when its state is a closed one, which stamps `closedAt` (null until then). The task's
 * related record is the task group it lives in, by ID only (the task carries no group name). Tasks
 * have no tags. Cotalker documents no web-app address for a task, so `url` is null. Get, Find
 * and List all answer the whole task, so every read operation maps a task alike.
 */
export const cotalkerTaskMapping: TaskMapping = {
	vendor: 'cotalker',
	credentialType: cotalkerApi.credentialType,
	isTask: (json) => typeof json._id === 'string' && json.taskGroup !== undefined,
	toTask: (task) => {
		const taskGroup = reference(refOf(task, 'taskGroup'), null);
		return {
			id: String(task._id),
			title: String(task.name ?? ''),
			description: textOrNull(task.info),
			dueDate: isoMoment(task.endDate),
			completed: task.closedAt !== null && task.closedAt !== undefined,
			completedAt: isoMoment(task.closedAt),
			assignee: assignee(task),
			relatedRecord: taskGroup && { type: 'taskGroup', ...taskGroup },
			tags: [],
			createdAt: isoMoment(task.createdAt),
			updatedAt: isoMoment(task.modifiedAt),
			url: null,
		};
	},
};
