import nock from 'nock';

import { expectExactRequests } from '../helpers/requests';
import { BASE_URL } from './credentials';
import { getTask1001 } from './runNexudus';
import task from './fixtures/coworkerTask.json';

const THROTTLED = 'You must wait before accessing this url again.';

describe('Nexudus › throttling (HTTP 409 with Retry-After)', () => {
	it('waits as Retry-After says and retries until Nexudus answers', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(2)
			.reply(409, THROTTLED, { 'Retry-After': '1' })
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const run = await getTask1001();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('gives up with a clear error once the wait would exceed its bound', async () => {
		// Retry-After: 40 twice would be 80 s of waiting, past the 60 s bound: one wait, then stop.
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.reply(409, THROTTLED, { 'Retry-After': '0' })
			.get('/crm/coworkertasks/1001')
			.reply(409, THROTTLED, { 'Retry-After': '61' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Nexudus is still throttling requests after 2 attempts');
		expect((run.error as { httpCode?: string }).httpCode).toBe('409');
		expectExactRequests(scope);
	});
});
