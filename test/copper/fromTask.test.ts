/**
 * Set Fields From: Task. Create and update take a shared Task from the previous node (by default
 * the item itself): title, description, due date, completion and tags from any vendor's task,
 * the assignee and the related record only from a Copper task. The user's own fields win, and a
 * task that cannot be written fails naming "Source Task" before any request.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import type nock from 'nock';

import { Copper } from '../../nodes/Copper/Copper.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { copper, presentedTask } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import recordTask from './fixtures/record-task.json';
import sharedRecordTask from './fixtures/shared/record-task.json';
import nexudusTask from './fixtures/shared/nexudus-task.json';

/** A Copper task as Get outputs it with Simplify on. */
const copperTask = { ...sharedRecordTask, raw: recordTask };

/** Runs create or update with the fields from `task`, the input item, as the default expression reads it. */
const fromTask = (
	operation: 'create' | 'update',
	task: IDataObject,
	parameters: INodeParameters = {},
) =>
	runCopper(
		operation,
		{
			fieldsFrom: 'task',
			...(operation === 'update' ? { recordId: picked('27140359') } : {}),
			...parameters,
		},
		{ input: [task] },
	);

/** What the Nexudus task gives any vendor; 09:00 UTC on 2026-12-01 is 1796115600. */
const FROM_NEXUDUS = {
	name: 'Send welcome pack',
	details: 'Include the door fob',
	due_date: 1796115600,
	status: 'Completed',
};

/** What the Copper task gives a Copper task: its assignee and related record too. */
const FROM_COPPER = {
	name: 'Call Ada about the renewal',
	details: 'Ask about the second office.',
	due_date: 1796133600,
	status: 'Open',
	tags: ['renewal', 'phone'],
	assignee_id: 137659,
	related_resource: { type: 'project', id: 144296 },
};

describe('Copper › Set Fields From: Task', () => {
	describe.each(['create', 'update'] as const)('%s', (operation) => {
		/** Copper answers the exact body (nock compares it whole), nothing else. */
		const send = (body: nock.DataMatcherMap) =>
			operation === 'create'
				? copper().post('/tasks', body).reply(200, recordTask)
				: copper().put('/tasks/27140359', body).reply(200, recordTask);

		it("takes another vendor's title, description, due date and completion, not its IDs", async () => {
			const scope = send(FROM_NEXUDUS);

			const run = await fromTask(operation, nexudusTask);

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([presentedTask]);
			expectExactRequests(scope);
		});

		it("takes a Copper task's tags, assignee and related record too", async () => {
			const scope = send(FROM_COPPER);

			const run = await fromTask(operation, copperTask);

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it('reads the Task from an expression given as JSON text', async () => {
			const scope = send(FROM_NEXUDUS);

			const run = await fromTask(operation, {}, { task: JSON.stringify(nexudusTask) });

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it("lets a field set in the node win over the task's", async () => {
			const own = {
				details: 'Typed in the node',
				status: 'Completed',
				assigneeId: picked('137660'),
			};
			const scope = send({
				...FROM_COPPER,
				details: 'Typed in the node',
				status: 'Completed',
				assignee_id: 137660,
			});

			const run = await fromTask(operation, copperTask, {
				[operation === 'create' ? 'additionalFields' : 'updateFields']: own,
			});

			expect(run.error).toBeUndefined();
			expectExactRequests(scope);
		});

		it.each([
			[
				'without a title',
				{ ...nexudusTask, title: undefined },
				'Invalid value for "Source Task": it has no title',
			],
			[
				'with a due date that is no date',
				{ ...nexudusTask, dueDate: 'next Tuesday' },
				'Invalid value for "Source Task": its value for "Due Date" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
			],
			[
				'with completed that is not true or false',
				{ ...nexudusTask, completed: 'yes' },
				'Invalid value for "Source Task": its completed is not true or false',
			],
		])('refuses a task %s, naming the Task, before any request', async (_, task, message) => {
			const run = await fromTask(operation, task);

			expect(run.error?.message).toBe(message);
			expectNoRequests();
		});
	});

	it('lets a field cleared in the node win over the task on update', async () => {
		const scope = copper()
			.put('/tasks/27140359', { ...FROM_NEXUDUS, details: null })
			.reply(200, recordTask);

		const run = await fromTask('update', nexudusTask, { clearFields: ['details'] });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('does not ask for the name on create when the task gives it', () => {
		const { properties } = new Copper().description;
		const name = properties.find(
			(property: INodeProperties) =>
				property.name === 'name' && property.displayOptions?.show?.operation?.includes('create'),
		);

		expect(name?.required).toBe(true);
		expect(name?.displayOptions?.show).toEqual({
			resource: ['task'],
			operation: ['create'],
			fieldsFrom: ['fields'],
		});
	});
});
