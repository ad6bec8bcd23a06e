import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import { searchPage, taskNumber } from './fixtures/coworkerTaskPage';

const tasks = Array.from({ length: 2500 }, (_, index) => taskNumber(index + 1));
const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

const list = (extra: INodeParameters) =>
	runNexudus('coworkerTask', 'list', { orderBy: 'DueDate', dir: -1, ...extra });

describe('Nexudus › list', () => {
	it('returns all records over three pages of 1000, then stops at the last page', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ orderBy: 'DueDate', dir: '-1', page: '1', size: '1000' })
			.reply(200, searchPage(tasks.slice(0, 1000), 1, 1000, 2500))
			.get('/crm/coworkertasks')
			.query({ orderBy: 'DueDate', dir: '-1', page: '2', size: '1000' })
			.reply(200, searchPage(tasks.slice(1000, 2000), 2, 1000, 2500))
			.get('/crm/coworkertasks')
			.query({ orderBy: 'DueDate', dir: '-1', page: '3', size: '1000' })
			.reply(200, searchPage(tasks.slice(2000), 3, 1000, 2500));

		const run = await list({ returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(tasks);
		expectExactRequests(scope);
	});

	it('asks for no more than Limit records and returns exactly Limit', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ orderBy: 'DueDate', dir: '-1', page: '1', size: '3' })
			.reply(200, searchPage(tasks.slice(0, 3), 1, 3, 2500));

		const run = await list({ returnAll: false, limit: 3 });

		expect(run.json).toEqual(tasks.slice(0, 3));
		expectExactRequests(scope);
	});

	it('rejects a sort property Nexudus does not offer, before any request', async () => {
		const run = await list({ orderBy: 'Password', returnAll: true });

		expect(run.error?.message).toBe(
			'Invalid value for "Sort By": Expected one of: Name, DueDate, Completed, CreatedOn, UpdatedOn, Id',
		);
		expectNoRequests();
	});

	it('lists newest first unless another order is chosen', async () => {
		const scope = api()
			.get('/crm/coworkertasks')
			.query({ orderBy: 'CreatedOn', dir: '-1', page: '1', size: '2' })
			.reply(200, searchPage(tasks.slice(0, 2), 1, 2, 2500));

		const run = await runNexudus('coworkerTask', 'list', { returnAll: false, limit: 2 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(tasks.slice(0, 2));
		expectExactRequests(scope);
	});
});
