import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import task from './fixtures/coworkerTask.json';
import { refused, written } from './fixtures/writeEnvelopes';

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

const requiredFields = {
	businessId: { __rl: true, mode: 'list', value: '11' },
	coworkerId: { __rl: true, mode: 'id', value: '501' },
	name: 'Send welcome pack',
	responsibleId: { __rl: true, mode: 'list', value: '71' },
};

const create = (parameters: INodeParameters) =>
	runNexudus('coworkerTask', 'create', { ...parameters });

describe('Nexudus › create', () => {
	it('posts the required and additional fields, then returns the whole new record', async () => {
		const scope = api()
			.post('/crm/coworkertasks', {
				BusinessId: 11,
				CoworkerId: 501,
				Name: 'Send welcome pack',
				ResponsibleId: 71,
				Notes: 'Include the door fob',
				DueDate: '2026-12-01T09:00:00.000Z',
				NotifyByEmail: true,
				DisplayToEveryone: false,
			})
			.matchHeader('content-type', 'application/json')
			.reply(200, written(1001, 'CoworkerTask was successfully created.'))
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const run = await create({
			...requiredFields,
			additionalFields: {
				notes: 'Include the door fob',
				dueDate: '2026-12-01T10:00:00+01:00',
				notifyByEmail: true,
				displayToEveryone: false,
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('creates an opportunity history entry with only its one required field', async () => {
		const entry = { Id: 88, NewCrmBoardColumnId: 40, NewCrmBoardColumnName: 'Won' };
		const scope = api()
			.post('/crm/crmopportunityhistories', { NewCrmBoardColumnId: 40 })
			.reply(200, written(88, 'CrmOpportunityHistory was successfully created.'))
			.get('/crm/crmopportunityhistories/88')
			.reply(200, entry);

		const run = await runNexudus('crmOpportunityHistory', 'create', { newCrmBoardColumnId: 40 });

		expect(run.json).toEqual([entry]);
		expectExactRequests(scope);
	});

	it('fails on a missing required field, naming it, before any request', async () => {
		const run = await create({ ...requiredFields, name: '  ' });

		expect(run.error?.message).toBe('Invalid value for "Name": This field is required');
		expectNoRequests();
	});

	it('fails on a picked record that is not an ID, naming the field, before any request', async () => {
		const run = await create({
			...requiredFields,
			coworkerId: { __rl: true, mode: 'list', value: 'ada' },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Coworker": Enter a numeric ID, e.g. 1234, or pick a coworker from the list',
		);
		expectNoRequests();
	});

	it("reports Nexudus' own validation message and field errors", async () => {
		const scope = api()
			.post('/crm/coworkertasks')
			.reply(
				400,
				refused('ResponsibleId: is not an admin user', [
					{ PropertyName: 'ResponsibleId', Message: 'is not an admin user' },
					{ PropertyName: 'DueDate', Message: 'must be after the creation date' },
				]),
			);

		const run = await create(requiredFields);

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('ResponsibleId: is not an admin user');
		expect(run.error?.description).toBe(
			'ResponsibleId: is not an admin user; DueDate: must be after the creation date',
		);
		expect((run.error as { httpCode?: string }).httpCode).toBe('400');
		expectExactRequests(scope);
	});

	it('treats WasSuccessful false as a failure even with HTTP 200', async () => {
		const scope = api()
			.post('/crm/coworkertasks')
			.reply(200, {
				...refused('Coworker is archived', [
					{ PropertyName: 'CoworkerId', Message: 'is archived' },
				]),
				Status: 200,
			});

		const run = await create(requiredFields);

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Coworker is archived');
		expect(run.error?.description).toBe('CoworkerId: is archived');
		expectExactRequests(scope);
	});

	it('says what to do when a required picker comes out empty, before any request', async () => {
		const run = await create({
			...requiredFields,
			businessId: { __rl: true, mode: 'id', value: '={{ $json.businessId }}' },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Business": Select a business or enter its ID',
		);
		expect(run.error?.description ?? undefined).toBeUndefined();
		expectNoRequests();
	});

	it('sends a local due date as the wall-clock time typed, without a zone', async () => {
		const scope = api()
			.post('/crm/coworkertasks', {
				BusinessId: 11,
				CoworkerId: 501,
				Name: 'Send welcome pack',
				ResponsibleId: 71,
				DueDateLocal: '2026-12-01T10:00:00',
			})
			.reply(200, written(1001, 'CoworkerTask was successfully created.'))
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const run = await create({
			...requiredFields,
			additionalFields: { dueDateLocal: '2026-12-01T10:00:00+01:00' },
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('fails clearly when Nexudus does not say which record it created, reading nothing', async () => {
		const scope = api()
			.post('/crm/coworkertasks')
			.reply(200, written(null, 'CoworkerTask was successfully created.'));

		const run = await create(requiredFields);

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Nexudus did not say which coworker task it created');
		expect(run.error?.description).toBe(
			'Its answer has no record ID (Value.Id), so the new coworker task cannot be read back. It said: "CoworkerTask was successfully created." Check in Nexudus whether it was created before running again, to avoid a duplicate.',
		);
		expectExactRequests(scope);
	});
});
