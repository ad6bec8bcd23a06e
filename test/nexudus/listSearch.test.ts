import nock from 'nock';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
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

describe('Nexudus › opportunity and board column lists', () => {
	it('searches opportunities by customer name on the server, newest first, named with their stage', async () => {
		const opportunities = [
			{ Id: 5007, Name: null, CoworkerFullName: 'Ada Lovelace', CrmBoardColumnName: 'Won' },
			{ Id: 5002, Name: 'Second desk', CoworkerFullName: 'Ada Lovelace', CrmBoardColumnName: null },
		];
		const query = { size: '50', orderBy: 'Id', dir: '-1', CrmOpportunity_Coworker_FullName: 'ada' };
		const scope = nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
			.get('/crm/crmopportunities')
			.query({ ...query, page: '1' })
			.reply(200, searchPage(opportunities, 1, 50, 51))
			.get('/crm/crmopportunities')
			.query({ ...query, page: '2' })
			.reply(200, searchPage([], 2, 50, 51));
		const { context, nodeType } = editor();
		const search = nodeType.methods!.listSearch!.searchCrmOpportunities;

		const first = await search.call(context, 'ada');
		const second = await search.call(context, 'ada', first.paginationToken as string);

		expect(first).toEqual({
			results: [
				{ name: 'Ada Lovelace (Won)', value: '5007' },
				{ name: 'Ada Lovelace: Second desk', value: '5002' },
			],
			paginationToken: '2',
		});
		expect(second).toEqual({ results: [], paginationToken: undefined });
		expectExactRequests(scope);
	});

	it('searches board columns by name on the server, named with their board', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/crmboardcolumns')
			.query({ page: '1', size: '50', orderBy: 'Name', dir: '1', CrmBoardColumn_Name: 'tour' })
			.reply(
				200,
				searchPage(
					[
						{ Id: 4003, Name: 'Tour booked', CrmBoardName: 'Sales' },
						{ Id: 4013, Name: 'Tour done', CrmBoardName: null },
					],
					1,
					50,
					2,
				),
			);
		const { context, nodeType } = editor();

		const found = await nodeType.methods!.listSearch!.searchCrmBoardColumns.call(context, 'tour');

		expect(found).toEqual({
			results: [
				{ name: 'Tour booked (Sales)', value: '4003' },
				{ name: 'Tour done', value: '4013' },
			],
			paginationToken: undefined,
		});
		expectExactRequests(scope);
	});
});

describe('Nexudus › commands in the editor', () => {
	const commands = [
		{
			Key: 'COMPLETE_TASKS',
			Name: 'Mark as completed',
			AppliesOnlyToOneEntity: false,
			NeedsEntitiesToRun: true,
			RequiresParameters: [],
		},
		{
			Key: 'ASSIGN_RESPONSIBLE',
			Name: 'Assign to user',
			AppliesOnlyToOneEntity: true,
			NeedsEntitiesToRun: true,
			RequiresParameters: [
				{ Name: 'ResponsibleId', Type: 'int' },
				{ Name: 'DueDate', Type: 'DateTime' },
				{ Name: 'Days', Type: 'int' },
				{ Name: 'NotifyByEmail', Type: 'bool' },
				{ Name: 'Reason', Type: 'string' },
			],
		},
		{
			Key: 'SEND_TASK_DIGEST',
			Name: 'Email the task digest',
			NeedsEntitiesToRun: false,
			RequiresParameters: [],
		},
	];

	it("loads the selected resource's commands live, saying which records each runs on", async () => {
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
			{
				name: 'Email the task digest',
				value: 'SEND_TASK_DIGEST',
				description: 'Runs without records: leave Record IDs empty',
			},
		]);
		expectExactRequests(scope);
	});

	it("shows the command's parameters as fields of their type, users by name", async () => {
		const users = (page: number) =>
			page === 1
				? [
						{ Id: 3002, FullName: 'Olivia Operations' },
						{ Id: 3003, FullName: 'Sam Sales' },
					]
				: [{ Id: 3004, FullName: 'Cleo Community' }];
		const scope = nock(BASE_URL)
			.get('/crm/crmopportunityhistories/commands')
			.reply(200, commands)
			.get('/sys/users')
			.query({ page: '1', size: '1000', orderBy: 'FullName', dir: '1' })
			.reply(200, searchPage(users(1), 1, 1000, 1001))
			.get('/sys/users')
			.query({ page: '2', size: '1000', orderBy: 'FullName', dir: '1' })
			.reply(200, searchPage(users(2), 2, 1000, 1001));
		const { context, nodeType } = editor({
			resource: 'crmOpportunityHistory',
			operation: 'runCommand',
			command: 'ASSIGN_RESPONSIBLE',
		});

		const mapping =
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context);

		const field = { required: true, defaultMatch: false, canBeUsedToMatch: false, display: true };
		expect(mapping).toEqual({
			fields: [
				{
					...field,
					id: 'ResponsibleId',
					displayName: 'ResponsibleId',
					type: 'options',
					options: [
						{ name: 'Olivia Operations', value: 3002 },
						{ name: 'Sam Sales', value: 3003 },
						{ name: 'Cleo Community', value: 3004 },
					],
				},
				{ ...field, id: 'DueDate', displayName: 'DueDate', type: 'dateTime' },
				{ ...field, id: 'Days', displayName: 'Days', type: 'number' },
				{ ...field, id: 'NotifyByEmail', displayName: 'NotifyByEmail', type: 'boolean' },
				{ ...field, id: 'Reason', displayName: 'Reason', type: 'string' },
			],
		});
		expectExactRequests(scope);
	});

	it.each([
		['System.Int64?', 'number'],
		['Decimal', 'number'],
		['Boolean', 'boolean'],
		['DateTimeOffset', 'dateTime'],
		['Guid', 'string'],
		[null, 'string'],
	])('reads the Nexudus type %j as a %s field', async (Type, type) => {
		const typed = [{ Key: 'TYPED', Name: 'Typed', RequiresParameters: [{ Name: 'Value', Type }] }];
		const scope = nock(BASE_URL).get('/crm/coworkertasks/commands').reply(200, typed);
		const { context, nodeType } = editor({ resource: 'coworkerTask', command: 'TYPED' });

		const mapping =
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context);

		expect(mapping.fields.map((field) => field.type)).toEqual([type]);
		expectExactRequests(scope);
	});

	it('says so when the command needs no parameters', async () => {
		const scope = nock(BASE_URL).get('/crm/coworkertasks/commands').reply(200, commands);
		const { context, nodeType } = editor({
			resource: 'coworkerTask',
			operation: 'runCommand',
			command: 'COMPLETE_TASKS',
		});

		const mapping =
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context);

		expect(mapping).toEqual({
			fields: [],
			emptyFieldsNotice: 'Mark as completed needs no parameters',
		});
		expectExactRequests(scope);
	});

	it('asks for a command first, without a request', async () => {
		const { context, nodeType } = editor({ resource: 'coworkerTask', operation: 'runCommand' });

		const mapping =
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context);

		expect(mapping).toEqual({ fields: [], emptyFieldsNotice: 'Choose a command first' });
		expectNoRequests();
	});
});
