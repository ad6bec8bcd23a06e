/**
 * Get: `GET /api/v1/tasks/{group}/task/{task}`, the task output as Cotalker returns it; both IDs
 * checked as ObjectIds and encoded into the path.
 */
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, TOKEN, withoutAdmin } from './credentials';
import {
	PROJECTS,
	TASK,
	TASK_V1,
	badId,
	cotalker,
	runOnTask,
	runTask,
	task,
} from './recordHelpers';
import { picked } from './runCotalker';

describe('Cotalker › task › get', () => {
	it('reads the task in its group and outputs it as Cotalker returns it', async () => {
		const scope = cotalker().get(TASK_V1).reply(200, task);

		const run = await runOnTask('get');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('outputs the task inside a {data} envelope too', async () => {
		const scope = cotalker().get(TASK_V1).reply(200, { data: task });

		const run = await runOnTask('get');

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('trims the IDs picked, and sends no Admin header with Admin Access off', async () => {
		const scope = nock(BASE_URL, { badheaders: ['admin'] })
			.matchHeader('authorization', `Bearer ${TOKEN}`)
			.get(TASK_V1)
			.reply(200, task);

		const run = await runTask(
			'get',
			{ taskGroup: picked(` ${PROJECTS} `, 'list'), recordId: picked(` ${TASK}`, 'list') },
			{ credentials: withoutAdmin },
		);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		// From the list or an expression: the editor checks only IDs typed in By ID mode.
		['task group', { taskGroup: picked('projects', 'list') }, badId('Task Group', 'task group')],
		['task', { recordId: picked('6a1e0000010000000000000z', 'list') }, badId('Task', 'task')],
	])('refuses a malformed %s before any request', async (_, parameters, message) => {
		const run = await runTask('get', { recordId: picked(TASK, 'list'), ...parameters });

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});
});
