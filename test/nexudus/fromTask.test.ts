import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { picked, runNexudus } from './runNexudus';
import { expectTaskUpdate } from './taskWrites';
import copperTask from './fixtures/copperTaskAsTask.json';
import task from './fixtures/coworkerTask.json';
import sandboxTasks from './fixtures/sandboxTasks.json';
import sandboxTasksAsTasks from './fixtures/sandboxTasksAsTasks.json';
import { written } from './fixtures/writeEnvelopes';
import writable from './fixtures/coworkerTaskWritable.json';

/** A Nexudus task as a Nexudus node outputs it with Simplify on: assigned to 3004, about 2002. */
const nexudusTask = { ...sandboxTasksAsTasks[1], raw: sandboxTasks.full[1] };

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

/** The fields a task cannot give: the location, the customer and the responsible user. */
const userFields = {
	businessId: picked('11', 'list'),
	coworkerId: picked('501'),
	responsibleId: picked('71', 'list'),
};

/** Runs Create or Update with Set Fields From: Task, the task being the input item ($json). */
const fromTask = (operation: string, parameters: INodeParameters, input: IDataObject) =>
	runNexudus(
		'coworkerTask',
		operation,
		{ fieldsFrom: 'task', task: '={{ $json }}', ...parameters },
		{ input: [input] },
	);

/** Nexudus takes the POST `body`, then answers the read-back of the new task 1001. */
const expectCreate = (body: IDataObject) =>
	api()
		.post('/crm/coworkertasks', (sent) => {
			expect(sent).toEqual(body);
			return true;
		})
		.reply(200, written(1001, 'CoworkerTask was successfully created.'))
		.get('/crm/coworkertasks/1001')
		.reply(200, task);

const update = (parameters: INodeParameters, input: IDataObject) =>
	fromTask('update', { recordId: picked('1001'), updateFields: {}, ...parameters }, input);

describe('Nexudus › create from a task', () => {
	it("takes a Copper task's title, description, due date and completion, with the user's business, coworker, responsible user and system ID", async () => {
		const scope = expectCreate({
			BusinessId: 11,
			CoworkerId: 501,
			ResponsibleId: 71,
			SystemId: 'copper:27140359',
			Name: 'Call Ada about the renewal',
			Notes: 'She asked for the team office price',
			DueDate: '2026-12-03T15:30:00.000Z',
			Completed: true,
		});

		const run = await fromTask(
			'create',
			{ ...userFields, additionalFields: { systemId: 'copper:27140359' } },
			copperTask,
		);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("keeps the user's coworker and responsible user over those of a Nexudus task", async () => {
		const scope = expectCreate({
			BusinessId: 11,
			CoworkerId: 501,
			ResponsibleId: 71,
			Name: 'Set up door access #2',
			Notes: 'Seeded note for task 2.',
			DueDate: '2026-10-23T20:00:00.000Z',
			Completed: true,
		});

		const run = await fromTask('create', userFields, nexudusTask);

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it("lets the user's own fields win, a local due date replacing the task's UTC one", async () => {
		const scope = expectCreate({
			BusinessId: 11,
			CoworkerId: 501,
			ResponsibleId: 71,
			Name: 'Call Ada about the renewal',
			Notes: 'Bring the contract',
			DueDateLocal: '2026-12-03T16:30:00',
			Completed: false,
		});

		const run = await fromTask(
			'create',
			{
				...userFields,
				additionalFields: {
					notes: 'Bring the contract',
					dueDateLocal: '2026-12-03T16:30:00',
					completed: false,
				},
			},
			copperTask,
		);

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it.each([
		[
			'without a title',
			{ ...copperTask, title: undefined },
			'Invalid value for "Source Task": it has no title',
		],
		[
			'with a due date that is no date',
			{ ...copperTask, dueDate: 'next tuesday' },
			'Invalid value for "Source Task": its value for "Due Date (UTC)" is not valid (Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z)',
		],
	])('fails on a task %s, naming "Source Task", before any request', async (_case, input, message) => {
		const created = await fromTask('create', userFields, input);
		const updated = await update({}, input);

		expect(created.error?.message).toBe(message);
		expect(updated.error?.message).toBe(message);
		expectNoRequests();
	});

	it('does not ask for the name, which the task fills, and still asks for business, coworker and responsible user', () => {
		const createFields = new Nexudus().description.properties.filter(
			(property: INodeProperties) =>
				property.displayOptions?.show?.resource?.includes('coworkerTask') &&
				property.displayOptions.show.operation?.includes('create') &&
				property.required,
		);

		expect(
			createFields.map((property) => [property.name, property.displayOptions?.show?.fieldsFrom]),
		).toEqual([
			['task', ['task']],
			['businessId', undefined],
			['coworkerId', undefined],
			['name', ['fields']],
			['responsibleId', undefined],
		]);
	});
});

describe('Nexudus › update from a task', () => {
	it("changes the name, notes, due date and completion to a Copper task's, keeping coworker and responsible user", async () => {
		const scope = expectTaskUpdate(task, {
			...writable,
			Name: 'Call Ada about the renewal',
			Notes: 'She asked for the team office price',
			DueDate: '2026-12-03T15:30:00.000Z',
			Completed: true,
		});

		const run = await update({}, copperTask);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("takes a Nexudus task's responsible user and coworker too", async () => {
		const scope = expectTaskUpdate(task, {
			...writable,
			Name: 'Set up door access #2',
			Notes: 'Seeded note for task 2.',
			DueDate: '2026-10-23T20:00:00.000Z',
			Completed: true,
			ResponsibleId: 3004,
			CoworkerId: 2002,
		});

		const run = await update({}, nexudusTask);

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it("lets the user's own fields win, and keeps the notes when the task has no description", async () => {
		const scope = expectTaskUpdate(task, {
			...writable,
			Name: 'Send welcome pack #1',
			DueDate: '2026-10-22T08:00:00.000Z',
			Completed: true,
			ResponsibleId: 3002,
			CoworkerId: 2001,
		});

		const run = await update(
			{ updateFields: { completed: true, responsibleId: picked('3002') } },
			{ ...sandboxTasksAsTasks[0], raw: sandboxTasks.full[0] },
		);

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});
});
