import type { IDataObject } from 'n8n-workflow';

import type { ParentRecord, RecordTarget, WritableRecord } from '../../../shared/record';
import { pickers } from '../../pickers';
import { cotalkerApi } from '../../transport';
import { taskFields } from './fields';
import { cotalkerTaskWriting } from './taskWriting';

/** Every task lives in a task group, picked first; its ID is part of every task URL. */
const inTaskGroup: ParentRecord = { parameter: 'taskGroup', picker: pickers.taskGroup };

/** The new task in Cotalker's answer to a create: the bare task (the docs), or `{task}` (the SDK). */
const createdTask = (answer: IDataObject) =>
	answer.task && typeof answer.task === 'object' && !Array.isArray(answer.task)
		? (answer.task as IDataObject)
		: answer;

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
	fromTask: cotalkerTaskWriting,
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
