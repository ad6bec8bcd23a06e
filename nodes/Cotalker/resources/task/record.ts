import type { IDataObject } from 'n8n-workflow';

import type { ParentRecord, RecordTarget, WritableRecord } from '../../../shared/record';
import type { TaskWriting } from '../../../shared/task/fromTask';
import { pickers } from '../../pickers';
import { cotalkerApi } from '../../transport';
import { taskFields } from './fields';

/** Every task lives in a task group, picked first; its ID is part of every task URL. */
const inTaskGroup: ParentRecord = { parameter: 'taskGroup', picker: pickers.taskGroup };

/** The new task in Cotalker's answer to a create: the bare task (the docs), or `{task}` (the SDK). */
const createdTask = (answer: IDataObject) =>
	answer.task && typeof answer.task === 'object' && !Array.isArray(answer.task)
		? (answer.task as IDataObject)
		: answer;

/**
 * What a shared Task sets on a Cotalker task ("Set Fields From: Task"): name, description (info)
 * and due date (endDate). The task group stays the one the user picks. The assignee carries over
 * only from another Cotalker task, since other vendors' user IDs mean nothing here. Completion is
 * not a field but a state move (Move to State), so a completed task is not closed by this.
 */
const fromTask: TaskWriting = {
	fills: ['name', 'info', 'endDate'],
	values: (task) => ({
		name: task.title,
		info: task.description,
		endDate: task.dueDate,
		...(task.vendor === 'cotalker' ? { assignee: task.assignee?.id } : {}),
	}),
};

/** A Cotalker task as the record the node reads, creates, changes and deactivates (v1 API). */
export const cotalkerTask: WritableRecord = {
	resource: 'task',
	noun: 'task',
	path: '/api/v1/tasks/{taskGroup}/task',
	picker: pickers.task,
	parent: inTaskGroup,
	api: cotalkerApi,
	fields: taskFields,
	createdIn: createdTask,
	fromTask,
};

/** The v2 task list of a group, with date bounds, `isActive` and paging with a total. */
export const taskList: RecordTarget = {
	...cotalkerTask,
	path: '/api/v2/task-groups/{taskGroup}/tasks',
};

/** The v2 list of a group's tasks related to a user or a property (Admin). */
export const relatedTaskList: RecordTarget = {
	...cotalkerTask,
	path: '/api/v2/task-groups/{taskGroup}/tasks/relations',
};
