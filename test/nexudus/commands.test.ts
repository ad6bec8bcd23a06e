import type { IDataObject, INodeParameters, ResourceMapperValue } from 'n8n-workflow';
import nock from 'nock';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { taskNumber } from './fixtures/coworkerTaskPage';
import { runNexudus } from './runNexudus';
import { written } from './fixtures/writeEnvelopes';

const command = (
	Key: string,
	Name: string,
	RequiresParameters: Array<{ Name: string; Type: string }> = [],
	scope: IDataObject = {},
) => ({
	Key,
	Name,
	AppliesOnlyToMultipleEntities: false,
	AppliesOnlyToOneEntity: false,
	AppliesOnlyToTwoEntities: false,
	NeedsEntitiesToRun: true,
	Order: 1,
	RequiresParameters,
	...scope,
});

const commands = [
	command('COMPLETE_TASKS', 'Mark as completed'),
	command('ASSIGN_RESPONSIBLE', 'Assign to user', [{ Name: 'ResponsibleId', Type: 'int' }]),
	command('POSTPONE_TASKS', 'Postpone', [
		{ Name: 'DueDate', Type: 'DateTime' },
		{ Name: 'Days', Type: 'int' },
		{ Name: 'NotifyByEmail', Type: 'bool' },
		{ Name: 'Reason', Type: 'string' },
	]),
	command('SEND_TASK_DIGEST', 'Email the task digest', [], { NeedsEntitiesToRun: false }),
	command('CONVERT_TO_BOOKING', 'Convert to booking', [], { AppliesOnlyToOneEntity: true }),
];

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

/** The Command Parameters value n8n's resource mapper stores for `value`. */
const mapped = (value: ResourceMapperValue['value']): ResourceMapperValue => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

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

	it('calls the record field "Record ID" and says what it does', () => {
		const field = new Nexudus().description.properties.find(
			(property) =>
				property.name === 'commandsForId' &&
				property.displayOptions?.show?.resource?.includes('coworkerTask'),
		);

		expect([field?.displayName, field?.hint]).toEqual([
			'Record ID',
			'Only list the commands that apply to this coworker task. Leave empty for all commands.',
		]);
	});

	it.each([['12; DROP'], ['0'], ['-3'], ['1.5']])(
		'rejects the record ID %j before any request',
		async (commandsForId) => {
			const run = await runNexudus('coworkerTask', 'listCommands', { commandsForId });

			expect(run.error?.message).toBe(
				'Invalid value for "Record ID": Expected a positive whole number',
			);
			expectNoRequests();
		},
	);
});

