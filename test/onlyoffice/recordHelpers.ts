import type { IDataObject } from 'n8n-workflow';
import type nock from 'nock';

import category from './fixtures/ops-category.json';
import task from './fixtures/ops-task.json';
import { onlyoffice, picked, runCategory, runTask, single } from './runOnlyoffice';

export { category, task };

export const OLGA = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101';
export const MIKE = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a102';
export const NINA = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a103';

/** A task like the fixture, with another ID and title. */
export const taskNumbered = (id: number, title = `Task ${id}`): IDataObject => ({
	...task,
	id,
	title,
});

/**
 * The fixture task as `PUT /crm/task/1201` must get it back: every field the PUT takes, read from
 * where the task shows it (`deadLine`, `responsible.id`, `category.id`, `contact.id`, `entity.*`).
 */
export const TASK_AS_SENT_BACK = {
	taskid: 1201,
	title: 'Call Kim about the renewal',
	description: 'Confirm the seat count.',
	deadline: '2026-12-01T10:00:00.0000000+03:00',
	responsibleId: MIKE,
	categoryId: 31,
	contactId: 302,
	entityType: 'opportunity',
	entityId: 402,
	alertValue: 15,
};

/** Get task `id`, typed by ID (or picked from the list). */
export const getTask = (id = '1201', mode: 'id' | 'list' = 'id') =>
	runTask('get', { recordId: picked(id, mode) });

/** Get task category `id`. */
export const getCategory = (id = '33', mode: 'id' | 'list' = 'id') =>
	runCategory('get', { recordId: picked(id, mode) });

/** The message of an invalid task ID, as the node words it. */
export const BAD_TASK_ID =
	'Invalid value for "Task": Enter a numeric ID, e.g. 1234, or pick a task from the list';

/** Read task 1201, PUT it with `body`, read it again: the requests of one update. */
export const readPutRead = (
	body: nock.DataMatcherMap,
	before: IDataObject = task,
	after: IDataObject = task,
) =>
	onlyoffice()
		.get('/crm/task/1201')
		.reply(200, single(before))
		.put('/crm/task/1201', body)
		.matchHeader('content-type', 'application/json')
		.reply(200, single(after))
		.get('/crm/task/1201')
		.reply(200, single(after));
