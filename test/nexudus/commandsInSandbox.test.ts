import type { INodeParameters } from 'n8n-workflow';

import { loadOptionsContext } from '../helpers/loadOptions';
import { NODE } from './credentials';
import { inNexudusSandbox } from './inSandbox';
import { runNexudus } from './runNexudus';

/**
 * Run Command and the opportunity pickers against the Nexudus emulator (test/sandbox), end to end
 * through n8n-core: the editor's methods, then the run, over real HTTP on the loopback.
 */
describe('Nexudus › commands and pickers against the sandbox', () => {
	const credentials = inNexudusSandbox();
	const editor = (parameters: INodeParameters = {}) =>
		loadOptionsContext(NODE, parameters, credentials());
	const run = (parameters: INodeParameters) =>
		runNexudus('coworkerTask', 'runCommand', parameters, { credentials: credentials() });

	it('offers a date picker and a switch for Postpone, then postpones and outputs the task', async () => {
		const { context, nodeType } = editor({
			resource: 'coworkerTask',
			operation: 'runCommand',
			command: 'POSTPONE_TASKS',
		});
		const mapping =
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context);
		expect(mapping.fields.map((field) => [field.id, field.type])).toEqual([
			['DueDate', 'dateTime'],
			['NotifyByEmail', 'boolean'],
		]);

		const postponed = await run({
			command: 'POSTPONE_TASKS',
			commandIds: '87654001',
			commandParameters: {
				mappingMode: 'defineBelow',
				value: { DueDate: '2026-12-24T09:00:00Z', NotifyByEmail: true },
				matchingColumns: [],
				schema: mapping.fields,
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		});

		expect(postponed.error).toBeUndefined();
		expect(
			postponed.json.map((task) => [task.Id, task.DueDate, task.NotifyByEmail, task.UpdatedOn]),
		).toEqual([[87654001, '2026-12-24T09:00:00Z', true, '2026-11-20T08:00:00Z']]);
	});

	it('lists the admin users by name for Assign, and assigns the one picked', async () => {
		const { context, nodeType } = editor({
			resource: 'coworkerTask',
			operation: 'runCommand',
			command: 'ASSIGN_RESPONSIBLE',
		});
		const [field] = (
			await nodeType.methods!.resourceMapping!.getCommandParameterFields.call(context)
		).fields;
		expect(field.options).toEqual([
			{ name: 'Cleo Community', value: 3004 },
			{ name: 'Olivia Operations', value: 3002 },
			{ name: 'Sam Sales', value: 3003 },
			{ name: 'Sandbox Admin', value: 3001 },
		]);

		const assigned = await run({
			command: 'ASSIGN_RESPONSIBLE',
			commandIds: '87654001, 87654002',
			commandParameters: {
				mappingMode: 'defineBelow',
				value: { ResponsibleId: 3004 },
				matchingColumns: [],
				schema: [field],
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		});

		expect(assigned.json.map((task) => [task.Id, task.ResponsibleFullName])).toEqual([
			[87654001, 'Cleo Community'],
			[87654002, 'Cleo Community'],
		]);
	});

	it('runs a command that needs no records', async () => {
		const digest = await run({ command: 'SEND_OVERDUE_DIGEST' });

		expect(digest.json).toEqual([
			{
				command: 'SEND_OVERDUE_DIGEST',
				message: "Command 'Email the overdue tasks digest' was run.",
				succeeded: true,
			},
		]);
	});

	it('finds opportunities by customer name and board columns by name', async () => {
		const { context, nodeType } = editor();
		const { searchCrmOpportunities, searchCrmBoardColumns } = nodeType.methods!.listSearch!;

		expect((await searchCrmOpportunities.call(context, 'ada')).results).toEqual([
			{ name: 'Ada Lovelace: Second desk (Tour booked)', value: '5002' },
			{ name: 'Ada Lovelace (Proposal sent)', value: '5001' },
		]);
		expect((await searchCrmBoardColumns.call(context, 'o')).results).toEqual([
			{ name: 'Contacted (Memberships)', value: '4002' },
			{ name: 'Lost (Memberships)', value: '4006' },
			{ name: 'Proposal sent (Memberships)', value: '4004' },
			{ name: 'Tour booked (Memberships)', value: '4003' },
			{ name: 'Won (Memberships)', value: '4005' },
		]);
	});
});
