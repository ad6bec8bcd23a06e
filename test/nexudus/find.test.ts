import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import task from './fixtures/coworkerTask.json';
import { searchPage, taskNumber } from './fixtures/coworkerTaskPage';

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });
const find = (parameters: INodeParameters) => runNexudus('coworkerTask', 'find', { ...parameters });

describe('Nexudus › find', () => {
	it('sends every filter as <Entity>_<Property>, related names and picked records included', async () => {
		const matches = [taskNumber(1), taskNumber(2)];
		const scope = api()
			.get('/crm/coworkertasks')
			.query({
				CoworkerTask_Completed: 'false',
				CoworkerTask_Coworker_FullName: 'Ada',
				CoworkerTask_Responsible: '71',
				CoworkerTask_Business: '11',
				CoworkerTask_DueDate: '2026-12-01T09:00',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage(matches, 1, 1000, 2));

		const run = await find({
			findBy: 'filters',
			returnAll: true,
			filters: {
				completed: false,
				coworkerFullName: 'Ada',
				responsible: { __rl: true, mode: 'list', value: '71' },
				business: { __rl: true, mode: 'id', value: '11' },
				dueDate: '2026-12-01T10:00:00+01:00',
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(matches);
		expectExactRequests(scope);
	});

	it('fetches a list of IDs in one request with the bracketed id form', async () => {
		const matches = [taskNumber(4), taskNumber(9)];
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ id: '[1004,1009]', page: '1', size: '2' })
			.reply(200, matches);

		const run = await find({ findBy: 'ids', ids: '1004, 1009' });

		expect(run.json).toEqual(matches);
		expectExactRequests(scope);
	});

	it('takes the IDs from an expression that gives a number or a list', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ id: '[1004]', page: '1', size: '1' })
			.reply(200, [taskNumber(4)])
			.get('/crm/coworkertasks')
			.query({ id: '[1004,1009]', page: '1', size: '2' })
			.reply(200, [taskNumber(4), taskNumber(9)]);

		const one = await find({ findBy: 'ids', ids: '={{ 1004 }}' });
		const two = await find({ findBy: 'ids', ids: '={{ [1004, 1009] }}' });

		expect(one.json).toEqual([taskNumber(4)]);
		expect(two.json).toEqual([taskNumber(4), taskNumber(9)]);
		expectExactRequests(scope);
	});

	it('rejects an ID list with something that is not an ID, before any request', async () => {
		const run = await find({ findBy: 'ids', ids: '1004, abc' });

		expect(run.error?.message).toBe('Invalid value for "IDs": Expected a positive whole number');
		expectNoRequests();
	});

	it('rejects a picked coworker that is not an ID, naming the filter, before any request', async () => {
		const run = await find({
			findBy: 'filters',
			returnAll: true,
			filters: { coworker: { __rl: true, mode: 'list', value: 'Ada' } },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Coworker": Enter a numeric ID, e.g. 1234, or pick a coworker from the list',
		);
		expectNoRequests();
	});

	it('rejects an impossible date filter, naming the field, before any request', async () => {
		const run = await find({
			findBy: 'filters',
			returnAll: true,
			filters: { dueDate: '2026-02-30' },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Due Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		);
		expectNoRequests();
	});

	it("combines filters, ranges and sort in one request: this coworker's tasks due next week, newest first", async () => {
		const matches = [taskNumber(7), taskNumber(5)];
		const scope = api()
			.get('/crm/coworkertasks')
			.query({
				CoworkerTask_Coworker: '501',
				from_CoworkerTask_DueDate: '2026-12-07T00:00',
				to_CoworkerTask_DueDate: '2026-12-13T23:59',
				orderBy: 'DueDate',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage(matches, 1, 1000, 2));

		const run = await find({
			findBy: 'filters',
			filters: { coworker: { __rl: true, mode: 'list', value: '501' } },
			ranges: { fromDueDate: '2026-12-07', toDueDate: '2026-12-13' },
			orderBy: 'DueDate',
			dir: -1,
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(matches);
		expectExactRequests(scope);
	});

	it('ignores every filter and range left empty, whatever its kind', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({
				CoworkerTask_Completed: 'false',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([taskNumber(1)], 1, 1000, 1));

		const run = await find({
			findBy: 'filters',
			filters: {
				completed: false,
				name: '',
				coworker: { __rl: true, mode: 'list', value: '' },
				dueDate: '',
				id: '',
				uniqueId: '  ',
			},
			ranges: { fromId: '', toUpdatedOn: '' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([taskNumber(1)]);
		expectExactRequests(scope);
	});

	it('filters by ID and unique ID as Nexudus documents them, ?Id= and ?UniqueId=', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({
				Id: '1001',
				UniqueId: '8f7e1c2a-3b4d-4e5f-9a0b-1c2d3e4f5a6b',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([task], 1, 1000, 1));

		const run = await find({
			findBy: 'filters',
			filters: { id: '1001', uniqueId: '8f7e1c2a-3b4d-4e5f-9a0b-1c2d3e4f5a6b' },
			returnAll: true,
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('refuses an ID filter that is not an ID, before any request', async () => {
		const run = await find({ findBy: 'filters', filters: { id: '0' }, returnAll: true });

		expect(run.error?.message).toBe(
			'Invalid value for "ID": Enter an ID: a whole number above 0, e.g. 1234',
		);
		expectNoRequests();
	});

	it('filters opportunity histories by the opportunity ID, CrmOpportunity_Id', async () => {
		const entry = { Id: 7, CrmOpportunityId: 5001, NewCrmBoardColumnId: 40 };
		const scope = api()
			.get('/crm/crmopportunityhistories')
			.query({
				CrmOpportunityHistory_CrmOpportunity_Id: '5001',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([entry], 1, 1000, 1));

		const run = await runNexudus('crmOpportunityHistory', 'find', {
			findBy: 'filters',
			filters: { crmOpportunityId: '5001' },
			returnAll: true,
		});

		expect(run.json).toEqual([entry]);
		expectExactRequests(scope);
	});

	it('returns every requested record: the batch page is sized to the list, not the default 25', async () => {
		const ids = Array.from({ length: 30 }, (_, index) => 1001 + index);
		const records = ids.map((id) => taskNumber(id - 1000));
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ id: `[${ids.join(',')}]`, page: '1', size: '30' })
			.reply(200, searchPage(records, 1, 30, 30));

		const run = await find({ findBy: 'ids', ids: ids.join(', ') });

		expect(run.json).toEqual(records);
		expectExactRequests(scope);
	});

	it('filters by the local due date as the wall-clock time typed, not converted', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({
				CoworkerTask_DueDateLocal: '2026-12-24T09:30',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([], 1, 1000, 0));

		const run = await find({
			findBy: 'filters',
			filters: { dueDateLocal: '2026-12-24T09:30:00+05:00' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('splits a long ID list into batch requests that each size their page to their IDs', async () => {
		const ids = Array.from({ length: 1200 }, (_, index) => 2001 + index);
		const asked: number[][] = [];
		const scope = api()
			.get('/crm/coworkertasks')
			.query((query) => {
				const batch = JSON.parse(String(query.id)) as number[];
				asked.push(batch);
				return query.page === '1' && query.size === String(batch.length);
			})
			.times(2)
			.reply(200, (uri) => {
				const batch = JSON.parse(new URL(uri, BASE_URL).searchParams.get('id')!) as number[];
				return batch.map((id) => taskNumber(id - 1000));
			});

		const run = await find({ findBy: 'ids', ids: ids.join(',') });

		expect(asked.flat()).toEqual(ids);
		expect(asked.every((batch) => batch.length <= 1000)).toBe(true);
		expect(run.json).toEqual(ids.map((id) => taskNumber(id - 1000)));
		expectExactRequests(scope);
	});
});
