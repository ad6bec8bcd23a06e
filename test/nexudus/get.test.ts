import nock from 'nock';

import { BASE_URL, BASIC_AUTH } from './credentials';
import { getTask1001 } from './runNexudus';
import task from './fixtures/coworkerTask.json';

describe('Nexudus › get', () => {
	it('reads one coworker task by ID', async () => {
		const api = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const run = await getTask1001();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expect(api.isDone()).toBe(true);
	});
});
