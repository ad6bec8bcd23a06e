/**
 * Find: every filter, the custom field conditions, the date bounds and the sort together in one
 * POST /tasks/search body, and bad input refused before anything is sent. The harness' workflow
 * has no time zone setting, so it runs in n8n's default, America/New_York: a time typed without an
 * offset is New York time (EST, UTC-5, in winter; EDT, UTC-4, in summer).
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { runCopper } from './runCopper';
import { NEWEST_FIRST, customFieldDefinitions, searchBody, searchTasks } from './searchApi';
import definitions from './fixtures/search-definitions.json';
import presentedTask from './fixtures/search-task-output.json';
import task from './fixtures/search-task.json';

const find = (parameters: INodeParameters) => runCopper('find', parameters);

describe('Copper › find', () => {
	it('sends every filter, custom field conditions, date bounds and sort in one search body', async () => {
		const definitionsScope = customFieldDefinitions(definitions);
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await find({
			filters: {
				ids: '27140359, 27140360',
				assigneeIds: [137658, -2],
				projectIds: [-2],
				opportunityIds: [8520771, -2],
				statuses: ['Open', 'Completed'],
				tags: 'renewal, phone ',
				followed: 1,
				customFields: {
					condition: [
						{ definition: 9001, value: 'North' },
						{ definition: 9002, value: 'yes' },
						{ definition: 9003, value: 'email', includeEmpty: true },
						{ definition: 9004, value: 'Alpha, Gamma', match: 'ALL' },
						{ definition: 9005, minimum: '2026-01-01', maximum: '2026-06-30T12:00:00Z' },
						{ definition: 9006, minimum: '10.5', maximum: '250' },
					],
				},
			},
			dateRange: {
				// 09:00 New York time in December (EST) is 14:00 UTC.
				minimumDueDate: '2026-12-07T09:00:00',
				maximumDueDate: '2026-12-13T17:30:00+01:00',
				// Midnight New York time in July (EDT) is 04:00 UTC.
				minimumCreatedDate: '2026-07-01',
				maximumCreatedDate: '2026-07-31T23:59:59Z',
				// Still EDT: New York leaves daylight saving time at 02:00 that day.
				minimumModifiedDate: '2026-11-01T00:00:00',
				maximumModifiedDate: '2026-11-22',
			},
			sortBy: 'due_date',
			sortDirection: 'asc',
			returnAll: false,
			limit: 20,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: {
					ids: [27140359, 27140360],
					assignee_ids: [137658, -2],
					project_ids: [-2],
					opportunity_ids: [8520771, -2],
					statuses: ['Open', 'Completed'],
					tags: ['renewal', 'phone'],
					followed: 1,
					minimum_due_date: 1796652000, // 2026-12-07T14:00:00Z
					maximum_due_date: 1797179400, // 2026-12-13T16:30:00Z
					minimum_created_date: 1782878400, // 2026-07-01T04:00:00Z
					maximum_created_date: 1785542399, // 2026-07-31T23:59:59Z
					minimum_modified_date: 1793505600, // 2026-11-01T04:00:00Z
					maximum_modified_date: 1795323600, // 2026-11-22T05:00:00Z
					custom_fields: [
						{ custom_field_definition_id: 9001, value: 'North' },
						{ custom_field_definition_id: 9002, value: true },
						{ custom_field_definition_id: 9003, value: [302], allow_empty: true },
						{ custom_field_definition_id: 9004, value: [401, 403], option: 'ALL' },
						{
							custom_field_definition_id: 9005,
							// A date without an offset is in the workflow's time zone (America/New_York), as for the task's own dates.
							minimum_value: 1767243600, // 2026-01-01T05:00:00Z
							maximum_value: 1782820800, // 2026-06-30T12:00:00Z
						},
						{ custom_field_definition_id: 9006, minimum_value: 10.5, maximum_value: 250 },
					],
					sort_by: 'due_date',
					sort_direction: 'asc',
					page_number: 1,
					page_size: 20,
				},
			},
		]);
		expectExactRequests(definitionsScope, scope);
	});

	it('sends "not followed" as 2, and "none" alone as -2 from an expression giving text or a number', async () => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await find({
			filters: { followed: 2, assigneeIds: '={{ "-2" }}', opportunityIds: '={{ [-2] }}' },
			returnAll: true,
		});

		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: searchBody(
					{ followed: 2, assignee_ids: [-2], opportunity_ids: [-2], ...NEWEST_FIRST },
					1,
					200,
				),
			},
		]);
		expectExactRequests(scope);
	});

	it('takes IDs given as a number or a list of numbers by an expression', async () => {
		const { scope, sent } = searchTasks([
			{ tasks: [task], total: 1 },
			{ tasks: [task], total: 1 },
		]);

		const one = await find({ filters: { ids: '={{ 27140359 }}' }, returnAll: true });
		const two = await find({
			filters: { ids: '={{ [27140359, 27140360] }}', assigneeIds: '={{ 137658 }}' },
			returnAll: true,
		});

		expect(one.json).toEqual([presentedTask]);
		expect(two.json).toEqual([presentedTask]);
		expect(sent).toEqual([
			{ path: '/tasks/search', body: searchBody({ ids: [27140359], ...NEWEST_FIRST }, 1, 200) },
			{
				path: '/tasks/search',
				body: searchBody(
					{ ids: [27140359, 27140360], assignee_ids: [137658], ...NEWEST_FIRST },
					1,
					200,
				),
			},
		]);
		expectExactRequests(scope);
	});

	it('leaves out filters and dates added but left empty, and reads no definitions', async () => {
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await find({
			filters: {
				ids: '',
				assigneeIds: [],
				projectIds: [],
				opportunityIds: [],
				statuses: [],
				tags: ' ',
				customFields: {},
			},
			dateRange: { minimumDueDate: '', maximumModifiedDate: '' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([presentedTask]);
		expect(sent).toEqual([{ path: '/tasks/search', body: searchBody(NEWEST_FIRST, 1, 200) }]);
		expectExactRequests(scope);
	});

	it('matches an empty dropdown or multi-select with an empty option list', async () => {
		const definitionsScope = customFieldDefinitions(definitions);
		const { scope, sent } = searchTasks([{ tasks: [task], total: 1 }]);

		const run = await find({
			filters: {
				customFields: {
					condition: [
						{ definition: '={{ "9003" }}', value: '' },
						{ definition: 9004, value: '402' },
					],
				},
			},
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(sent).toEqual([
			{
				path: '/tasks/search',
				body: searchBody(
					{
						...NEWEST_FIRST,
						custom_fields: [
							{ custom_field_definition_id: 9003, value: [] },
							{ custom_field_definition_id: 9004, value: [402], option: 'ANY' },
						],
					},
					1,
					200,
				),
			},
		]);
		expectExactRequests(definitionsScope, scope);
	});

	describe('refuses bad input before any search', () => {
		it.each([
			[
				'a status Copper does not have',
				{ filters: { statuses: '={{ ["Open", "Done"] }}' } },
				'Invalid value for "Statuses": Expected one of: Completed, Open',
			],
			[
				'a task ID that is not a number',
				{ filters: { ids: '27140359, abc' } },
				'Invalid value for "IDs": Expected a positive whole number',
			],
			[
				'an assignee that is not a number',
				{ filters: { assigneeIds: '={{ [137658, "Ada"] }}' } },
				'Invalid value for "Assignees": Expected a positive whole number',
			],
			[
				'a sort Copper does not offer',
				{ sortBy: '={{ "password" }}' },
				'Invalid value for "Sort By": Expected one of: assigned_to, completed_date, date_created, due_date, date_modified, name, priority, related_to, reminder_date, status',
			],
			[
				'an impossible date',
				{ dateRange: { minimumDueDate: '2026-02-30' } },
				'Invalid value for "Earliest Due Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
			],
			[
				'a minimum after its maximum',
				{
					dateRange: {
						minimumModifiedDate: '2026-11-22T10:00:00Z',
						maximumModifiedDate: '2026-11-22T09:59:59Z',
					},
				},
				'"Earliest Modified Date" is after "Latest Modified Date"',
			],
			[
				'a Limit of 0',
				{ returnAll: false, limit: 0 },
				'Invalid value for "Limit": Expected a whole number above 0',
			],
		])('%s', async (_, parameters, message) => {
			const run = await find({ returnAll: true, ...parameters } as INodeParameters);

			expect(run.json).toEqual([]);
			expect(run.error?.message).toBe(message);
			expectNoRequests();
		});
	});

	describe('refuses a bad custom field condition after reading the definitions only', () => {
		it.each([
			[
				'a field the account does not have',
				{ definition: 9999, value: 'x' },
				'Copper has no task custom field with the ID 9999',
			],
			[
				'an option the dropdown does not have',
				{ definition: 9003, value: 'Fax' },
				'Invalid value for custom field "Channel": Expected one of: Phone, Email, Visit',
			],
			[
				'a checkbox value that is not true or false',
				{ definition: 9002, value: 'maybe' },
				'Invalid value for custom field "Billable": Expected true or false',
			],
			[
				'a number range without bounds',
				{ definition: 9006, value: '12' },
				'Set a minimum or a maximum for the custom field "Budget"',
			],
			[
				'a text field without a value',
				{ definition: 9001, value: '' },
				'Set a value for the custom field "Region"',
			],
		])('%s', async (_, condition, message) => {
			const definitionsScope = customFieldDefinitions(definitions);

			const run = await find({
				filters: { customFields: { condition: [condition] } },
				returnAll: true,
			});

			expect(run.json).toEqual([]);
			expect(run.error?.message).toBe(message);
			expectExactRequests(definitionsScope);
		});
	});
});
