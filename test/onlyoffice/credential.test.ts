import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	NodeApiError,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import nock from 'nock';

import { OnlyofficeWorkspaceApi } from '../../credentials/OnlyofficeWorkspaceApi.credentials';
import { testCredential } from '../helpers/credentialTest';
import { PackageNodeTypes } from '../helpers/nodeTypes';
import { expectExactRequests } from '../helpers/requests';
import { runNode } from '../helpers/runNode';
import { recordWaits } from '../helpers/waits';
import {
	createOnlyofficeSandbox,
	ONLYOFFICE_PASSWORD,
	type OnlyofficeSandbox,
	type RunningServer,
	SIGN_IN_FAILED_MESSAGE,
} from '../sandbox/onlyoffice';
import {
	API_URL,
	PASSWORD,
	STORED_TOKEN,
	USER_NAME,
	passwordCredentials,
	sandboxCredentials,
	signedInCredentials,
	tokenCredentials,
} from './credentials';

const TYPE = 'onlyofficeWorkspaceApi';

/**
 * A stand-in node for requests through the credential, until the ONLYOFFICE node exists: it sends
 * `GET <portal>/api/2.0/people/@self` with n8n-core's own `httpRequestWithAuthentication`, the
 * helper every node of this package sends with. That helper is where n8n runs preAuthentication
 * (token missing) and, when a request throws with 401, signs in again and repeats the request once.
 */
const probe: INodeType = {
	description: {
		displayName: 'ONLYOFFICE Probe',
		name: 'onlyofficeProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads the signed-in user through the ONLYOFFICE credential',
		defaults: { name: 'ONLYOFFICE Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TYPE, required: true }],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { portalUrl } = await this.getCredentials(TYPE);
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, TYPE, {
			method: 'GET',
			url: `${String(portalUrl).replace(/\/+$/, '')}/api/2.0/people/@self`,
			json: true,
		})) as IDataObject;
		return [[{ json: body, pairedItem: { item: 0 } }]];
	},
};

const readSelf = async (credentials: Record<string, ICredentialDataDecryptedObject>) =>
	await runNode({
		type: 'n8n-nodes-crm-tasks.onlyofficeProbe',
		parameters: {},
		credentials,
		nodeTypes: new PackageNodeTypes([probe]),
	});

const me = { id: 'b6b7e9a1-0000-4000-8000-000000000001', email: USER_NAME };
const self = { count: 1, status: 0, statusCode: 200, response: me };
const issued = (token: string) => ({
	count: 1,
	status: 0,
	statusCode: 201,
	response: { token, expires: '2026-12-22T23:48:21.0000000+03:00' },
});
const refused = (message: string, status = 401) => ({
	status: 1,
	statusCode: status,
	error: { message },
});
const unauthorized = refused('Unauthorized');
const signInBody = { userName: USER_NAME, password: PASSWORD };
const WRONG_PASSWORD = 'a wrong password';

/** The exact sign-in request: JSON `{userName, password}`, answered in JSON. */
const signIn = (body: IDataObject = signInBody) =>
	nock(API_URL)
		.post('/authentication', (sent: IDataObject) => JSON.stringify(sent) === JSON.stringify(body))
		.matchHeader('content-type', 'application/json')
		.matchHeader('accept', 'application/json');

const secretsIn = (error: unknown) => {
	const text = `${JSON.stringify(error)} ${String((error as Error | undefined)?.stack)}`;
	return [PASSWORD, WRONG_PASSWORD, STORED_TOKEN, 'wrong-token', 'token-2'].filter((secret) =>
		text.includes(secret),
	);
};

