import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';

import { NexudusSpacesApi } from '../../credentials/NexudusSpacesApi.credentials';
import { totpCode } from '../../nodes/shared/totp';
import { testCredential } from '../helpers/credentialTest';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import {
	BASE_URL,
	BASIC_AUTH,
	EMAIL,
	PASSWORD,
	basicCredentials,
	bearerCredentials,
} from './credentials';
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
		// The 401 comes back to the node, which sends the request again in the form that lets n8n
		// renew the token (n8n 1.x and 2.x alike): n8n gets the 401, signs in, and repeats it.
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(2)
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

describe('Nexudus credential › sign-in', () => {
	it('never sends a token issued for other sign-in details, and signs in with the details as they are', async () => {
		const oldDetails = { ...bearerCredentials().nexudusSpacesApi, password: 'an old password' };
		const scope = nock(BASE_URL, { badheaders: ['authorization'] })
			.get('/crm/coworkertasks/1001')
			.times(2)
			.reply(401, { Message: 'Authorization has been denied for this request.' })
			.post('/token', tokenForm)
			.reply(200, issued('token-2'));
		const withToken = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer token-2')
			.reply(200, task);

		const run = await getTask1001({
			credentials: bearerCredentials('token-1', { issuedFor: oldDetails }),
		});

		expect(run.json).toEqual([task]);
		expect(run.storedCredentials.nexudusSpacesApi).toMatchObject({
			accessToken: 'token-2',
			tokenIssuedFor: NexudusSpacesApi.signInDigest(bearerCredentials().nexudusSpacesApi),
		});
		expectExactRequests(scope, withToken);
	});

	it('waits out a throttled sign-in as Retry-After says', async () => {
		const scope = nock(BASE_URL)
			.post('/token', tokenForm)
			.reply(409, 'You must wait before accessing this url again.', { 'Retry-After': '0' })
			.post('/token', tokenForm)
			.reply(200, issued('token-1'))
			.get('/crm/coworkertasks/1001')
			.matchHeader('authorization', 'Bearer token-1')
			.reply(200, task);

		const run = await getTask();

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('signs in two-factor admins with the current code from their secret', async () => {
		const secret = 'JBSW Y3DP EHPK 3PXP';
		// The code of now, or of the next 30-second step should the test cross one.
		const codes = [totpCode(secret), totpCode(secret, Date.now() + 30_000)];
		const scope = nock(BASE_URL)
			.post('/token', (body: Record<string, string>) => {
				const { totp, ...rest } = body;
				return codes.includes(totp) && new URLSearchParams(rest).toString() === tokenForm;
			})
			.reply(200, issued('token-1'))
			.get('/crm/coworkertasks/1001')
			.reply(200, task);

		const credentials = bearerCredentials();
		credentials.nexudusSpacesApi.totpSecret = secret;
		const run = await getTask1001({ credentials });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('refuses a two-factor secret that is not base32, before any request', async () => {
		const credentials = bearerCredentials();
		credentials.nexudusSpacesApi.totpSecret = 'not a secret!';

		const run = await getTask1001({ credentials });

		expect(run.error?.message).toContain('The Two-Factor Secret is not a valid base32 key');
		expectNoRequests();
	});
});

describe('Nexudus credential › credential test', () => {
	const refusedSignIn = () =>
		nock(BASE_URL).post('/token').reply(400, {
			error: 'invalid_grant',
			error_description: 'The user name or password is incorrect.',
		});
	const wrongPassword = (credentials: Record<string, ICredentialDataDecryptedObject>) => ({
		...credentials.nexudusSpacesApi,
		password: 'wrong password',
	});

	it('fails with Nexudus reason in Bearer mode when the password is wrong, whatever token is stored', async () => {
		const stored = bearerCredentials('token-1');
		const listing = nock(BASE_URL, { badheaders: ['authorization'] })
			.get('/crm/coworkertasks')
			.query({ size: '1' })
			.reply(401, { Message: 'Authorization has been denied for this request.' });
		const signIn = refusedSignIn();

		const result = await testCredential('nexudusSpacesApi', wrongPassword(stored));

		expect(result).toEqual({
			status: 'Error',
			message: 'Nexudus did not issue an access token: The user name or password is incorrect.',
		});
		expectExactRequests(listing, signIn);
	});

	it('fails with Nexudus reason in Basic Auth mode when the password is wrong', async () => {
		const listing = nock(BASE_URL)
			.get('/crm/coworkertasks')
			.query({ size: '1' })
			.reply(401, { Message: 'Authorization has been denied for this request.' });
		const signIn = refusedSignIn();

		const result = await testCredential('nexudusSpacesApi', wrongPassword(basicCredentials));

		expect(result).toEqual({
			status: 'Error',
			message: 'Nexudus did not issue an access token: The user name or password is incorrect.',
		});
		expectExactRequests(listing, signIn);
	});

	it.each([
		['Bearer Token', bearerCredentials('token-1'), 'Bearer token-1'],
		['Basic Auth', basicCredentials, BASIC_AUTH],
	])('passes in %s mode with the right password', async (_mode, credentials, authorization) => {
		const listing = nock(BASE_URL)
			.get('/crm/coworkertasks')
			.query({ size: '1' })
			.matchHeader('authorization', authorization)
			.reply(200, { Records: [task], HasNextPage: true });

		const result = await testCredential('nexudusSpacesApi', credentials.nexudusSpacesApi);

		expect(result.status).toBe('OK');
		expectExactRequests(listing);
	});
});
