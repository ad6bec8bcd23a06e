import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { copper, presentedTask, TASK_ISO } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import definitions from './fixtures/record-definitions.json';
import task from './fixtures/record-task.json';

/** Update task 27140359: Copper's PUT is partial, so only what is set (or cleared) is sent. */
const update = (updateFields: INodeParameters, clearFields: string[] = []) =>
	runCopper('update', { recordId: picked('27140359'), updateFields, clearFields });

describe('Copper › update', () => {
	it('sends only the fields set, and outputs the task as Copper now has it', async () => {
		const changed = { ...task, status: 'Completed', completed_date: 1795252500 };
		const scope = copper()
			.put('/tasks/27140359', { status: 'Completed', tags: ['done'] })
			.matchHeader('content-type', 'application/json')
			.reply(200, changed);

		const run = await update({ status: 'Completed', tags: 'done' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{
				...presentedTask,
				status: 'Completed',
				completed_date: 1795252500,
				completed_date_iso: '2026-11-21T09:15:00.000Z',
			},
		]);
		expectExactRequests(scope);
	});

	it('converts dates and types custom fields as create does', async () => {
		const scope = copper()
			.get('/custom_field_definitions')
			.reply(200, definitions)
			.put('/tasks/27140359', {
				due_date: 1796133600,
				assignee_id: 137660,
				related_resource: { id: 4, type: 'opportunity' },
				custom_fields: [
					{ custom_field_definition_id: 12, value: [21] },
					{ custom_field_definition_id: 8, value: null },
				],
			})
			.reply(200, task);

		const run = await update({
			dueDate: '2026-12-01T09:00:00',
			assigneeId: picked('137660'),
			relatedResource: { value: { type: 'opportunity', id: picked('4', 'list') } },
			customFields: {
				field: [
					{ definition: 12, value: 'Support' },
					{ definition: 8, value: '' },
				],
			},
		});

		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});

	it('sends null for every field to clear', async () => {
		const cleared = {
			...task,
			assignee_id: null,
			details: null,
			due_date: null,
			reminder_date: null,
			related_resource: { id: null, type: null },
			tags: [],
		};
		const scope = copper()
			.put('/tasks/27140359', {
				name: 'Call Ada again',
				assignee_id: null,
				details: null,
				due_date: null,
				reminder_date: null,
				related_resource: null,
				tags: null,
			})
			.reply(200, cleared);

		const run = await update({ name: 'Call Ada again' }, [
			'assigneeId',
			'details',
			'dueDate',
			'reminderDate',
			'relatedResource',
			'tags',
		]);

		expect(run.json).toEqual([
			{ ...cleared, ...TASK_ISO, due_date_iso: null, reminder_date_iso: null },
		]);
		expectExactRequests(scope);
	});

	it('clears only, when nothing is changed', async () => {
		const scope = copper().put('/tasks/27140359', { details: null }).reply(200, task);

		const run = await update({}, ['details']);

		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});

	it('refuses a field both changed and cleared, before any request', async () => {
		const run = await update({ details: 'New details' }, ['details']);

		expect(run.error?.message).toBe('"Details" is both changed and cleared');
		expect(run.error?.description).toBe('Remove it from Update Fields or from Fields to Clear.');
		expectNoRequests();
	});

	it('refuses an update with nothing to change or clear, before any request', async () => {
		const run = await update({});

		expect(run.error?.message).toBe(
			'Add at least one field under "Update Fields" or "Fields to Clear"',
		);
		expectNoRequests();
	});

	it('refuses a field that cannot be cleared, before any request', async () => {
		const run = await update({}, ['name']);

		expect(run.error?.message).toBe('Invalid value for "Fields to Clear": name cannot be cleared');
		expectNoRequests();
	});

	// Name may be left out of an update, but a task cannot be without one.
	it('refuses a blank name, before any request', async () => {
		const run = await update({ name: ' ' });

		expect(run.error?.message).toBe('Invalid value for "Name": This field is required');
		expectNoRequests();
	});

	it('refuses a task ID that is not one, naming the Task, before any request', async () => {
		const run = await runCopper('update', {
			recordId: picked('abc', 'list'),
			updateFields: { status: 'Open' },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Task": Enter a numeric ID, e.g. 1234, or pick a task from the list',
		);
		expectNoRequests();
	});
});