describe('ONLYOFFICE credential › user name and password', () => {
	const waits = recordWaits();

	it('signs in with POST /api/2.0/authentication and sends the raw token, asking for JSON', async () => {
		const scope = signIn()
			.reply(201, issued('token-1'))
			.get('/people/@self')
			.matchHeader('authorization', 'token-1')
			.matchHeader('accept', 'application/json')
			.reply(200, self);

		const run = await readSelf(signedInCredentials(''));

		expect(run.json).toEqual([self]);
		expect(run.storedCredentials[TYPE]).toMatchObject({
			accessToken: 'token-1',
			tokenIssuedFor: OnlyofficeWorkspaceApi.signInDigest(passwordCredentials[TYPE]),
		});
		expectExactRequests(scope);
	});

	it('reuses the stored token without signing in', async () => {
		const scope = nock(API_URL)
			.get('/people/@self')
			.matchHeader('authorization', STORED_TOKEN)
			.reply(200, self);

		const run = await readSelf(passwordCredentials);

		expect(run.json).toEqual([self]);
		expectExactRequests(scope);
	});

	it('renews an expired token once: 401, one sign-in, the request repeated, the new token stored', async () => {
		const expired = nock(API_URL)
			.get('/people/@self')
			.matchHeader('authorization', STORED_TOKEN)
			.reply(401, unauthorized);
		const renewed = signIn()
			.reply(201, issued('token-2'))
			.get('/people/@self')
			.matchHeader('authorization', 'token-2')
			.reply(200, self);

		const run = await readSelf(passwordCredentials);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([self]);
		expect(run.storedCredentials[TYPE]).toMatchObject({
			accessToken: 'token-2',
			tokenIssuedFor: OnlyofficeWorkspaceApi.signInDigest(passwordCredentials[TYPE]),
		});
		expectExactRequests(expired, renewed);
	});

	it('never sends a token issued for other sign-in details, and signs in with the details as they are', async () => {
		const withoutToken = nock(API_URL, { badheaders: ['authorization'] })
			.get('/people/@self')
			.reply(401, unauthorized);
		const renewed = signIn()
			.reply(201, issued('token-2'))
			.get('/people/@self')
			.matchHeader('authorization', 'token-2')
			.reply(200, self);

		const run = await readSelf(
			signedInCredentials(STORED_TOKEN, { issuedFor: { password: 'an old password' } }),
		);

		expect(run.json).toEqual([self]);
		expect(run.storedCredentials[TYPE].accessToken).toBe('token-2');
		expectExactRequests(withoutToken, renewed);
	});

	it("reports a refused sign-in with ONLYOFFICE's message, never the password", async () => {
		const scope = signIn({ userName: USER_NAME, password: WRONG_PASSWORD }).reply(
			401,
			refused('User authentication failed'),
		);
		const credentials = signedInCredentials('');
		credentials[TYPE].password = WRONG_PASSWORD;

		const run = await readSelf(credentials);

		expect(run.error?.message).toBe(
			'ONLYOFFICE did not issue an access token: User authentication failed',
		);
		expect(secretsIn(run.error)).toEqual([]);
		expectExactRequests(scope);
	});

	it('waits out a throttled sign-in (503) as Retry-After says', async () => {
		const scope = signIn().reply(503, refused('Too many requests. Please try again later.', 503), {
			'Retry-After': '0',
		});
		const signedIn = signIn()
			.reply(201, issued('token-1'))
			.get('/people/@self')
			.matchHeader('authorization', 'token-1')
			.reply(200, self);

		const run = await readSelf(signedInCredentials(''));

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([self]);
		expectExactRequests(scope, signedIn);
	});

	it('gives up on a sign-in still throttled after five attempts', async () => {
		const scope = signIn()
			.times(5)
			.reply(503, refused('Too many requests. Please try again later.', 503), {
				'Retry-After': '0',
			});

		const run = await readSelf(signedInCredentials(''));

		expect(run.error?.message).toBe(
			'ONLYOFFICE did not issue an access token: ONLYOFFICE is still throttling sign-ins; try again in a minute',
		);
		expectExactRequests(scope);
	});

	it('reports a sign-in answer that is not the envelope by its status', async () => {
		const scope = signIn().times(4).reply(500, '<html><body>Server Error</body></html>', {
			'Content-Type': 'text/html',
		});

		const run = await readSelf(signedInCredentials(''));

		// A server error is retried like any request's: 4 attempts, the waits between them recorded.
		expect(run.error?.message).toBe(
			'ONLYOFFICE did not issue an access token: HTTP 500 (4 attempts)',
		);
		expect(waits).toHaveLength(3);
		expectExactRequests(scope);
	});

	it('reports an unreachable portal without the request that holds the password', async () => {
		const scope = signIn().replyWithError('connect ECONNREFUSED 10.0.0.1:443');

		const run = await readSelf(signedInCredentials(''));

		// n8n words the message for the error code, and keeps ours among the error's messages.
		expect(run.error?.message).toBe('The service refused the connection - perhaps it is offline');
		expect((run.error as NodeApiError).messages).toContain(
			'ONLYOFFICE could not be reached to sign in: connect ECONNREFUSED 10.0.0.1:443',
		);
		expect(secretsIn(run.error)).toEqual([]);
		expectExactRequests(scope);
	});
});