describe('Nexudus › run command', () => {
	const runCommand = (parameters: INodeParameters) =>
		runNexudus('coworkerTask', 'runCommand', { ...parameters });

	it('sends each parameter with its Nexudus type and outputs the records as Nexudus now has them', async () => {
		const [first, second] = [taskNumber(1), taskNumber(2)].map((task) => ({
			...task,
			ResponsibleId: 3002,
		}));
		const scope = api()
			.get('/crm/coworkertasks/commands')
			.reply(200, commands)
			.post('/crm/coworkertasks/runcommand', {
				Key: 'ASSIGN_RESPONSIBLE',
				Ids: [1001, 1002],
				Parameters: [{ Name: 'ResponsibleId', Value: 3002, Type: 'int' }],
			})
			.reply(200, written(null, 'Command executed on 2 records.'))
			.get('/crm/coworkertasks')
			.query({ id: '[1001,1002]', page: '1', size: '2' })
			.reply(200, [first, second]);

		const run = await runCommand({
			command: 'ASSIGN_RESPONSIBLE',
			commandIds: '1001, 1002',
			commandParameters: mapped({ ResponsibleId: 3002 }),
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([first, second]);
		expectExactRequests(scope);
	});

	it('sends dates in UTC, whole numbers, booleans and text as Nexudus expects them', async () => {
		const scope = api()
			.get('/crm/coworkertasks/commands')
			.reply(200, commands)
			.post('/crm/coworkertasks/runcommand', {
				Key: 'POSTPONE_TASKS',
				Ids: [1001],
				Parameters: [
					{ Name: 'DueDate', Value: '2026-12-01T08:30:00.000Z', Type: 'DateTime' },
					{ Name: 'Days', Value: 3, Type: 'int' },
					{ Name: 'NotifyByEmail', Value: false, Type: 'bool' },
					{ Name: 'Reason', Value: 'Waiting for the contract', Type: 'string' },
				],
			})
			.reply(200, written(null, 'Command executed on 1 record.'))
			.get('/crm/coworkertasks')
			.query({ id: '[1001]', page: '1', size: '1' })
			.reply(200, [taskNumber(1)]);

		const run = await runCommand({
			command: 'POSTPONE_TASKS',
			commandIds: '={{ 1001 }}',
			commandParameters: mapped({
				DueDate: '2026-12-01T09:30:00+01:00',
				Days: '3',
				NotifyByEmail: '={{ "false" }}',
				Reason: 'Waiting for the contract',
			}),
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([taskNumber(1)]);
		expectExactRequests(scope);
	});

	it('outputs a record that the command removed as deleted', async () => {
		const scope = api()
			.get('/crm/coworkertasks/commands')
			.reply(200, commands)
			.post('/crm/coworkertasks/runcommand')
			.reply(200, written(null, 'Command executed on 2 records.'))
			.get('/crm/coworkertasks')
			.query({ id: '[1002,1001]', page: '1', size: '2' })
			.reply(200, [taskNumber(1)])
			// Missing from the batch answer: read by itself, and gone.
			.get('/crm/coworkertasks/1002')
			.reply(404, '"Not found"', { 'Content-Type': 'application/json' });

		const run = await runCommand({ command: 'COMPLETE_TASKS', commandIds: '1002,1001' });

		expect(run.json).toEqual([{ Id: 1002, deleted: true }, taskNumber(1)]);
		expectExactRequests(scope);
	});

	it('runs a command that needs no records, and outputs what Nexudus said', async () => {
		const scope = api()
			.get('/crm/coworkertasks/commands')
			.reply(200, commands)
			.post('/crm/coworkertasks/runcommand', {
				Key: 'SEND_TASK_DIGEST',
				Ids: [],
				Parameters: [],
			})
			.reply(200, written(null, 'The digest was sent.'));

		const run = await runCommand({ command: 'SEND_TASK_DIGEST' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{ command: 'SEND_TASK_DIGEST', message: 'The digest was sent.', succeeded: true },
		]);
		expectExactRequests(scope);
	});

	it.each([
		['COMPLETE_TASKS', '', 'Mark as completed runs on records: enter at least one ID'],
		['CONVERT_TO_BOOKING', '1001,1002', 'Convert to booking runs on exactly one record'],
	])('refuses IDs that %s cannot run on, before running it', async (key, commandIds, message) => {
		const scope = api().get('/crm/coworkertasks/commands').reply(200, commands);

		const run = await runCommand({ command: key, commandIds });

		expect(run.error?.message).toBe(`Invalid value for "Record IDs": ${message}`);
		expectExactRequests(scope);
	});

	it.each([
		[{}, 'Invalid value for "ResponsibleId": Select a user or enter its ID'],
		[
			{ ResponsibleId: 'Olivia' },
			'Invalid value for "ResponsibleId": Enter a numeric ID, e.g. 1234, or pick a user from the list',
		],
	])('refuses the parameters %j, naming the parameter, before running', async (value, message) => {
		const scope = api().get('/crm/coworkertasks/commands').reply(200, commands);

		const run = await runCommand({
			command: 'ASSIGN_RESPONSIBLE',
			commandIds: '1001',
			commandParameters: mapped(value),
		});

		expect(run.error?.message).toBe(message);
		expectExactRequests(scope);
	});

	it.each([
		[{ DueDate: '2026-12-01', Days: 2.5 }, 'Invalid value for "Days": Expected a whole number'],
		[{ DueDate: '2026-12-01', Days: 'soon' }, 'Invalid value for "Days": Expected a whole number'],
		[
			{ Days: 1, DueDate: '2026-02-30' },
			'Invalid value for "DueDate": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			{ Days: 1, DueDate: '2026-12-01', Reason: ' ' },
			'Invalid value for "Reason": This field is required',
		],
	])('refuses the parameters %j by their Nexudus type, before running', async (value, message) => {
		const scope = api().get('/crm/coworkertasks/commands').reply(200, commands);

		const run = await runCommand({
			command: 'POSTPONE_TASKS',
			commandIds: '1001',
			commandParameters: mapped(value),
		});

		expect(run.error?.message).toBe(message);
		expectExactRequests(scope);
	});

	it('refuses a command that Nexudus does not offer, before running anything', async () => {
		const scope = api().get('/crm/coworkertasks/commands').reply(200, commands);

		const run = await runCommand({ command: 'NO_SUCH_COMMAND', commandIds: '1001' });

		expect([run.error?.message, run.error?.description]).toEqual([
			'Invalid value for "Command": Nexudus does not offer a command NO_SUCH_COMMAND here',
			'List Commands shows the commands Nexudus offers for your account.',
		]);
		expectExactRequests(scope);
	});

	it('refuses IDs that are not IDs, before any request', async () => {
		const run = await runCommand({ command: 'COMPLETE_TASKS', commandIds: '1001, x' });

		expect(run.error?.message).toBe(
			'Invalid value for "Record IDs": Expected a positive whole number',
		);
		expectNoRequests();
	});

	it('fails when Nexudus says WasSuccessful false, although HTTP says 200', async () => {
		const scope = api()
			.get('/crm/coworkertasks/commands')
			.reply(200, commands)
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
