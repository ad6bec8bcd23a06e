import nock from 'nock';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { BASE_URL, TRIGGER, basicCredentials } from './credentials';
import { searchPage } from './fixtures/coworkerTaskPage';

const move = (id: number, createdOn: string) => ({
	Id: id,
	CrmOpportunityId: 5001,
	NewCrmBoardColumnId: 4005,
	NewCrmBoardColumnName: 'Won',
	CreatedOn: createdOn,
	UpdatedOn: createdOn,
});

describe('Nexudus Trigger › opportunity moved stage', () => {
	it('polls new history entries into one board column, by CreatedOn, and emits them in full', async () => {
		const existing = move(70, '2026-11-20T10:00:00Z');
		const moved = move(71, '2026-11-20T10:30:12Z');
		const filter = { CrmOpportunityHistory_NewCrmBoardColumn: '4005', orderBy: 'CreatedOn' };
		// Both polls re-read from an hour and two minutes before the newest entry, to the minute.
		const sinceAnHourBefore = {
			...filter,
			dir: '1',
			page: '1',
			size: '1000',
			from_CrmOpportunityHistory_CreatedOn: '2026-11-20T08:58',
		};
		const scope = nock(BASE_URL)
			// Activation: the newest entry sets the start, what exists around it is remembered.
			.get('/crm/crmopportunityhistories')
			.query({ ...filter, dir: '-1', page: '1', size: '25' })
			.reply(200, searchPage([existing], 1, 25, 1))
			.get('/crm/crmopportunityhistories')
			.query(sinceAnHourBefore)
			.reply(200, searchPage([existing], 1, 1000, 1))
			// Next poll: one new move, read in full.
			.get('/crm/crmopportunityhistories')
			.query(sinceAnHourBefore)
			.reply(200, searchPage([existing, moved], 1, 1000, 2))
			// The new entry is read in full with the batch form, the page sized to the list.
			.get('/crm/crmopportunityhistories')
			.query({ id: '[71]', page: '1', size: '1' })
			.reply(200, searchPage([{ ...moved, UserFullName: 'Sam Sales' }], 1, 1, 1));

		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: {
				resource: 'crmOpportunityHistory',
				event: 'created',
				historyFilters: { newCrmBoardColumn: { __rl: true, mode: 'list', value: '4005' } },
			},
			credentials: basicCredentials,
		});

		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toEqual([{ ...moved, UserFullName: 'Sam Sales' }]);
		// The next poll re-reads from 09:28, so both entries are still kept.
		expect(trigger.state).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			streams: {
				CreatedOn: {
					cursor: '2026-11-20T10:30:12.000Z',
					seen: { '2026-11-20T10:00:00.000Z': '70', '2026-11-20T10:30:12.000Z': '71' },
				},
			},
		});
		expectExactRequests(scope);
	});
});