describe('ONLYOFFICE credential › access token', () => {
	it('sends the pasted token raw, never signing in', async () => {
		const scope = nock(API_URL)
			.get('/people/@self')
			.matchHeader('authorization', 'pasted-token')
			.matchHeader('accept', 'application/json')
			.reply(200, self);

		const run = await readSelf(tokenCredentials('pasted-token'));

		expect(run.json).toEqual([self]);
		expect(run.storedCredentials[TYPE].accessToken).toBe('');
		expectExactRequests(scope);
	});
});

describe('ONLYOFFICE credential › credential test', () => {
	it('passes with the right password and the stored token, sending it raw', async () => {
		const scope = nock(API_URL)
			.get('/people/@self')
			.matchHeader('authorization', STORED_TOKEN)
			.matchHeader('accept', 'application/json')
			.reply(200, self);

		expect(await testCredential(TYPE, passwordCredentials[TYPE])).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expectExactRequests(scope);
	});

	it('passes with the right password and no token yet, signing in first', async () => {
		const scope = signIn()
			.reply(201, issued('token-1'))
			.get('/people/@self')
			.matchHeader('authorization', 'token-1')
			.reply(200, self);

		expect((await testCredential(TYPE, signedInCredentials('')[TYPE])).status).toBe('OK');
		expectExactRequests(scope);
	});

	it("fails with ONLYOFFICE's message on a wrong password, even while a token is stored", async () => {
		const listing = nock(API_URL, { badheaders: ['authorization'] })
			.get('/people/@self')
			.reply(401, unauthorized);
		const refusedSignIn = signIn({ userName: USER_NAME, password: WRONG_PASSWORD }).reply(
			401,
			refused('User authentication failed'),
		);

		const result = await testCredential(TYPE, {
			...passwordCredentials[TYPE],
			password: WRONG_PASSWORD,
		});

		expect(result).toEqual({
			status: 'Error',
			message: 'ONLYOFFICE did not issue an access token: User authentication failed',
		});
		expectExactRequests(listing, refusedSignIn);
	});

	it('passes with a right pasted token', async () => {
		const scope = nock(API_URL)
			.get('/people/@self')
			.matchHeader('authorization', 'pasted-token')
			.reply(200, self);

		expect((await testCredential(TYPE, tokenCredentials('pasted-token')[TYPE])).status).toBe('OK');
		expectExactRequests(scope);
	});

	it('fails with a wrong pasted token, which never shows in the message', async () => {
		// n8n repeats a 401 once after preAuthentication, which has nothing to renew here.
		const scope = nock(API_URL)
			.get('/people/@self')
			.times(2)
			.matchHeader('authorization', 'wrong-token')
			.reply(401, unauthorized);

		const result = await testCredential(TYPE, tokenCredentials('wrong-token')[TYPE]);

		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('wrong-token');
		expectExactRequests(scope);
	});
});

