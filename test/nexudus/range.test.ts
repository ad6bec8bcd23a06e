import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import { searchPage, taskNumber } from './fixtures/coworkerTaskPage';

describe('Nexudus › range', () => {
	it('sends from_/to_ bounds, dates as YYYY-MM-DDTHH:mm in UTC and numbers as they are', async () => {
		const matches = [taskNumber(3)];
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/coworkertasks')
			.query({
				from_CoworkerTask_UpdatedOn: '2026-11-01T00:00',
				to_CoworkerTask_UpdatedOn: '2026-11-21T22:30',
				from_CoworkerTask_Id: '1000',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '25',
			})
			.reply(200, searchPage(matches, 1, 25, 1));

		const run = await runNexudus('coworkerTask', 'range', {
			ranges: {
				fromUpdatedOn: '2026-11-01',
				toUpdatedOn: '2026-11-22T00:30:00+02:00',
				fromId: 1000,
			},
			returnAll: false,
			limit: 25,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(matches);
		expectExactRequests(scope);
	});

	it('ranges over opportunity histories by FromTime', async () => {
		const entry = {
			Id: 7,
			CrmOpportunityId: 3,
			NewCrmBoardColumnId: 40,
			FromTime: '2026-10-02T10:00:00Z',
		};
		const scope = nock(BASE_URL)
			.get('/crm/crmopportunityhistories')
			.query({
				from_CrmOpportunityHistory_FromTime: '2026-10-01T00:00',
				orderBy: 'FromTime',
				dir: '1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([entry], 1, 1000, 1));

		const run = await runNexudus('crmOpportunityHistory', 'range', {
			ranges: { fromFromTime: '2026-10-01T00:00:00Z' },
			orderBy: 'FromTime',
			dir: 1,
			returnAll: true,
		});

		expect(run.json).toEqual([entry]);
		expectExactRequests(scope);
	});

	it.each([
		['a time with seconds includes its whole minute', '2026-11-21T14:30:45Z', '2026-11-21T14:30'],
		['a time on the minute is that minute', '2026-11-21T14:30:00Z', '2026-11-21T14:30'],
		['a date without a time includes the whole day', '2026-11-21', '2026-11-21T23:59'],
	])('a to_ bound: %s', async (_, toUpdatedOn, sent) => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks')
			.query({
				to_CoworkerTask_UpdatedOn: sent,
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([], 1, 1000, 0));

		const run = await runNexudus('coworkerTask', 'range', {
			ranges: { toUpdatedOn },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('sends local due date bounds as the wall-clock time typed, not converted', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks')
			.query({
				from_CoworkerTask_DueDateLocal: '2026-12-24T09:30',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage([], 1, 1000, 0));

		const run = await runNexudus('coworkerTask', 'range', {
			ranges: { fromDueDateLocal: '2026-12-24T09:30:00+05:00' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it('checks ID bounds like other IDs, naming the bound, before any request', async () => {
		const run = await runNexudus('coworkerTask', 'range', {
			ranges: { toId: 'abc' },
			returnAll: true,
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Highest ID": Enter an ID: a whole number above 0, e.g. 1234',
		);
		expectNoRequests();
	});
});
