import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { copper, presentedTask } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import definitions from './fixtures/record-definitions.json';
import task from './fixtures/record-task.json';

/**
 * Create through n8n-core's routing engine. The harness' workflow has no time zone setting, so
 * n8n's default, America/New_York, is the workflow's time zone: on 2026-12-01 that is UTC−5.
 */
const create = (name: string, additionalFields: INodeParameters = {}) =>
	runCopper('create', { name, additionalFields });

const customFields = (...field: INodeParameters[]) => ({ field });

describe('Copper › create', () => {
	it('posts only the name when nothing else is set, and outputs the new task', async () => {
		const created = { ...task, related_resource: { id: null, type: null }, custom_fields: [] };
		const scope = copper()
			.post('/tasks', { name: 'Call Ada about the renewal' })
			.matchHeader('content-type', 'application/json')
			.reply(200, created);

		const run = await create('Call Ada about the renewal');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{ ...presentedTask, related_resource: { id: null, type: null }, custom_fields: [] },
		]);
		expectExactRequests(scope);
	});

	it('posts every field in Copper’s form, custom fields typed by their definitions', async () => {
		const sent: string[] = [];
		const scope = copper()
			.get('/custom_field_definitions')
			.reply(200, () => {
				sent.push('definitions');
				return definitions;
			})
			.post('/tasks', {
				name: 'Call Ada about the renewal',
				assignee_id: 137659,
				// 09:00 in New York (UTC−5) and 14:30 at UTC+1: 14:00 and 13:30 UTC.
				due_date: 1796133600,
				reminder_date: 1796131800,
				priority: 'High',
				status: 'Open',
				details: 'Ask about the second office.',
				tags: ['renewal', 'phone'],
				related_resource: { id: 144296, type: 'project' },
				custom_fields: [
					{ custom_field_definition_id: 8, value: 1 },
					{ custom_field_definition_id: 12, value: [20, 22] },
					// A date custom field is midnight in the workflow's time zone: 05:00 UTC.
					{ custom_field_definition_id: 6, value: 1798088400 },
					{ custom_field_definition_id: 7, value: true },
					{ custom_field_definition_id: 9, value: 1.5 },
					{ custom_field_definition_id: 3, value: 'Prefers mornings' },
					{ custom_field_definition_id: 3, value: null },
				],
			})
			.reply(200, () => {
				sent.push('create');
				return task;
			});

		const run = await create('Call Ada about the renewal', {
			assigneeId: picked('137659', 'list'),
			dueDate: '2026-12-01T09:00:00',
			reminderDate: '2026-12-01T14:30:00+01:00',
			priority: 'High',
			status: 'Open',
			details: 'Ask about the second office.',
			tags: 'renewal, phone',
			relatedResource: { value: { type: 'project', id: picked('144296') } },
			customFields: customFields(
				{ definition: 8, value: 'phone' },
				{ definition: '12', value: 'Sales, Finance' },
				{ definition: 6, value: '2026-12-24' },
				{ definition: 7, value: 'yes' },
				{ definition: 9, value: '1.5' },
				{ definition: 3, value: 'Prefers mornings' },
				{ definition: '3', value: '' },
			),
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual(['definitions', 'create']);
		expectExactRequests(scope);
	});

	it('takes option IDs as well as names, and a checkbox unchecked', async () => {
		const scope = copper()
			.get('/custom_field_definitions')
			.reply(200, definitions)
			.post('/tasks', {
				name: 'Call Ada',
				custom_fields: [
					{ custom_field_definition_id: 8, value: 2 },
					{ custom_field_definition_id: 12, value: [21] },
					{ custom_field_definition_id: 7, value: false },
				],
			})
			.reply(200, task);

		const run = await create('Call Ada', {
			customFields: customFields(
				{ definition: 8, value: '2' },
				{ definition: 12, value: 'support' },
				{ definition: 7, value: 'no' },
			),
		});

		expect(run.json).toEqual([presentedTask]);
		expectExactRequests(scope);
	});

	it('fails on a missing name, naming it, before any request', async () => {
		const run = await create('   ', { priority: 'High' });

		expect(run.error?.message).toBe('Invalid value for "Name": This field is required');
		expect(run.json).toEqual([]);
		expectNoRequests();
	});

	it('fails on a date that is not one, naming the field, before any request', async () => {
		const run = await create('Call Ada', { dueDate: 'next Tuesday' });

		expect(run.error?.message).toBe(
			'Invalid value for "Due Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		);
		expectNoRequests();
	});

	it('fails on a related record that is not an ID, naming it, before any request', async () => {
		const run = await create('Call Ada', {
			relatedResource: { value: { type: 'project', id: picked('Website relaunch', 'list') } },
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Related Record: Record": Enter a numeric ID, e.g. 1234, or pick a record from the list',
		);
		expectNoRequests();
	});

	it.each([
		[
			{ definition: 8, value: 'Fax' },
			'Invalid value for custom field "Channel": Expected one of: Phone, Email',
		],
		[
			{ definition: 8, value: 'Phone, Email' },
			'Invalid value for custom field "Channel": Expected one option',
		],
		[
			{ definition: 12, value: 'Sales, Legal' },
			'Invalid value for custom field "Teams": Expected one of: Sales, Support, Finance',
		],
		[
			{ definition: 6, value: 'tomorrow' },
			'Invalid value for custom field "Follow-up on": Expected a date such as 2026-05-31',
		],
		[
			{ definition: 7, value: 'maybe' },
			'Invalid value for custom field "Billable": Expected true or false',
		],
		[
			{ definition: 9, value: 'a lot' },
			'Invalid value for custom field "Effort": Expected a number',
		],
		[{ definition: 99, value: 'x' }, 'Copper has no task custom field with the ID 99'],
	])(
		'refuses the custom field value %p after reading the definitions, naming the field',
		async (entry, message) => {
			const scope = copper().get('/custom_field_definitions').reply(200, definitions);

			const run = await create('Call Ada', { customFields: customFields(entry) });

			expect(run.error?.message).toBe(message);
			expect(run.json).toEqual([]);
			expectExactRequests(scope);
		},
	);

	it('refuses a custom field entry without a field, before any request', async () => {
		const run = await create('Call Ada', {
			customFields: customFields({ definition: '', value: 'x' }),
		});

		expect(run.error?.message).toBe(
			'Invalid value for "Custom Fields: Field Name or ID": Choose a custom field',
		);
		expectNoRequests();
	});
});
