import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import { expectTaskUpdate } from './taskWrites';
import task from './fixtures/coworkerTask.json';
import { written } from './fixtures/writeEnvelopes';
import writable from './fixtures/coworkerTaskWritable.json';

const update = (updateFields: INodeParameters) =>
	runNexudus('coworkerTask', 'update', {
		recordId: { __rl: true, mode: 'list', value: '1001' },
		updateFields,
	});

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

describe('Nexudus › update', () => {
	it('reads the task, changes only the fields set, and PUTs back what the PUT accepts', async () => {
		const changed = { ...task, Completed: true, DueDate: null, UpdatedOn: '2026-11-22T10:00:00Z' };
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/coworkertasks/1001')
			.reply(200, task)
			// Every writable field the user did not touch goes back exactly as Nexudus had it.
			.put('/crm/coworkertasks', { ...writable, Completed: true, DueDate: null })
			.reply(200, written(1001, 'CoworkerTask was successfully updated.'))
			.get('/crm/coworkertasks/1001')
			.reply(200, changed);

		const run = await update({ completed: true, dueDate: '' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([changed]);
		expectExactRequests(scope);
	});

	it('refuses an update with no fields set, before any request', async () => {
		const run = await update({});

		expect(run.error?.message).toBe('Add at least one field under "Update Fields"');
		expectNoRequests();
	});

	it('rejects an invalid date, naming the field, before any request', async () => {
		const run = await update({ dueDate: 'next tuesday' });

		expect(run.error?.message).toBe(
			'Invalid value for "Due Date (UTC)": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		);
		expectNoRequests();
	});

	it('stops when the record does not exist, sending no PUT', async () => {
		const scope = nock(BASE_URL).get('/crm/coworkertasks/1001').reply(404, '"Not found"', {
			'Content-Type': 'application/json',
		});

		const run = await update({ completed: true });

		expect(run.error?.message).toBe('Not found');
		expect((run.error as { httpCode?: string }).httpCode).toBe('404');
		expectExactRequests(scope);
	});

	it('sends a changed local due date as the wall-clock time typed, and leaves the UTC one out', async () => {
		const withoutUtc: Partial<typeof writable> = { ...writable };
		delete withoutUtc.DueDate;
		const scope = expectTaskUpdate(task, { ...withoutUtc, DueDateLocal: '2026-12-24T09:30:00' });

		const run = await update({ dueDateLocal: '2026-12-24T09:30:00+05:00' });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('sends a changed UTC due date without the stale local one', async () => {
		const scope = expectTaskUpdate(task, { ...writable, DueDate: '2026-12-24T08:30:00.000Z' });

		const run = await update({ dueDate: '2026-12-24T09:30:00+01:00' });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('refuses both due dates at once, before any request', async () => {
		const run = await update({ dueDate: '2026-12-24T09:30:00Z', dueDateLocal: '2026-12-24T10:30' });

		expect(run.error?.message).toBe(
			'Set either "Due Date (UTC)" or "Due Date (Local Time)", not both',
		);
		expectNoRequests();
	});

	it('maps related objects of the record read to the IDs the PUT needs', async () => {
		const rest: Partial<typeof task> = { ...task };
		delete rest.BusinessId;
		delete rest.CoworkerId;
		const read = {
			...rest,
			Business: { Id: 11, Name: 'Harbour Hub' },
			Coworker: { Id: 501, FullName: 'Ada Lovelace' },
		};
		const scope = expectTaskUpdate(read, { ...writable, Completed: true });

		const run = await update({ completed: true });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('refuses to PUT a record that lacks a required reference, naming it', async () => {
		const scope = api()
			.get('/crm/coworkertasks/1001')
			.reply(200, { ...task, ResponsibleId: null, ResponsibleFullName: null });

		const run = await update({ completed: true });

		expect(run.error?.message).toBe(
			'The coworker task 1001 has no "Responsible User", so it was not updated',
		);
		expect(run.error?.description).toBe(
			'The update replaces the whole record and needs "Responsible User". Set it among the fields to update and run again.',
		);
		expect((run.error as { httpCode?: string | null }).httpCode ?? undefined).toBeUndefined();
		expectExactRequests(scope);
	});

	it('updates a record lacking a required reference once the user sets it', async () => {
		const read = { ...task, ResponsibleId: null, ResponsibleFullName: null };
		const scope = expectTaskUpdate(read, { ...writable, ResponsibleId: 72 });

		const run = await update({ responsibleId: { __rl: true, mode: 'id', value: '72' } });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});
});