describe('ONLYOFFICE credential › against the emulator', () => {
	let sandbox: OnlyofficeSandbox;
	let server: RunningServer;

	beforeAll(async () => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
		sandbox = createOnlyofficeSandbox();
		server = await sandbox.start(0);
	});

	afterAll(async () => {
		await server.close();
	});

	beforeEach(() => sandbox.reset({ tokens: 'clear' }));

	const credentialsFor = () => sandboxCredentials(server.url)[TYPE];
	const log = () =>
		sandbox.state.requests.map(({ method, url, status }) => ({ method, url, status }));

	it('passes the credential test with the right password, signing in once', async () => {
		expect((await testCredential(TYPE, credentialsFor())).status).toBe('OK');
		expect(log()).toEqual([
			{ method: 'POST', url: '/api/2.0/authentication', status: 201 },
			{ method: 'GET', url: '/api/2.0/people/@self', status: 200 },
		]);
	});

	it('fails the credential test on a wrong password although the stored token is valid', async () => {
		const signedIn = await readSelf({ [TYPE]: credentialsFor() });
		const stored = signedIn.storedCredentials[TYPE];
		expect(stored.accessToken).not.toBe('');
		sandbox.state.requests = [];

		const result = await testCredential(TYPE, { ...stored, password: WRONG_PASSWORD });

		expect(result).toEqual({
			status: 'Error',
			message: `ONLYOFFICE did not issue an access token: ${SIGN_IN_FAILED_MESSAGE}`,
		});
		expect(log()).toEqual([
			{ method: 'GET', url: '/api/2.0/people/@self', status: 401 },
			{ method: 'POST', url: '/api/2.0/authentication', status: 401 },
		]);
		expect(sandbox.state.tokens.failedSignIns).toBe(1);
		expect(result.message).not.toContain(ONLYOFFICE_PASSWORD);
	});

	it('renews tokens the emulator expired: 401, one sign-in, the request repeated', async () => {
		const first = await readSelf({ [TYPE]: credentialsFor() });
		const oldToken = first.storedCredentials[TYPE].accessToken;
		sandbox.expireTokens();
		sandbox.state.requests = [];

		const run = await readSelf(first.storedCredentials);

		expect(run.error).toBeUndefined();
		expect(run.json[0]).toMatchObject({
			status: 0,
			response: { email: credentialsFor().userName },
		});
		expect(run.storedCredentials[TYPE].accessToken).not.toBe(oldToken);
		expect(log()).toEqual([
			{ method: 'GET', url: '/api/2.0/people/@self', status: 401 },
			{ method: 'POST', url: '/api/2.0/authentication', status: 201 },
			{ method: 'GET', url: '/api/2.0/people/@self', status: 200 },
		]);
	});

	it('waits out throttled sign-ins (503 + Retry-After)', async () => {
		sandbox.throttleNext(2, 0);

		const run = await readSelf({ [TYPE]: credentialsFor() });

		expect(run.error).toBeUndefined();
		expect(log()).toEqual([
			{ method: 'POST', url: '/api/2.0/authentication', status: 503 },
			{ method: 'POST', url: '/api/2.0/authentication', status: 503 },
			{ method: 'POST', url: '/api/2.0/authentication', status: 201 },
			{ method: 'GET', url: '/api/2.0/people/@self', status: 200 },
		]);
	});

	it('passes and fails the credential test with a pasted token', async () => {
		const first = await readSelf({ [TYPE]: credentialsFor() });
		const token = String(first.storedCredentials[TYPE].accessToken);

		const pasted = (value: string) => ({ ...tokenCredentials(value)[TYPE], portalUrl: server.url });

		expect((await testCredential(TYPE, pasted(token))).status).toBe('OK');
		expect((await testCredential(TYPE, pasted('not-a-token'))).status).toBe('Error');
		expect(sandbox.state.tokens.signIns).toBe(1);
	});
});
