import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { API_URL, passwordCredentials, TRIGGER } from './credentials';
import { triggerParameters } from './trigger-sandbox';

/**
 * What counts as an update: a change of the task's own fields. Its linked record's title is shown
 * in the task (`entity.entityTitle`) but is not the task's: renaming the opportunity is no update.
 */
describe('ONLYOFFICE Trigger › what counts as an update', () => {
	const task = (changes: IDataObject = {}) => ({
		id: 1201,
		created: '2026-03-01T10:00:00.0000000+03:00',
		title: 'Call Acme about the renewal',
		deadLine: '2026-03-20T00:00:00.0000000+03:00',
		responsible: { id: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a102', displayName: 'Mike Zanyatski' },
		category: { id: 31, title: 'Call' },
		entity: { entityType: 'opportunity', entityId: 401, entityTitle: 'Acme renewal' },
		canEdit: true,
		...changes,
	});
	const answer = (tasks: IDataObject[]) => ({
		count: tasks.length,
		total: tasks.length,
		status: 0,
		statusCode: 200,
		response: tasks,
	});

	it('reports a changed title, and not a renamed opportunity', async () => {
		const renamed = {
			entity: { entityType: 'opportunity', entityId: 401, entityTitle: 'Acme renewal 2027' },
		};
		const retitled = { ...renamed, title: 'Call Acme about the 2027 renewal' };
		const scope = nock(API_URL)
			.get('/crm/task/filter')
			.query(true)
			.reply(200, answer([task()]))
			.get('/crm/task/filter')
			.query(true)
			.reply(200, answer([task(renamed)]))
			.get('/crm/task/filter')
			.query(true)
			.reply(200, answer([task(retitled)]));
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('updated'),
			credentials: passwordCredentials,
		});

		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toEqual([task(retitled)]);
		expectExactRequests(scope);
	});
});
