import { withReadableDates } from '../../../shared/dates';
import type { WritableRecord } from '../../../shared/record';
import type { TaskOutput } from '../../../shared/task/simplify';
import { pickers } from '../../pickers';
import { copperApi } from '../../transport';
import { withTypedCustomFields } from './customFields';
import { taskDates, taskFields } from './fields';
import { copperTaskWriting } from './taskWriting';
import { copperTaskMapping } from './taskMapping';

/** Copper's task as the record the node reads, creates, changes and deletes. */
export const copperTask: WritableRecord = {
	resource: 'task',
	noun: 'task',
	path: '/tasks',
	picker: pickers.task,
	api: copperApi,
	fields: taskFields,
	prepareBody: withTypedCustomFields,
	fromTask: copperTaskWriting,
};

/**
 * How the node outputs tasks: with Simplify on, the shared Task; otherwise Copper's fields plus
 * a readable copy of each date.
 */
export const taskOutput: TaskOutput = {
	mapping: copperTaskMapping,
	present: withReadableDates(taskDates),
};
