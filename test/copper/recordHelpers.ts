import nock from 'nock';

import { AUTH_HEADERS, BASE_URL } from './credentials';
import { picked, runCopper } from './runCopper';
import task from './fixtures/record-task.json';

/** Copper's API as nock intercepts it: every request must carry the three X-PW-* headers. */
export const copper = () => nock(BASE_URL, { reqheaders: AUTH_HEADERS });

/** The readable copies the node adds beside the fixture task's Unix seconds, written out. */
export const TASK_ISO = {
	due_date_iso: '2026-12-01T14:00:00.000Z',
	reminder_date_iso: '2026-12-01T13:30:00.000Z',
	completed_date_iso: null,
	date_created_iso: '2026-11-20T08:00:00.000Z',
	date_modified_iso: '2026-11-21T09:15:00.000Z',
};

/** The fixture task as the node outputs it. */
export const presentedTask = { ...task, ...TASK_ISO };

/** Get task `id`, typed by ID (or picked from the list). */
export const getTask = (id = String(task.id), mode: 'id' | 'list' = 'id') =>
	runCopper('get', { recordId: picked(id, mode) });

/** The message of an invalid task ID, as the node words it. */
export const BAD_TASK_ID =
	'Invalid value for "Task": Enter a numeric ID, e.g. 1234, or pick a task from the list';
