import type { TaskWriting } from '../../../shared/task/fromTask';
import type { Task } from '../../../shared/task/task';

/** Copper's status of a task that is done or not; none when the task does not say. */
const statusOf = (task: Task) =>
	typeof task.completed === 'boolean' ? (task.completed ? 'Completed' : 'Open') : null;

/** The related record of a Copper task, as Copper takes it: its type and numeric ID. */
const relatedResourceOf = ({ relatedRecord }: Task) =>
	relatedRecord && /^\d+$/.test(relatedRecord.id)
		? { type: relatedRecord.type, id: Number(relatedRecord.id) }
		: null;

/**
 * How a Copper task takes a shared Task. The assignee and the related record are Copper IDs, so
 * only a Copper task's are carried: another vendor's IDs mean nothing in Copper. Tags are
 * carried when the task has some: a vendor without tags gives none, which must not clear
 * Copper's.
 */
export const copperTaskWriting: TaskWriting = {
	fills: ['name', 'details', 'due_date', 'status', 'tags'],
	values: (task) => ({
		name: task.title,
		details: task.description,
		due_date: task.dueDate,
		status: statusOf(task),
		tags: task.tags?.length ? task.tags : null,
		...(task.vendor === 'copper'
			? { assignee_id: task.assignee?.id ?? null, related_resource: relatedResourceOf(task) }
			: {}),
	}),
};
