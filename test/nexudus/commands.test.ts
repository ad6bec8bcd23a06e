import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { runNexudus } from './runNexudus';
import { written } from './fixtures/writeEnvelopes';

const commands = [
	{
		Key: 'COMPLETE_TASKS',
		Name: 'Mark as completed',
		AppliesOnlyToMultipleEntities: false,
		AppliesOnlyToOneEntity: false,
		AppliesOnlyToTwoEntities: false,
		NeedsEntitiesToRun: true,
		Order: 1,
		RequiresParameters: [],
	},
	{
		Key: 'ASSIGN_RESPONSIBLE',
		Name: 'Assign to user',
		AppliesOnlyToMultipleEntities: false,
		AppliesOnlyToOneEntity: false,
		AppliesOnlyToTwoEntities: false,
		NeedsEntitiesToRun: true,
		Order: 2,
		RequiresParameters: [{ Name: 'ResponsibleId', Type: 'int' }],
	},
];

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

describe('Nexudus › list commands', () => {
	it('lists the commands of the resource', async () => {
		const scope = api().get('/crm/coworkertasks/commands').reply(200, commands);

		const run = await runNexudus('coworkerTask', 'listCommands');

		expect(run.json).toEqual(commands);
		expectExactRequests(scope);
	});

	it('lists only the commands for one record when asked', async () => {
		const scope = api()
			.get('/crm/crmopportunityhistories/commands')
			.query({ id: '88' })
			.reply(200, commands.slice(0, 1));

		const run = await runNexudus('crmOpportunityHistory', 'listCommands', { commandsForId: '88' });

		expect(run.json).toEqual(commands.slice(0, 1));
		expectExactRequests(scope);
	});

	it('rejects a record ID that is not one, before any request', async () => {
		const run = await runNexudus('coworkerTask', 'listCommands', { commandsForId: '12; DROP' });

		expect(run.error?.message).toBe(
			'Invalid value for "Only for Record ID": Expected a positive whole number',
		);
		expectNoRequests();
	});
});

describe('Nexudus › run command', () => {
	const runCommand = (parameters: INodeParameters) =>
		runNexudus('coworkerTask', 'runCommand', { ...parameters });

	it('posts the key, the ids and the parameters, and outputs the result', async () => {
		const result = written(null, 'Command executed on 2 records.');
		const scope = api()
			.post('/crm/coworkertasks/runcommand', {
				Key: 'ASSIGN_RESPONSIBLE',
				Ids: [1001, 1002],
				Parameters: [{ Name: 'ResponsibleId', Value: '71' }],
			})
			.reply(200, result);

		const run = await runCommand({
			command: 'ASSIGN_RESPONSIBLE',
			commandIds: '1001,1002',
			commandParameters: { parameter: [{ name: 'ResponsibleId', value: '71' }] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([result]);
		expectExactRequests(scope);
	});

	it('fails when Nexudus says WasSuccessful false, although HTTP says 200', async () => {
		const scope = api()
			.post('/crm/coworkertasks/runcommand')
			.reply(200, {
				Status: 500,
				Message: 'Task 1002 is already completed',
				Value: null,
				Errors: [{ PropertyName: 'Ids', Message: 'contains a completed task' }],
				WasSuccessful: false,
			});

		const run = await runCommand({ command: 'COMPLETE_TASKS', commandIds: '1002' });

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Task 1002 is already completed');
		expect(run.error?.description).toBe('Ids: contains a completed task');
		expectExactRequests(scope);
	});

	it('needs a command, also when an expression (or an AI agent) leaves it empty', async () => {
		const run = await runCommand({ command: '={{ "" }}', commandIds: '1002' });

		expect(run.error?.message).toBe('Invalid value for "Command": This field is required');
		expectNoRequests();
	});
});
