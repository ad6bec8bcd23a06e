import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests } from '../helpers/requests';
import { COPPER_BASE_PATH, createCopperSandbox, type RunningServer } from '../sandbox/copper';
import { AUTH_HEADERS, BASE_URL, copperCredentials, sandboxCredentials } from './credentials';
import { editorContext } from './editorContext';

/** Where the editor's Related Record picker sits, as n8n sends it with the search. */
const RELATED_RECORD_PATH = 'parameters.additionalFields.relatedResource.value.id';

/** Creating a task whose Related Record is of `type` (or of no type yet). */
const relatedTo = (type?: string): INodeParameters => ({
	resource: 'task',
	operation: 'create',
	name: 'Call Ada',
	additionalFields: { relatedResource: { value: type ? { type } : {} } },
});

const methodsOf = (
	credentials: Record<string, ICredentialDataDecryptedObject>,
	parameters: INodeParameters = { resource: 'task', operation: 'create' },
	path?: string,
) => {
	const { context, nodeType } = editorContext(parameters, credentials, path);
	const { listSearch, loadOptions } = nodeType.methods!;
	return {
		search: (name: string, filter?: string, token?: string) =>
			listSearch![name].call(context, filter, token),
		options: (name: string) => loadOptions![name].call(context),
	};
};

describe('Copper › pickers and dropdowns against the sandbox', () => {
	let server: RunningServer;
	let credentials: Record<string, ICredentialDataDecryptedObject>;

	/** The vendor requests the sandbox received: method, path and body. */
	const received = async () =>
		(
			(await (await fetch(`${server.url}/__sandbox/requests`)).json()) as Array<{
				method: string;
				url: string;
				body?: unknown;
			}>
		).map(({ method, url, body }) => ({ method, url: url.replace(COPPER_BASE_PATH, ''), body }));

	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	afterAll(() => {
		nock.disableNetConnect();
	});
	beforeEach(async () => {
		server = await createCopperSandbox({ now: () => new Date('2026-11-20T08:00:00Z') }).start(0);
		credentials = sandboxCredentials(server.url);
	});
	afterEach(async () => {
		await server.close();
	});

	it('lists tasks by name, marks completed ones, and narrows them by the typed text', async () => {
		const { search } = methodsOf(credentials);

		const all = await search('searchTasks');
		const typed = await search('searchTasks', 'ADA');

		expect(all).toEqual({
			results: [
				{ name: 'Call Ada back', value: '3716922' },
				{ name: 'Download the mobile app', value: '3716923' },
				{ name: 'Follow up on Price Quote (completed)', value: '3716921' },
				{ name: 'My First Task', value: '3716920' },
			],
		});
		expect(typed).toEqual({ results: [{ name: 'Call Ada back', value: '3716922' }] });
		const page = { page_number: 1, page_size: 200, sort_by: 'name', sort_direction: 'asc' };
		expect(await received()).toEqual([
			{ method: 'POST', url: '/tasks/search', body: page },
			{ method: 'POST', url: '/tasks/search', body: page },
		]);
	});

	it('lists users with their email, matching the typed text in either', async () => {
		const { search } = methodsOf(credentials);

		const all = await search('searchUsers');
		const byEmail = await search('searchUsers', 'GRACE@');
		const byName = await search('searchUsers', 'love');

		expect(all.results).toEqual([
			{ name: 'Ada Lovelace (ada@copper.sandbox.test)', value: '137659' },
			{ name: 'Grace Hopper (grace@copper.sandbox.test)', value: '137660' },
			{ name: 'Olive Owner (owner@copper.sandbox.test)', value: '137658' },
		]);
		expect(byEmail.results).toEqual([
			{ name: 'Grace Hopper (grace@copper.sandbox.test)', value: '137660' },
		]);
		expect(byName.results).toEqual([
			{ name: 'Ada Lovelace (ada@copper.sandbox.test)', value: '137659' },
		]);
		// Copper's user search has no name filter: the text never goes to Copper.
		const page = { page_number: 1, page_size: 200 };
		expect(await received()).toEqual([
			{ method: 'POST', url: '/users/search', body: page },
			{ method: 'POST', url: '/users/search', body: page },
			{ method: 'POST', url: '/users/search', body: page },
		]);
	});

	it('searches the related records of the type chosen beside the picker, by name on the server', async () => {
		const opportunities = methodsOf(credentials, relatedTo('opportunity'), RELATED_RECORD_PATH);
		const people = methodsOf(credentials, relatedTo('person'), RELATED_RECORD_PATH);

		const all = await opportunities.search('searchRelatedRecords');
		const typed = await opportunities.search('searchRelatedRecords', 'glo');
		const person = await people.search('searchRelatedRecords', 'kim');

		expect(all).toEqual({
			results: [
				{ name: 'Acme renewal', value: '4' },
				{ name: 'Globex expansion', value: '2' },
				{ name: 'Initech pilot', value: '3' },
			],
		});
		expect(typed).toEqual({ results: [{ name: 'Globex expansion', value: '2' }] });
		expect(person).toEqual({ results: [{ name: 'Kim Tanaka', value: '5' }] });
		const page = { page_number: 1, page_size: 200, sort_by: 'name', sort_direction: 'asc' };
		expect(await received()).toEqual([
			{ method: 'POST', url: '/opportunities/search', body: page },
			{ method: 'POST', url: '/opportunities/search', body: { ...page, name: 'glo' } },
			{ method: 'POST', url: '/people/search', body: { ...page, name: 'kim' } },
		]);
	});

	it('searches projects while no type is chosen yet', async () => {
		const { search } = methodsOf(credentials, relatedTo(), RELATED_RECORD_PATH);

		const found = await search('searchRelatedRecords');

		expect(found.results).toEqual([
			{ name: 'Data migration', value: '144298' },
			{ name: 'Office move', value: '144297' },
			{ name: 'Website relaunch', value: '144296' },
		]);
		expect((await received()).map(({ url }) => url)).toEqual(['/projects/search']);
	});

	it('offers "No …" (-2) first in the Assignees, Projects and Opportunities filters', async () => {
		const { options } = methodsOf(credentials, { resource: 'task', operation: 'find' });

		expect(await options('getAssignees')).toEqual([
			{ name: 'No Assignee', value: -2 },
			{ name: 'Ada Lovelace (ada@copper.sandbox.test)', value: 137659 },
			{ name: 'Grace Hopper (grace@copper.sandbox.test)', value: 137660 },
			{ name: 'Olive Owner (owner@copper.sandbox.test)', value: 137658 },
		]);
		expect(await options('getProjects')).toEqual([
			{ name: 'No Project', value: -2 },
			{ name: 'Data migration', value: 144298 },
			{ name: 'Office move', value: 144297 },
			{ name: 'Website relaunch', value: 144296 },
		]);
		expect(await options('getOpportunities')).toEqual([
			{ name: 'No Opportunity', value: -2 },
			{ name: 'Acme renewal', value: 4 },
			{ name: 'Globex expansion', value: 2 },
			{ name: 'Initech pilot', value: 3 },
		]);
		const byName = { sort_by: 'name', sort_direction: 'asc', page_number: 1, page_size: 200 };
		expect(await received()).toEqual([
			{ method: 'POST', url: '/users/search', body: { page_number: 1, page_size: 200 } },
			{ method: 'POST', url: '/projects/search', body: byName },
			{ method: 'POST', url: '/opportunities/search', body: byName },
		]);
	});

	it('offers only the task custom fields, named with their type and sorted', async () => {
		const { options } = methodsOf(credentials);

		expect(await options('getCustomFieldDefinitions')).toEqual([
			{ name: 'Billable (Checkbox)', value: 7 },
			{ name: 'Channel (Dropdown)', value: 8 },
			{ name: 'Effort (Float)', value: 9 },
			{ name: 'Follow-up on (Date)', value: 6 },
			{ name: 'Notes (Text)', value: 3 },
			{ name: 'Teams (MultiSelect)', value: 12 },
		]);
		expect(await received()).toEqual([
			{ method: 'GET', url: '/custom_field_definitions', body: undefined },
		]);
	});
});

