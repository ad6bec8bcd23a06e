import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import { written } from './fixtures/writeEnvelopes';

const remove = (value: string) =>
	runNexudus('coworkerTask', 'delete', { recordId: { __rl: true, mode: 'list', value } });

describe('Nexudus › delete', () => {
	it('deletes the task and reports which one went', async () => {
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.delete('/crm/coworkertasks/1001')
			.reply(200, written(null, 'The record was deleted successfully.'));

		const run = await remove('1001');

		expect(run.json).toEqual([{ Id: 1001, deleted: true }]);
		expectExactRequests(scope);
	});

	it('rejects an ID that would change the path, before any request', async () => {
		const run = await remove('1001/../../sys/users');

		expect(run.error?.message).toBe(
			'Invalid value for "Coworker Task": Enter a numeric ID, e.g. 1234, or pick a coworker task from the list',
		);
		expectNoRequests();
	});
});
