import nock from 'nock';

import { expectExactRequests } from '../helpers/requests';
import { BASE_URL, EMAIL, PASSWORD, bearerCredentials } from './credentials';
import { getTask1001 } from './runNexudus';
import task from './fixtures/coworkerTask.json';

const tokenForm = new URLSearchParams({
	grant_type: 'password',
	username: EMAIL,
	password: PASSWORD,
}).toString();

const getTask = (accessToken?: string) =>
	getTask1001({ credentials: bearerCredentials(accessToken) });

const issued = (token: string) => ({
	access_token: token,
	token_type: 'bearer',
	expires_in: 604799,
	refresh_token: 'refresh-1',
});

describe('Nexudus credential › bearer token', () => {
	it('gets a token with a form-encoded POST /api/token and sends it as a bearer token', async () => {
		const scope = nock(BASE_URL)
			.post('/token', tokenForm)
			.matchHeader('content-type', 'application/x-www-form-urlencoded')
			.reply(200, issued('token-1'))
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer token-1')
			.reply(200, task);

		const run = await getTask();

		expect(run.json).toEqual([task]);
		expect(run.storedCredentials.nexudusSpacesApi.accessToken).toBe('token-1');
		expectExactRequests(scope);
	});

	it('reuses a stored token without signing in again', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer token-1')
			.reply(200, task);

		const run = await getTask('token-1');

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('renews an expired token and repeats the request once', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer expired')
			.reply(401, { Message: 'Authorization has been denied for this request.' })
			.post('/token', tokenForm)
			.reply(200, issued('token-2'))
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer token-2')
			.reply(200, task);

		const run = await getTask('expired');

		expect(run.json).toEqual([task]);
		expect(run.storedCredentials.nexudusSpacesApi.accessToken).toBe('token-2');
		expectExactRequests(scope);
	});

	it("reports a refused sign-in with Nexudus' reason and without the password", async () => {
		const scope = nock(BASE_URL).post('/token', tokenForm).reply(400, {
			error: 'invalid_grant',
			error_description: 'The user name or password is incorrect.',
		});

		const run = await getTask();

		expect(run.error?.message).toContain(
			'Nexudus did not issue an access token: The user name or password is incorrect.',
		);
		expect(JSON.stringify(run.error) + String(run.error?.stack)).not.toContain(PASSWORD);
		expectExactRequests(scope);
	});
});
