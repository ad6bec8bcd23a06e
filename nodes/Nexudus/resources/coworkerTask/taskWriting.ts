import type { TaskWriting } from '../../../shared/task/fromTask';
import type { Task } from '../../../shared/task/task';

/** What any task gives a coworker task: its name, notes, due date (UTC) and whether it is done. */
const anyTask: TaskWriting = {
	fills: ['Name', 'Notes', 'DueDate', 'Completed'],
	values: (task: Task) => ({
		Name: task.title,
		Notes: task.description,
		DueDate: task.dueDate,
		Completed: task.completed,
	}),
};

/**
 * How coworker tasks take a shared Task ("Set Fields From: Task"). Business, Coworker and
 * Responsible User stay fields the user sets on create: another tool's IDs mean nothing in
 * Nexudus, and a required field the task fills would be hidden even when a task from another tool
 * leaves it empty. An update also takes the responsible user and the coworker of a task that
 * comes from Nexudus itself.
 */
export const coworkerTaskWriting: { create: TaskWriting; update: TaskWriting } = {
	create: anyTask,
	update: {
		fills: [...anyTask.fills, 'ResponsibleId', 'CoworkerId'],
		values: (task: Task) => {
			const sameVendor = task.vendor === 'nexudus';
			const coworker = task.relatedRecord?.type === 'coworker' ? task.relatedRecord : null;
			return {
				...anyTask.values(task),
				ResponsibleId: sameVendor ? task.assignee?.id : undefined,
				CoworkerId: sameVendor ? coworker?.id : undefined,
			};
		},
	},
};
