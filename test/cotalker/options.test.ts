/**
 * getProperties: every COTProperty of the company (all pages of `GET /api/v2/properties`), named
 * "Display (propertyType)" and sorted by name, for status1..5 and the status filters.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests } from '../helpers/requests';
import {
	createCotalkerSandbox,
	PROPERTY_IDS,
	USER_IDS,
	type RunningServer,
	type CotalkerSandbox,
} from '../sandbox/cotalker';
import {
	AUTH_HEADERS,
	BASE_URL,
	NODE,
	cotalkerCredentials,
	sandboxCredentials,
} from './credentials';
import { failed } from './fixtures/taskGroups';

const load = async (method: string, credentials = cotalkerCredentials) => {
	const { context, nodeType } = loadOptionsContext(
		NODE,
		{ resource: 'task', operation: 'create' },
		credentials,
	);
	return await nodeType.methods!.loadOptions![method].call(context);
};
const loadProperties = async (credentials = cotalkerCredentials) =>
	await load('getProperties', credentials);

const property = (n: number, display: string, propertyType: string): IDataObject => ({
	_id: `6a1e00000e${n.toString(16).padStart(14, '0')}`,
	name: { code: display.toLowerCase(), display },
	propertyType,
	isActive: true,
});

const page = (n: number) => ({ limit: '100', page: String(n), count: 'true' });

describe('Cotalker › properties dropdown with nock', () => {
	it('reads every page (100, 100, 3) and names each "Display (type)", sorted by name', async () => {
		const first = Array.from({ length: 100 }, (_, i) =>
			property(i + 1, `P${String(i + 1).padStart(3, '0')}`, 'code'),
		);
		const second = Array.from({ length: 100 }, (_, i) => property(i + 101, `P${i + 101}`, 'code'));
		const third = [
			property(300, 'Zeta', 'priority'),
			property(301, 'Alpha', 'priority'),
			property(302, 'Mid', 'department'),
		];
		const scope = nock(BASE_URL, { reqheaders: { ...AUTH_HEADERS, accept: 'application/json' } })
			.get('/api/v2/properties')
			.query(page(1))
			.reply(200, { data: { properties: first, count: 203 } })
			.get('/api/v2/properties')
			.query(page(2))
			.reply(200, { data: { properties: second, count: 203 } })
			.get('/api/v2/properties')
			.query(page(3))
			.reply(200, { data: { properties: third, count: 203 } });

		const options = await loadProperties();

		expect(options).toHaveLength(203);
		expect(options.slice(0, 3)).toEqual([
			{ name: 'Alpha (priority)', value: third[1]._id },
			{ name: 'Mid (department)', value: third[2]._id },
			{ name: 'P001 (code)', value: first[0]._id },
		]);
		expect(options[202]).toEqual({ name: 'Zeta (priority)', value: third[0]._id });
		expectExactRequests(scope);
	});

	it('names a property without a display by its code, and without a type by its name alone', async () => {
		const scope = nock(BASE_URL, { reqheaders: AUTH_HEADERS })
			.get('/api/v2/properties')
			.query(page(1))
			.reply(200, {
				data: {
					properties: [
						{ _id: 'p1', name: { code: 'urgent' }, propertyType: 'priority' },
						{ _id: 'p2', name: { display: 'Plain' } },
					],
					count: 2,
				},
			});

		expect(await loadProperties()).toEqual([
			{ name: 'Plain', value: 'p2' },
			{ name: 'urgent (priority)', value: 'p1' },
		]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message", async () => {
		const scope = nock(BASE_URL)
			.get('/api/v2/properties')
			.query(page(1))
			.reply(403, failed(403, 'Forbidden', 'Missing permission admin-properties-read'));

		await expect(loadProperties()).rejects.toThrow('Missing permission admin-properties-read');
		expectExactRequests(scope);
	});
});

describe('Cotalker › properties dropdown against the emulator', () => {
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

	it('lists the seeded properties of every type by name', async () => {
		const options = await loadProperties(sandboxCredentials(server.url));

		expect(options).toEqual([
			{ name: 'Doing (projects_state)', value: PROPERTY_IDS.doing },
			{ name: 'Done (projects_state)', value: PROPERTY_IDS.done },
			{ name: 'High (priority)', value: PROPERTY_IDS.high },
			{ name: 'Low (priority)', value: PROPERTY_IDS.low },
			{ name: 'Medium (priority)', value: PROPERTY_IDS.medium },
			{ name: 'New (tickets_state)', value: PROPERTY_IDS.new },
			{ name: 'Open (projects_state)', value: PROPERTY_IDS.open },
			{ name: 'Resolved (tickets_state)', value: PROPERTY_IDS.resolved },
			{ name: 'Sales (department)', value: PROPERTY_IDS.sales },
			{ name: 'Support (department)', value: PROPERTY_IDS.support },
			{ name: 'Working (tickets_state)', value: PROPERTY_IDS.working },
		]);
		expect(
			sandbox.state.requests.map(({ method, url, status }) => `${method} ${url} ${status}`),
		).toEqual(['GET /api/v2/properties?limit=100&page=1&count=true 200']);
	});

	it('lists every user by name and email, for editors and followers', async () => {
		sandbox.state.requests.length = 0;
		const options = await load('getUsers', sandboxCredentials(server.url));

		expect(options).toEqual([
			{ name: 'Ana Rojas (ana@cotalker.sandbox.test)', value: USER_IDS.ana },
			{ name: 'Bruno Díaz (bruno@cotalker.sandbox.test)', value: USER_IDS.bruno },
			{ name: 'Carla Soto (carla@cotalker.sandbox.test)', value: USER_IDS.carla },
			{ name: 'Sandbox Bot (bot@cotalker.sandbox.test)', value: USER_IDS.bot },
		]);
		expect(
			sandbox.state.requests.map(({ method, url, status }) => `${method} ${url} ${status}`),
		).toEqual(['GET /api/v2/users?limit=100&page=1&count=true 200']);
	});
});
