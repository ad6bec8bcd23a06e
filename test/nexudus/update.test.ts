import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import task from './fixtures/coworkerTask.json';
import { written } from './fixtures/writeEnvelopes';

const update = (updateFields: INodeParameters) =>
	runNexudus('coworkerTask', 'update', {
		recordId: { __rl: true, mode: 'list', value: '1001' },
		updateFields,
	});

describe('Nexudus › update', () => {
	it('reads the task, changes only the fields set, and PUTs the whole record back', async () => {
		const changed = { ...task, Completed: true, DueDate: null, UpdatedOn: '2026-11-22T10:00:00Z' };
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/coworkertasks/1001')
			.reply(200, task)
			// Every field the user did not touch goes back exactly as Nexudus had it.
			.put('/crm/coworkertasks', { ...task, Completed: true, DueDate: null, Id: 1001 })
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
});
