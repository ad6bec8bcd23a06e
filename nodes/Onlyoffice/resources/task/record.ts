import type { WritableRecord } from '../../../shared/record';
import type { ReplaceShape } from '../../../shared/recordWrite';
import { pickers } from '../../pickers';
import { onlyofficeApi } from '../../transport';
import { taskFields } from './fields';
import { onlyofficeTaskWriting } from './taskWriting';

/** An ONLYOFFICE task as the record the node reads, creates, changes and deletes. */
export const onlyofficeTask: WritableRecord = {
	resource: 'task',
	noun: 'task',
	path: '/crm/task',
	picker: pickers.task,
	api: onlyofficeApi,
	fields: taskFields,
	fromTask: onlyofficeTaskWriting,
};

/**
 * What `PUT /crm/task/{id}` takes: it builds the task anew from these parameters and wipes any it
 * is not sent, so an update sends every field back as read (`readFrom`), changed where asked.
 */
export const taskReplaceShape: ReplaceShape = { idProperty: 'taskid', fields: taskFields };
