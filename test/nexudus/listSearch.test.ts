import nock from 'nock';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH, NODE, basicCredentials } from './credentials';
import { searchPage } from './fixtures/coworkerTaskPage';

const editor = (parameters = {}) => loadOptionsContext(NODE, parameters, basicCredentials);

describe('Nexudus › record lists in the editor', () => {
	it('searches coworkers by name on the server and pages with a token', async () => {
		const ada = { Id: 501, FullName: 'Ada Lovelace' };
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/spaces/coworkers')
			.query({ page: '1', size: '50', orderBy: 'FullName', dir: '1', Coworker_FullName: 'ada' })
			.reply(200, searchPage([ada], 1, 50, 51))
			.get('/spaces/coworkers')
			.query({ page: '2', size: '50', orderBy: 'FullName', dir: '1', Coworker_FullName: 'ada' })
			.reply(200, searchPage([], 2, 50, 51));
		const { context, nodeType } = editor();
		const search = nodeType.methods!.listSearch!.searchCoworkers;

		const first = await search.call(context, 'ada');
		const second = await search.call(context, 'ada', first.paginationToken as string);

		expect(first).toEqual({
			results: [{ name: 'Ada Lovelace', value: '501' }],
			paginationToken: '2',
		});
		expect(second).toEqual({ results: [], paginationToken: undefined });
		expectExactRequests(scope);
	});

	it('names tasks with their coworker', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks')
			.query({ page: '1', size: '50', orderBy: 'Name', dir: '1' })
			.reply(
				200,
				searchPage(
					[{ Id: 1001, Name: 'Send welcome pack', CoworkerFullName: 'Ada Lovelace' }],
					1,
					50,
					1,
				),
			);
		const { context, nodeType } = editor();

		const found = await nodeType.methods!.listSearch!.searchCoworkerTasks.call(context);

		expect(found.results).toEqual([{ name: 'Send welcome pack (Ada Lovelace)', value: '1001' }]);
		expectExactRequests(scope);
	});
});

describe('Nexudus › commands in the editor', () => {
	const commands = [
		{
			Key: 'COMPLETE_TASKS',
			Name: 'Mark as completed',
			AppliesOnlyToOneEntity: false,
			RequiresParameters: [],
		},
		{
			Key: 'ASSIGN_RESPONSIBLE',
			Name: 'Assign to user',
			AppliesOnlyToOneEntity: true,
			RequiresParameters: [{ Name: 'ResponsibleId', Type: 'int' }],
		},
	];

	it("loads the selected resource's commands live", async () => {
		const scope = nock(BASE_URL).get('/crm/coworkertasks/commands').reply(200, commands);
		const { context, nodeType } = editor({ resource: 'coworkerTask', operation: 'runCommand' });

		const options = await nodeType.methods!.loadOptions!.getCommands.call(context);

		expect(options).toEqual([
			{ name: 'Mark as completed', value: 'COMPLETE_TASKS', description: undefined },
			{
				name: 'Assign to user',
				value: 'ASSIGN_RESPONSIBLE',
				description: 'Runs on exactly one record',
			},
		]);
		expectExactRequests(scope);
	});

	it('offers the parameters the selected command requires', async () => {
		const scope = nock(BASE_URL).get('/crm/crmopportunityhistories/commands').reply(200, commands);
		const { context, nodeType } = editor({
			resource: 'crmOpportunityHistory',
			operation: 'runCommand',
			command: 'ASSIGN_RESPONSIBLE',
		});

		const options = await nodeType.methods!.loadOptions!.getCommandParameters.call(context);

		expect(options).toEqual([
			{ name: 'ResponsibleId', value: 'ResponsibleId', description: 'Type: int' },
		]);
		expectExactRequests(scope);
	});
});
