import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests } from '../helpers/requests';
import { NODE, passwordCredentials } from './credentials';
import { useEmulator } from './emulatorHarness';
import { failed, listed, onlyoffice } from './runOnlyoffice';

const searchOf = (
	credentials: Record<string, ICredentialDataDecryptedObject>,
	parameters: INodeParameters = { resource: 'task', operation: 'create' },
) => {
	const { context, nodeType } = loadOptionsContext(NODE, parameters, credentials);
	return async (name: string, filter?: string, token?: string) =>
		await nodeType.methods!.listSearch![name].call(context, filter, token);
};

describe('ONLYOFFICE › pickers against the emulator', () => {
	const emulator = useEmulator();
	const search = (name: string, filter?: string, token?: string) =>
		searchOf(emulator.credentials)(name, filter, token);
	/** The picker requests, after the sign-in. */
	const sent = () =>
		emulator
			.requests()
			.filter(({ url }) => url !== '/authentication')
			.map(({ method, url, format }) => ({ method, url, format }));

	it('lists tasks by title, open ones first by deadline, marking closed ones, with the due day', async () => {
		const found = await search('searchTasks', 'call');

		expect(found).toEqual({
			results: [
				{ name: 'Call Kim about the renewal, due 2026-11-21', value: '1201' },
				{ name: 'Call Globex procurement, due 2026-11-23', value: '1206' },
				{ name: 'Renewal call with Acme (closed), due 2026-11-17', value: '1210' },
			],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			{
				method: 'GET',
				url: '/crm/task/filter?startIndex=0&count=100&filterValue=call',
				format: 'json',
			},
		]);
	});

	it('hands n8n the next page as a token and reads it when asked', async () => {
		emulator.sandbox.generateTasks(238); // 250 tasks in all

		const first = await search('searchTasks');
		const second = await search('searchTasks', undefined, first.paginationToken);
		const third = await search('searchTasks', undefined, second.paginationToken);

		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(second.results).toHaveLength(100);
		expect(second.paginationToken).toBe('3');
		expect(third.results).toHaveLength(50);
		expect(third.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results, ...third.results].map(
			(result) => result.value,
		);
		expect(new Set(values).size).toBe(250);
		expect(sent().map(({ url }) => url)).toEqual([
			'/crm/task/filter?startIndex=0&count=100',
			'/crm/task/filter?startIndex=100&count=100',
			'/crm/task/filter?startIndex=200&count=100',
		]);
	});

	it('lists users with their email, narrowed by ONLYOFFICE on the typed text', async () => {
		const all = await search('searchUsers');
		const typed = await search('searchUsers', 'nina');

		expect(all).toEqual({
			results: [
				{
					name: 'Mike Zanyatski (mike@onlyoffice.sandbox.test)',
					value: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a102',
				},
				{
					name: 'Nina Berg (nina@onlyoffice.sandbox.test)',
					value: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a103',
				},
				{
					name: 'Olga Orlova (admin@onlyoffice.sandbox.test)',
					value: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101',
				},
			],
			paginationToken: undefined,
		});
		expect(typed.results).toEqual([
			{
				name: 'Nina Berg (nina@onlyoffice.sandbox.test)',
				value: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a103',
			},
		]);
		expect(sent()).toEqual([
			{ method: 'GET', url: '/people?startIndex=0&count=100', format: 'json' },
			{ method: 'GET', url: '/people?startIndex=0&count=100&filterValue=nina', format: 'json' },
		]);
	});

	it('lists contacts by name, marking companies', async () => {
		const all = await search('searchContacts');
		const typed = await search('searchContacts', 'glo');

		expect(all.results).toEqual([
			{ name: 'Acme Corporation (company)', value: '301' },
			{ name: 'Globex Ltd (company)', value: '303' },
			{ name: 'Kim Tanaka', value: '302' },
			{ name: 'Sara Lindqvist', value: '305' },
			{ name: 'Tadjeddine Bachir', value: '304' },
		]);
		expect(typed).toEqual({
			results: [{ name: 'Globex Ltd (company)', value: '303' }],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([
			{ method: 'GET', url: '/crm/contact/filter?startIndex=0&count=100', format: 'json' },
			{
				method: 'GET',
				url: '/crm/contact/filter?startIndex=0&count=100&filterValue=glo',
				format: 'json',
			},
		]);
	});

	it('lists the task categories in their order, narrowing them here by the typed text', async () => {
		const all = await search('searchTaskCategories');
		const typed = await search('searchTaskCategories', 'MEET');

		expect(all).toEqual({
			results: [
				{ name: 'Call', value: '31' },
				{ name: 'Email', value: '32' },
				{ name: 'Meeting', value: '33' },
				{ name: 'Follow up', value: '34' },
			],
			paginationToken: undefined,
		});
		expect(typed.results).toEqual([{ name: 'Meeting', value: '33' }]);
		// ONLYOFFICE lists categories all at once and cannot search them: the text stays here.
		expect(sent()).toEqual([
			{ method: 'GET', url: '/crm/task/category', format: 'json' },
			{ method: 'GET', url: '/crm/task/category', format: 'json' },
		]);
	});
});

describe('ONLYOFFICE › picker requests', () => {
	it('sends the raw token and Accept: application/json, with the typed text as filterValue', async () => {
		const scope = onlyoffice()
			.get('/people')
			.query({ startIndex: '0', count: '100', filterValue: 'olga' })
			.reply(
				200,
				listed([{ id: 'g', displayName: 'Olga Orlova', email: 'olga@example.test' }], { total: 1 }),
			);

		const found = await searchOf(passwordCredentials)('searchUsers', 'olga');

		expect(found).toEqual({
			results: [{ name: 'Olga Orlova (olga@example.test)', value: 'g' }],
			paginationToken: undefined,
		});
		expectExactRequests(scope);
	});

	it("reports ONLYOFFICE's message when a list cannot be loaded", async () => {
		const scope = onlyoffice()
			.get('/crm/contact/filter')
			.query(true)
			.reply(200, failed(403, 'Access denied'));

		await expect(searchOf(passwordCredentials)('searchContacts')).rejects.toMatchObject({
			message: 'Access denied',
		});
		expectExactRequests(scope);
	});
});
