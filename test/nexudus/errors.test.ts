import nock from 'nock';

import { expectExactRequests } from '../helpers/requests';
import { BASE_URL, PASSWORD } from './credentials';
import { getTask1001 } from './runNexudus';

describe('Nexudus › API errors', () => {
	it('carries the Message of a server error', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.reply(500, { Message: 'An error has occurred.' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('An error has occurred.');
		expect((run.error as { httpCode?: string }).httpCode).toBe('500');
		expectExactRequests(scope);
	});

	it('reports rejected credentials without ever showing them', async () => {
		// n8n itself retries once after a 401, in case the credential can renew a token.
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(2)
			.reply(401, { Message: 'Authorization has been denied for this request.' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Authorization has been denied for this request.');
		expect((run.error as { httpCode?: string }).httpCode).toBe('401');
		const everything =
			JSON.stringify(run.error) + String(run.error?.stack) + JSON.stringify(run.json);
		expect(everything).not.toContain(PASSWORD);
		expect(everything).not.toContain(
			Buffer.from(`admin@coworking.test:${PASSWORD}`).toString('base64'),
		);
		expectExactRequests(scope);
	});
});