describe('Copper › picker paging', () => {
	const copper = () => nock(BASE_URL, { reqheaders: AUTH_HEADERS });
	const users = (from: number, count: number) =>
		Array.from({ length: count }, (_, index) => ({
			id: from + index,
			name: index === 7 ? 'Ada Lovelace' : `User ${from + index}`,
			email: `user${from + index}@example.test`,
		}));

	it('asks for pages of 200, narrows each page, and hands n8n the next page as a token', async () => {
		const scope = copper()
			.post('/users/search', { page_number: 1, page_size: 200 })
			.reply(200, users(1000, 200), { 'X-PW-TOTAL': '250' })
			.post('/users/search', { page_number: 2, page_size: 200 })
			.reply(200, users(1200, 50), { 'X-PW-TOTAL': '250' });
		const { search } = methodsOf(copperCredentials);

		const first = await search('searchUsers', 'ada');
		const second = await search('searchUsers', 'ada', first.paginationToken as string);

		expect(first).toEqual({
			results: [{ name: 'Ada Lovelace (user1007@example.test)', value: '1007' }],
			paginationToken: '2',
		});
		expect(second).toEqual({
			results: [{ name: 'Ada Lovelace (user1207@example.test)', value: '1207' }],
			paginationToken: undefined,
		});
		expectExactRequests(scope);
	});

	it('stops at a full last page when X-PW-TOTAL says there is no more', async () => {
		const scope = copper()
			.post('/tasks/search', {
				page_number: 1,
				page_size: 200,
				sort_by: 'name',
				sort_direction: 'asc',
			})
			.reply(
				200,
				Array.from({ length: 200 }, (_, index) => ({ id: index + 1, name: `Task ${index + 1}` })),
				{ 'X-PW-TOTAL': '200' },
			);
		const { search } = methodsOf(copperCredentials);

		const found = await search('searchTasks');

		expect(found.results).toHaveLength(200);
		expect(found.results[0]).toEqual({ name: 'Task 1', value: '1' });
		expect(found.paginationToken).toBeUndefined();
		expectExactRequests(scope);
	});

	it("reports Copper's message when a list cannot be loaded", async () => {
		const scope = copper()
			.get('/custom_field_definitions')
			.reply(403, { status: 403, message: 'Forbidden: not an admin' });
		const { options } = methodsOf(copperCredentials);

		await expect(options('getCustomFieldDefinitions')).rejects.toMatchObject({
			message: 'Forbidden: not an admin',
			httpCode: '403',
		});
		expectExactRequests(scope);
	});
});
