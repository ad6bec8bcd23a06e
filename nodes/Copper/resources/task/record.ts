import type { IDataObject } from 'n8n-workflow';

import { withReadableDates } from '../../../shared/dates';
import { presenting, type OperationExecutor } from '../../../shared/executor';
import type { WritableRecord } from '../../../shared/record';
import { pickers } from '../../pickers';
import { copperApi } from '../../transport';
import { withTypedCustomFields } from './customFields';
import { taskDates, taskFields } from './fields';

/** Copper's task as the record the node reads, creates, changes and deletes. */
export const copperTask: WritableRecord = {
	resource: 'task',
	noun: 'task',
	path: '/tasks',
	picker: pickers.task,
	api: copperApi,
	fields: taskFields,
	prepareBody: withTypedCustomFields,
};

/** A task as the node outputs it: Copper's fields, plus a readable copy of each date. */
export const presentTask = withReadableDates(taskDates);

const isTask = (json: IDataObject) => 'date_modified' in json;

/** An executor whose tasks come out presented (see presentTask). */
export const outputtingTasks = (executor: OperationExecutor) =>
	presenting(executor, presentTask, isTask);
