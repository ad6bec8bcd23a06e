import nock from 'nock';

import { runNode } from '../helpers/runNode';
import { BASE_URL, BASIC_AUTH, NODE, basicCredentials } from './credentials';
import task from './fixtures/coworkerTask.json';

describe('Nexudus › get', () => {
	it('reads one coworker task by ID', async () => {
		const api = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const run = await runNode({
			type: NODE,
			parameters: {
				resource: 'coworkerTask',
				operation: 'get',
				recordId: { __rl: true, mode: 'id', value: '1001' },
			},
			credentials: basicCredentials,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expect(api.isDone()).toBe(true);
	});
});
