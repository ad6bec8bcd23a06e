/**
 * Update: a partial `PATCH /api/v1/tasks/{group}/task/{task}` with the Admin header: only the
 * fields set under Update Fields, those under Fields to Clear as null; Cotalker's answer (the task
 * as it now is) is the output.
 */
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, TOKEN, withoutAdmin } from './credentials';
import { BRUNO, TASK, TASK_V1, badId, cotalker, failed, runOnTask, task } from './recordHelpers';
import { picked } from './runCotalker';

const update = (updateFields = {}, clearFields: string[] = [], options = {}) =>
	runOnTask('update', { updateFields, clearFields }, options);

describe('Cotalker › task › update', () => {
	it('sends only the changed field and outputs the task as Cotalker answers', async () => {
		const renamed = { ...task, name: 'Website relaunch', __v: 3 };
		const scope = cotalker()
			.patch(TASK_V1, { name: 'Website relaunch' })
			.matchHeader('content-type', 'application/json')
			.reply(200, renamed);

		const run = await update({ name: 'Website relaunch' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([renamed]);
		expectExactRequests(scope);
	});

	it('changes several fields and clears others with null', async () => {
		const scope = cotalker()
			.patch(TASK_V1, {
				assignee: BRUNO,
				endDate: '2026-12-20T12:00:00.000Z',
				extensions: { project: { budget: '15000' } },
				info: null,
				status1: null,
				startDate: null,
				estimatedTime: null,
			})
			.reply(200, task);

		const run = await update(
			{
				assignee: picked(BRUNO),
				endDate: '2026-12-20T12:00:00Z',
				extensions: { entry: [{ group: 'project', key: 'budget', value: '15000' }] },
			},
			['info', 'status1', 'startDate', 'estimatedTime'],
		);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends nothing it was not asked to (no isActive, no smState)', async () => {
		const scope = cotalker().patch(TASK_V1, { estimatedTime: 5 }).reply(200, task);

		const run = await update({ estimatedTime: 5 });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('reactivates a deactivated task (Active on)', async () => {
		const scope = cotalker().patch(TASK_V1, { isActive: true }).reply(200, task);

		const run = await update({ isActive: true });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends the Admin header with Admin Access off', async () => {
		const scope = nock(BASE_URL, {
			reqheaders: { authorization: `Bearer ${TOKEN}`, admin: 'true' },
		})
			.patch(TASK_V1, { name: 'Relaunch' })
			.reply(200, task);

		const run = await update({ name: 'Relaunch' }, [], { credentials: withoutAdmin });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message for an unknown task", async () => {
		const scope = cotalker()
			.patch(TASK_V1, { name: 'Relaunch' })
			.reply(404, failed(404, 'Not Found', 'Task not found'));

		const run = await update({ name: 'Relaunch' });

		expect(run.error?.message).toBe('Task not found');
		expectExactRequests(scope);
	});

	it.each([
		['no field', {}, [], 'Add at least one field under "Update Fields" or "Fields to Clear"'],
		['a blank name', { name: '  ' }, [], 'Invalid value for "Name": This field is required'],
		['a malformed assignee', { assignee: picked('bruno', 'list') }, [], badId('Assignee', 'user')],
		[
			'a bad end date',
			{ endDate: '31/12/2026' },
			[],
			'Invalid value for "End Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'a field both changed and cleared',
			{ info: 'More' },
			['info'],
			'"Description" is both changed and cleared',
		],
		[
			'a field that cannot be cleared',
			{},
			['assignee'],
			'Invalid value for "Fields to Clear": assignee cannot be cleared',
		],
	])('refuses %s before any request', async (_, updateFields, clearFields, message) => {
		const run = await update(updateFields, clearFields);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	it('refuses a malformed task before any request', async () => {
		const run = await runOnTask('update', {
			recordId: picked(`${TASK}0`, 'list'),
			updateFields: { name: 'x' },
		});

		expect(run.error?.message).toBe(badId('Task', 'task'));
		expectNoRequests();
	});

	it('offers to clear exactly the fields Cotalker takes null for, by what they hold', async () => {
		const { taskDescription } = await import('../../nodes/Cotalker/resources/task');
		const clear = taskDescription.find((parameter) => parameter.name === 'clearFields')!;

		expect(clear.options).toEqual(
			['Start Date', 'End Date', 'Estimated Time (Days)', 'Description']
				.map((name) => expect.objectContaining({ name }))
				.concat(
					[1, 2, 3, 4, 5].map((slot) =>
						expect.objectContaining({
							name: `Status ${slot}`,
							value: `status${slot}`,
							description: `Empty the status ${slot}`,
						}),
					),
				),
		);
	});
});
