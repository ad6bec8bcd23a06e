import type { TaskWriting } from '../../../shared/task/fromTask';
import type { Task } from '../../../shared/task/task';

/** The coworker of a Nexudus task, as its related record. */
const coworkerOf = (task: Task) =>
	task.relatedRecord?.type === 'coworker' ? task.relatedRecord.id : undefined;

/**
 * How coworker tasks take a shared Task ("Set Fields From: Task"): its name, notes, due date (UTC)
 * and whether it is done. Business, Coworker and Responsible User stay fields the user sets on
 * create: another tool's IDs mean nothing in Nexudus. A task from Nexudus itself also gives its
 * responsible user and coworker, which an update takes unless the user sets them.
 */
export const coworkerTaskWriting: TaskWriting = {
	fills: ['Name', 'Notes', 'DueDate', 'Completed'],
	values: (task: Task) => ({
		Name: task.title,
		Notes: task.description,
		DueDate: task.dueDate,
		Completed: task.completed,
		...(task.vendor === 'nexudus'
			? { ResponsibleId: task.assignee?.id, CoworkerId: coworkerOf(task) }
			: {}),
	}),
};
