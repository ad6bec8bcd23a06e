import nock from 'nock';

import { CopperCrmTasksApi } from '../../credentials/CopperCrmTasksApi.credentials';
import { testCredential } from '../helpers/credentialTest';
import { expectExactRequests } from '../helpers/requests';
import {
	COPPER_API_KEY,
	COPPER_BASE_PATH,
	COPPER_USER_EMAIL,
	createCopperSandbox,
	type RunningServer,
} from '../sandbox/copper';
import { AUTH_HEADERS, BASE_URL, copperCredentials, sandboxCredentials } from './credentials';

const credential = new CopperCrmTasksApi();

describe('Copper credential › definition', () => {
	it('asks for the API key (hidden), the email and the base URL', () => {
		expect(
			credential.properties.map(({ name, type, required, typeOptions, default: value }) => ({
				name,
				type,
				required,
				password: typeOptions?.password,
				default: value,
			})),
		).toEqual([
			{ name: 'apiKey', type: 'string', required: true, password: true, default: '' },
			{ name: 'email', type: 'string', required: true, password: undefined, default: '' },
			{
				name: 'baseUrl',
				type: 'string',
				required: undefined,
				password: undefined,
				default: 'https://api.copper.com/developer_api/v1',
			},
		]);
	});
});

describe('Copper credential › credential test request', () => {
	it('is GET /account with the three X-PW-* headers, the base URL without its trailing slash', async () => {
		const scope = nock(BASE_URL, { reqheaders: AUTH_HEADERS })
			.get('/account')
			.reply(200, { id: 10001, name: 'Acme', primary_timezone: 'Europe/Berlin', settings: {} });

		const result = await testCredential('copperCrmTasksApi', copperCredentials.copperCrmTasksApi);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expectExactRequests(scope);
	});
});

describe('Copper credential › credential test against the sandbox', () => {
	let server: RunningServer;
	const data = () => sandboxCredentials(server.url).copperCrmTasksApi;

	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	afterAll(() => {
		nock.disableNetConnect();
	});
	beforeEach(async () => {
		server = await createCopperSandbox({ now: () => new Date('2026-11-20T08:00:00Z') }).start(0);
	});
	afterEach(async () => {
		await server.close();
	});

	/** The vendor requests the sandbox received, without the control API's. */
	const received = async () =>
		(
			(await (await fetch(`${server.url}/__sandbox/requests`)).json()) as Array<{
				method: string;
				url: string;
				status: number;
			}>
		).map(({ method, url, status }) => ({ method, url, status }));

	it('passes with the right key and email', async () => {
		const result = await testCredential('copperCrmTasksApi', data());

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await received()).toEqual([
			{ method: 'GET', url: `${COPPER_BASE_PATH}/account`, status: 200 },
		]);
	});

	it('accepts the base URL with a trailing slash', async () => {
		const result = await testCredential('copperCrmTasksApi', {
			...data(),
			baseUrl: `${server.url}${COPPER_BASE_PATH}/`,
		});

		expect(result.status).toBe('OK');
	});

	// The test request runs in n8n's routing engine, not through the node's transport: a 401 comes
	// back as n8n's own NodeApiError, whose message for 401 is fixed; Copper's message
	// ("API Key and Email combination is invalid") stays in the error's details.
	const REFUSED = 'Authorization failed - please check your credentials';
	// n8n 2.x repeats a request refused with 401 once, after trying to renew the credential.
	const refused = { method: 'GET', url: `${COPPER_BASE_PATH}/account`, status: 401 };

	it('fails when the key is wrong, GET /account refused (and repeated once by n8n)', async () => {
		const result = await testCredential('copperCrmTasksApi', { ...data(), apiKey: 'wrong-key' });

		expect(result).toEqual({ status: 'Error', message: REFUSED });
		expect(await received()).toEqual([refused, refused]);
	});

	it("fails when the email is not the key owner's", async () => {
		const result = await testCredential('copperCrmTasksApi', {
			...data(),
			email: 'someone.else@copper.sandbox.test',
		});

		expect(result).toEqual({ status: 'Error', message: REFUSED });
		expect(await received()).toEqual([refused, refused]);
	});

	it('uses the sandbox key and email the shared credentials name', () => {
		expect(data()).toEqual({
			apiKey: COPPER_API_KEY,
			email: COPPER_USER_EMAIL,
			baseUrl: `${server.url}${COPPER_BASE_PATH}`,
		});
	});
});
