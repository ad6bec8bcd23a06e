/**
 * Task group Get: `GET /api/v2/task-groups/{id}`, which Cotalker documents as requiring the Admin
 * header: it is sent whatever the credential's Admin Access says. The ID comes from the task group
 * locator, checked as an ObjectId before any request.
 */
import type { NodeApiError } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { TOKEN, withoutAdmin } from './credentials';
import { cotalker, failed, taskGroupId, taskGroupNumbered } from './fixtures/taskGroups';
import { picked, runCotalker } from './runCotalker';

const runGet = (recordId: unknown, options = {}) =>
	runCotalker('taskGroup', 'get', { recordId } as never, options);

describe('Cotalker › task group Get', () => {
	it('sends GET /api/v2/task-groups/{id} with the bearer token and Admin header, and outputs the group', async () => {
		const group = taskGroupNumbered(1);
		const scope = cotalker()
			.get(`/api/v2/task-groups/${taskGroupId(1)}`)
			.reply(200, group);

		const run = await runGet(picked(taskGroupId(1), 'list'));

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([group]);
		expectExactRequests(scope);
	});

	it('sends the Admin header even with Admin Access off in the credential', async () => {
		const group = taskGroupNumbered(2);
		const scope = cotalker({ authorization: `Bearer ${TOKEN}`, admin: 'true' })
			.get(`/api/v2/task-groups/${taskGroupId(2)}`)
			.reply(200, group);

		const run = await runGet(picked(`={{ " ${taskGroupId(2)} " }}`), { credentials: withoutAdmin });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([group]);
		expectExactRequests(scope);
	});

	it('outputs a group Cotalker wraps in {data}', async () => {
		const group = taskGroupNumbered(3);
		const scope = cotalker()
			.get(`/api/v2/task-groups/${taskGroupId(3)}`)
			.reply(200, { data: group });

		const run = await runGet(picked(taskGroupId(3)));

		expect(run.json).toEqual([group]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message on an unknown group", async () => {
		const scope = cotalker()
			.get(`/api/v2/task-groups/${taskGroupId(9)}`)
			.reply(404, failed(404, 'Not Found', 'TaskGroup not found'));

		const run = await runGet(picked(taskGroupId(9)));

		expect(run.error?.message).toBe('TaskGroup not found');
		expect((run.error as NodeApiError).httpCode).toBe('404');
		expectExactRequests(scope);
	});

	it('explains a 403 by the Admin header and the token roles', async () => {
		const scope = cotalker()
			.get(`/api/v2/task-groups/${taskGroupId(1)}`)
			.reply(403, failed(403, 'Forbidden', 'Admin header required'));

		const run = await runGet(picked(taskGroupId(1)));

		expect(run.error?.message).toBe('Admin header required');
		expect(run.error?.description).toBe(
			'Cotalker refuses this without administrator access: turn on Admin Access in the credential, and give the API token the access roles it needs.',
		);
		expectExactRequests(scope);
	});

	it.each([
		[
			'empty',
			picked('={{ "" }}'),
			'Invalid value for "Task Group": Select a task group or enter its ID',
		],
		[
			'not an ObjectId',
			picked('={{ "projects" }}'),
			'Invalid value for "Task Group": Enter an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001, or pick a task group from the list',
		],
		[
			'an ObjectId with a path in it',
			picked(`={{ "${taskGroupId(1)}/tasks" }}`),
			'Invalid value for "Task Group": Enter an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001, or pick a task group from the list',
		],
	])(
		'refuses a task group ID that is %s before any request (typed by an expression, past the editor check)',
		async (_, recordId, message) => {
			const run = await runGet(recordId);

			expect(run.error?.message).toBe(message);
			expectNoRequests();
		},
	);
});
