/**
 * The Cotalker credential: environment (production, demo, custom), bearer API token, Admin
 * Access. Its test request is `GET /api/v2/users/me`, run as n8n's credential tester runs it.
 */
import type { ICredentialDataDecryptedObject, NodeApiError } from 'n8n-workflow';
import nock from 'nock';

import { CotalkerApi } from '../../credentials/CotalkerApi.credentials';
import { testCredential } from '../helpers/credentialTest';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import {
	COTALKER_TOKEN,
	createCotalkerSandbox,
	type CotalkerSandbox,
	type RunningServer,
	UNAUTHORIZED_MESSAGE,
	USER_IDS,
} from '../sandbox/cotalker';
import { BASE_URL, TOKEN, cotalkerCredentials, sandboxCredentials } from './credentials';
import { failed, pageQuery } from './fixtures/taskGroups';
import { runCotalker } from './runCotalker';

const TYPE = 'cotalkerApi';
const credential = new CotalkerApi();
const me = { _id: USER_IDS.bot, email: 'bot@cotalker.test', name: { displayName: 'Bot' } };
const base = cotalkerCredentials[TYPE];
const withData = (data: ICredentialDataDecryptedObject) => ({ ...base, ...data });

/** `GET /api/v2/users/me` at `url` with the bearer token, and the Admin header as asked. */
const usersMe = (url: string, admin: boolean, token = TOKEN) =>
	nock(url, {
		reqheaders: { authorization: `Bearer ${token}` },
		badheaders: admin ? [] : ['admin'],
	})
		.matchHeader('admin', (value: string | undefined) => (admin ? value === 'true' : true))
		.get('/api/v2/users/me');

describe('Cotalker credential › definition', () => {
	it('asks for the environment, the base URL of a custom one, the token (hidden) and Admin Access', () => {
		expect(
			credential.properties.map(({ name, type, default: value, typeOptions, displayOptions }) => ({
				name,
				type,
				default: value,
				password: typeOptions?.password,
				shownFor: displayOptions?.show?.environment,
			})),
		).toEqual([
			{
				name: 'environment',
				type: 'options',
				default: 'production',
				password: undefined,
				shownFor: undefined,
			},
			{ name: 'baseUrl', type: 'string', default: '', password: undefined, shownFor: ['custom'] },
			{ name: 'token', type: 'string', default: '', password: true, shownFor: undefined },
			{ name: 'admin', type: 'boolean', default: true, password: undefined, shownFor: undefined },
		]);
	});
});

describe('Cotalker credential › credential test', () => {
	it.each([
		['production', 'https://www.cotalker.com', {}],
		['demo', 'https://demo.cotalker.com', {}],
		['custom', BASE_URL, { baseUrl: `${BASE_URL}/` }],
		['custom', BASE_URL, { baseUrl: `  ${BASE_URL}//  ` }],
	])(
		'passes on %s, sending GET %s/api/v2/users/me with the bearer token',
		async (environment, url, extra) => {
			const scope = usersMe(url, true).reply(200, { data: me });

			const result = await testCredential(TYPE, withData({ environment, baseUrl: '', ...extra }));

			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expectExactRequests(scope);
		},
	);

	it('ignores the base URL of a custom environment once production is chosen', async () => {
		const scope = usersMe('https://www.cotalker.com', true).reply(200, { data: me });

		const result = await testCredential(TYPE, withData({ environment: 'production' }));

		expect(result.status).toBe('OK');
		expectExactRequests(scope);
	});

	it('sends no Admin header with Admin Access off', async () => {
		const scope = usersMe(BASE_URL, false).reply(200, { data: me });

		const result = await testCredential(TYPE, withData({ admin: false }));

		expect(result.status).toBe('OK');
		expectExactRequests(scope);
	});

	it('trims white space around a pasted token', async () => {
		const scope = usersMe(BASE_URL, true).reply(200, { data: me });

		const result = await testCredential(TYPE, withData({ token: `  ${TOKEN}\n` }));

		expect(result.status).toBe('OK');
		expectExactRequests(scope);
	});

	// The test request runs in n8n's routing engine: a 401 becomes n8n's own NodeApiError, whose
	// message for 401 is fixed; Cotalker's message stays in the error's details. n8n 2.x repeats a
	// request refused with 401 once, after trying to renew the credential.
	it('fails on a wrong token, which never shows in the message', async () => {
		const scope = usersMe(BASE_URL, true, 'wrong-token')
			.times(2)
			.reply(401, failed(401, 'Unauthorized', UNAUTHORIZED_MESSAGE));

		const result = await testCredential(TYPE, withData({ token: 'wrong-token' }));

		expect(result).toEqual({
			status: 'Error',
			message: 'Authorization failed - please check your credentials',
		});
		expect(result.message).not.toContain('wrong-token');
		expectExactRequests(scope);
	});
});

describe('Cotalker credential › a wrong token in the node', () => {
	it("fails with Cotalker's own message, never the token", async () => {
		const scope = nock(BASE_URL, { reqheaders: { authorization: 'Bearer wrong-token' } })
			.get('/api/v2/task-groups')
			.query(pageQuery(1, 50))
			.reply(401, failed(401, 'Unauthorized', UNAUTHORIZED_MESSAGE));

		const run = await runCotalker(
			'taskGroup',
			'list',
			{},
			{
				credentials: { [TYPE]: withData({ token: 'wrong-token' }) },
			},
		);

		expect(run.error?.message).toBe(UNAUTHORIZED_MESSAGE);
		expect((run.error as NodeApiError).httpCode).toBe('401');
		expect(JSON.stringify(run.error)).not.toContain('wrong-token');
		expectExactRequests(scope);
	});

	it('sends nothing with a custom environment that has no base URL', async () => {
		const run = await runCotalker(
			'taskGroup',
			'list',
			{},
			{
				credentials: { [TYPE]: withData({ baseUrl: '' }) },
			},
		);

		// The editor requires the Base URL of a custom environment; without one no URL can be built.
		expect(run.error?.message).toBe('Invalid URL');
		expectNoRequests();
	});
});

describe('Cotalker credential › against the emulator', () => {
	let sandbox: CotalkerSandbox;
	let server: RunningServer;

	beforeAll(async () => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
		sandbox = createCotalkerSandbox();
		server = await sandbox.start(0);
	});
	afterAll(async () => {
		await server.close();
	});
	beforeEach(() => sandbox.reset());

	const data = () => sandboxCredentials(server.url)[TYPE];
	const log = () =>
		sandbox.state.requests.map(({ method, url, status }) => `${method} ${url} ${status}`);

	it('passes with the sandbox token, Admin Access on and off', async () => {
		expect(await testCredential(TYPE, data())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(await testCredential(TYPE, { ...data(), admin: false })).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(log()).toEqual(['GET /api/v2/users/me 200', 'GET /api/v2/users/me 200']);
	});

	it('fails with a wrong token', async () => {
		const result = await testCredential(TYPE, { ...data(), token: 'not-the-token' });

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('not-the-token');
		expect(log()).toEqual(['GET /api/v2/users/me 401', 'GET /api/v2/users/me 401']);
	});

	it('uses the token the sandbox knows', () => {
		expect(data()).toEqual({
			environment: 'custom',
			baseUrl: server.url,
			token: COTALKER_TOKEN,
			admin: true,
		});
	});
});
