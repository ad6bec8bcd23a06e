import type { TaskWriting } from '../../../shared/task/fromTask';

/**
 * How an ONLYOFFICE task takes a shared Task ("Set Fields From: Task"): its title, description and
 * deadline (UTC). Completion is not among them: ONLYOFFICE closes and reopens a task through its
 * own endpoints (Run Command), not through the fields of a create or update. The responsible user
 * is a portal user's GUID, so only a task from ONLYOFFICE gives it; Responsible and Category stay
 * fields the user sets on create, and an update takes the task's responsible user unless the user
 * sets one.
 */
export const onlyofficeTaskWriting: TaskWriting = {
	fills: ['title', 'deadline', 'description'],
	values: (task) => ({
		title: task.title,
		description: task.description,
		deadline: task.dueDate,
		...(task.vendor === 'onlyoffice' ? { responsibleId: task.assignee?.id } : {}),
	}),
};
