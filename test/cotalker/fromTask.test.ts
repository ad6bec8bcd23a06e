/**
 * Set Fields From: Task on task create and update. A shared Task sets the name, the description
 * (info) and the end date; its assignee only when it is a Cotalker task. Completion is a state
 * move (Move to State), so a completed task is created open. The user's own fields win, cleared
 * fields win, and a task that is not one fails naming "Source Task" before any request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Cotalker } from '../../nodes/Cotalker/Cotalker.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import copperTask from './fixtures/copperTask.json';
import sharedTask from './fixtures/sharedTask.json';
import { ANA, BRUNO, TASK_V1, TASKS_V1, cotalker, runOnTask, runTask, task } from './recordHelpers';
import { picked } from './runCotalker';

const CREATE = `${TASKS_V1}/create`;
const cotalkerTask = { ...sharedTask, raw: task };

/** Create with the fields from a task, the previous node's item ($json, the Task's default). */
const createFrom = (input: IDataObject, parameters: INodeParameters = {}) =>
	runTask('create', { fieldsFrom: 'task', ...parameters }, { input: [input] });

const updateFrom = (input: IDataObject, parameters: INodeParameters = {}) =>
	runOnTask('update', { fieldsFrom: 'task', ...parameters }, { input: [input] });

/** What a Copper task sets: no assignee (Copper's user IDs are not Cotalker's), no completion. */
const fromCopper = {
	name: 'Call Acme about the renewal',
	info: 'Ask about seats for next year.',
	endDate: '2026-12-01T15:00:00.000Z',
};

describe('Cotalker › task › Set Fields From: Task', () => {
	describe('create', () => {
		it("takes another vendor's task: name, description and end date, not its assignee or completion", async () => {
			const scope = cotalker().post(CREATE, fromCopper).reply(200, task);

			const run = await createFrom(copperTask);

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		});

		it("takes a Cotalker task's assignee too", async () => {
			const scope = cotalker()
				.post(CREATE, {
					name: 'Website redesign',
					info: 'New landing page and pricing table.',
					endDate: '2026-12-15T17:00:00.000Z',
					assignee: ANA,
				})
				.reply(200, task);

			const run = await createFrom(cotalkerTask);

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it('takes the task as JSON text too', async () => {
			const scope = cotalker().post(CREATE, fromCopper).reply(200, task);

			const run = await createFrom({}, { task: JSON.stringify(copperTask) });

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it("keeps the fields the user sets over the task's", async () => {
			const scope = cotalker()
				.post(CREATE, { ...fromCopper, info: 'Mine', assignee: BRUNO, estimatedTime: 2 })
				.reply(200, task);

			const run = await createFrom(copperTask, {
				additionalFields: { info: 'Mine', assignee: picked(BRUNO), estimatedTime: 2 },
			});

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it('leaves out what the task does not have', async () => {
			const bare = { ...copperTask, description: null, dueDate: null };
			const scope = cotalker()
				.post(CREATE, { name: 'Call Acme about the renewal' })
				.reply(200, task);

			const run = await createFrom(bare);

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it('does not ask for the name the task fills', () => {
			const name = new Cotalker().description.properties.find(
				(property) =>
					property.name === 'name' && property.displayOptions?.show?.operation?.includes('create'),
			);

			expect(name?.displayOptions?.show).toEqual({
				resource: ['task'],
				operation: ['create'],
				fieldsFrom: ['fields'],
			});
		});
	});

	describe('update', () => {
		it("changes the name, description and end date to another vendor's task's", async () => {
			const scope = cotalker().patch(TASK_V1, fromCopper).reply(200, task);

			const run = await updateFrom(copperTask);

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		});

		it("keeps the user's changes and clearings over the task's", async () => {
			const scope = cotalker()
				.patch(TASK_V1, {
					name: 'Mine',
					info: null,
					endDate: '2026-12-15T17:00:00.000Z',
					assignee: BRUNO,
				})
				.reply(200, task);

			const run = await updateFrom(cotalkerTask, {
				updateFields: { name: 'Mine', assignee: picked(BRUNO) },
				clearFields: ['info'],
			});

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});
	});

	describe('a task that is not one', () => {
		it.each([
			['create', createFrom],
			['update', updateFrom],
		])('fails on %s naming "Source Task" before any request', async (_, run) => {
			const untitled = await run({ ...copperTask, title: undefined });
			const badDue = await run({ ...copperTask, dueDate: 'next Friday' });

			expect(untitled.error?.message).toBe('Invalid value for "Source Task": it has no title');
			expect(badDue.error?.message).toBe(
				'Invalid value for "Source Task": its value for "End Date" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
			);
			expectNoRequests();
		});
	});
});
