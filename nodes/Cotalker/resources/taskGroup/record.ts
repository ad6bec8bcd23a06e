import type { WritableRecord } from '../../../shared/record';
import { pickers } from '../../pickers';
import { cotalkerApi } from '../../transport';
import { taskGroupFields } from './fields';

/** A Cotalker task group (COTTaskGroup) as a record the node lists, reads and creates (v2). */
export const cotalkerTaskGroup: WritableRecord = {
	resource: 'taskGroup',
	noun: 'task group',
	path: '/api/v2/task-groups',
	picker: pickers.taskGroup,
	api: cotalkerApi,
	fields: taskGroupFields,
};
