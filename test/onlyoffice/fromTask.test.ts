/**
 * Set Fields From: Task. Create and update take title, description and deadline from a shared
 * Task, as a previous node output it with Simplify on (through the default `{{ $json }}`); update
 * also takes the responsible user, from an ONLYOFFICE task only, unless the user sets one. The workflow runs in
 * America/New_York; the Task's dates carry their zone (Z), so it does not matter here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Onlyoffice } from '../../nodes/Onlyoffice/Onlyoffice.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import copperTask from './fixtures/copper-task-shared.json';
import opsTaskShared from './fixtures/ops-task-shared.json';
import { MIKE, NINA, OLGA, TASK_AS_SENT_BACK, readPutRead, task } from './recordHelpers';
import { onlyoffice, picked, runTask, single } from './runOnlyoffice';

/** The ONLYOFFICE task of the fixture as a shared Task, now assigned to Nina. */
const onlyofficeTask = {
	...opsTaskShared,
	assignee: { id: NINA, name: 'Nina Berg' },
	raw: task,
};

const fromTask = { fieldsFrom: 'task', task: '={{ $json }}' };

/** Create from `shared`: the user picks the responsible user and the category. */
const create = (shared: IDataObject, additionalFields: INodeParameters = {}) =>
	runTask(
		'create',
		{
			...fromTask,
			responsibleId: picked(MIKE),
			categoryId: picked('31', 'list'),
			additionalFields,
		},
		{ input: [shared] },
	);

/** Update task 1201 from `shared`. */
const update = (shared: IDataObject, updateFields: INodeParameters = {}) =>
	runTask('update', { recordId: picked('1201'), ...fromTask, updateFields }, { input: [shared] });

const COPPER_FIELDS = {
	title: 'Send the renewal quote',
	description: 'Quote for 40 seats, with the volume discount.',
	deadline: '2026-12-02T15:00:00.000Z',
};

describe('ONLYOFFICE › task › create from a Task', () => {
	it("takes a Copper task's title, description and deadline; responsible and category are the user's", async () => {
		const scope = onlyoffice()
			.post('/crm/task', { ...COPPER_FIELDS, responsibleId: MIKE, categoryId: 31 })
			.reply(201, single(task, 201));

		const run = await create(copperTask);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("takes an ONLYOFFICE task's fields the same way, and the user's responsible, not the task's", async () => {
		const scope = onlyoffice()
			.post('/crm/task', {
				title: 'Call Kim about the renewal',
				description: 'Confirm the seat count.',
				deadline: '2026-12-01T07:00:00.000Z',
				responsibleId: MIKE,
				categoryId: 31,
			})
			.reply(201, single(task, 201));

		const run = await create(onlyofficeTask);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("takes an ONLYOFFICE task's responsible user when Responsible maps it", async () => {
		const scope = onlyoffice()
			.post('/crm/task', {
				title: 'Call Kim about the renewal',
				description: 'Confirm the seat count.',
				deadline: '2026-12-01T07:00:00.000Z',
				responsibleId: NINA,
				categoryId: 31,
			})
			.reply(201, single(task, 201));

		const run = await runTask(
			'create',
			{
				...fromTask,
				responsibleId: picked('={{ $json.assignee.id }}'),
				categoryId: picked('31', 'list'),
			},
			{ input: [onlyofficeTask] },
		);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("sends the user's description over the task's, and the user's other fields beside it", async () => {
		const scope = onlyoffice()
			.post('/crm/task', {
				...COPPER_FIELDS,
				description: 'Ask for the PO number.',
				responsibleId: MIKE,
				categoryId: 31,
				alertValue: 30,
			})
			.reply(201, single(task, 201));

		const run = await create(copperTask, { description: 'Ask for the PO number.', alertValue: 30 });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		['no title', { title: undefined }, 'Invalid value for "Source Task": it has no title'],
		[
			'a due date it cannot read',
			{ dueDate: 'next Friday' },
			'Invalid value for "Source Task": its value for "Deadline" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
		],
		[
			'no due date (ONLYOFFICE needs a deadline)',
			{ dueDate: null },
			'Invalid value for "Source Task": its value for "Deadline" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
		],
	])('refuses a task with %s, naming the Task, before any request', async (_, change, message) => {
		const run = await create({ ...copperTask, ...change });

		expect(run.error?.message).toBe(message);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});

	it('asks for title and deadline only when the fields are set one by one', () => {
		const shownFor = (name: string) =>
			new Onlyoffice().description.properties.find(
				(property) =>
					property.name === name && property.displayOptions?.show?.operation?.[0] === 'create',
			)?.displayOptions?.show;

		expect(shownFor('title')).toEqual({
			resource: ['task'],
			operation: ['create'],
			fieldsFrom: ['fields'],
		});
		expect(shownFor('deadline')).toEqual({
			resource: ['task'],
			operation: ['create'],
			fieldsFrom: ['fields'],
		});
		expect(shownFor('responsibleId')).toEqual({ resource: ['task'], operation: ['create'] });
		expect(shownFor('categoryId')).toEqual({ resource: ['task'], operation: ['create'] });
	});
});

describe('ONLYOFFICE › task › update from a Task', () => {
	it("takes a Copper task's title, description and deadline, and sends every other field back as read", async () => {
		const scope = readPutRead({ ...TASK_AS_SENT_BACK, ...COPPER_FIELDS });

		const run = await update(copperTask);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("takes an ONLYOFFICE task's responsible user too", async () => {
		const scope = readPutRead({
			...TASK_AS_SENT_BACK,
			deadline: '2026-12-01T07:00:00.000Z',
			responsibleId: NINA,
		});

		const run = await update(onlyofficeTask);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("sends the user's responsible user over an ONLYOFFICE task's", async () => {
		const scope = readPutRead({
			...TASK_AS_SENT_BACK,
			deadline: '2026-12-01T07:00:00.000Z',
			responsibleId: OLGA,
		});

		const run = await update(onlyofficeTask, { responsibleId: picked(OLGA, 'list') });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("keeps the task's description when the Task has none, and the user's title wins", async () => {
		const scope = readPutRead({
			...TASK_AS_SENT_BACK,
			...COPPER_FIELDS,
			title: 'Quote: 40 seats',
			description: 'Confirm the seat count.',
		});

		const run = await update({ ...copperTask, description: null }, { title: 'Quote: 40 seats' });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		['no title', { title: undefined }, 'Invalid value for "Source Task": it has no title'],
		[
			'a due date it cannot read',
			{ dueDate: '2026-13-45' },
			'Invalid value for "Source Task": its value for "Deadline" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
		],
	])('refuses a task with %s, naming the Task, before any request', async (_, change, message) => {
		const run = await update({ ...copperTask, ...change });

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});
});
