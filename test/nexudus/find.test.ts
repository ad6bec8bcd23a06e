import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
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
		const scope = api().get('/crm/coworkertasks').query({ id: '[1004,1009]' }).reply(200, matches);

		const run = await find({ findBy: 'ids', ids: '1004, 1009' });

		expect(run.json).toEqual(matches);
		expectExactRequests(scope);
	});

	it('takes the IDs from an expression that gives a number or a list', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ id: '[1004]' })
			.reply(200, [taskNumber(4)])
			.get('/crm/coworkertasks')
			.query({ id: '[1004,1009]' })
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
			'Invalid value for "Coworker": Expected a positive whole number',
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
});
