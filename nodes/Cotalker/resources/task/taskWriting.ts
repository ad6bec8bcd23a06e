import type { TaskWriting } from '../../../shared/task/fromTask';

/**
 * What a shared Task sets on a Cotalker task ("Set Fields From: Task"): name, description (info)
 * and due date (endDate). The task group stays the one the user picks. The assignee carries over
 * only from another Cotalker task, since other vendors' user IDs mean nothing here. Completion is
 * not a field but a state move (Move to State), so a completed task is not closed by this.
 */
export const cotalkerTaskWriting: TaskWriting = {
	fills: ['name', 'info', 'endDate'],
	values: (task) => ({
		name: task.title,
		info: task.description,
		endDate: task.dueDate,
		...(task.vendor === 'cotalker' ? { assignee: task.assignee?.id } : {}),
	}),
};
