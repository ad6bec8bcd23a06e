import type { TaskWriting } from '../../../shared/task/fromTask';
import type { Task } from '../../../shared/task/task';

/**
 * The fields of an ONLYOFFICE task a shared Task gives, as a user would type them. Completion is
 * not among them: ONLYOFFICE closes and reopens a task through its own endpoints (Run Command),
 * not through the fields of a create or update. The responsible user is a portal user's GUID, so
 * it is taken only from another ONLYOFFICE task.
 */
const values = (task: Task) => ({
	title: task.title,
	description: task.description,
	deadline: task.dueDate,
	responsibleId: task.vendor === 'onlyoffice' ? task.assignee?.id : undefined,
});

/**
 * What a create takes from a Task. Responsible is required and the engine hides the required
 * fields a task fills, so a create leaves it to the user: a task from another vendor has none.
 */
export const createFromTask: TaskWriting = { fills: ['title', 'deadline', 'description'], values };

/** What an update takes from a Task: also the responsible user, when the task has one. */
export const updateFromTask: TaskWriting = {
	fills: [...createFromTask.fills, 'responsibleId'],
	values,
};
