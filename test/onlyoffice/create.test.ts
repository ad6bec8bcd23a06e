/**
 * Create: `POST /crm/task` with title, deadline, responsible and category, and the optional
 * fields. The workflow runs in America/New_York: on 2026-12-01 that is UTC−5.
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { MIKE, task } from './recordHelpers';
import { onlyoffice, picked, runTask, single } from './runOnlyoffice';

const required = (overrides: INodeParameters = {}): INodeParameters => ({
	title: 'Call Kim about the renewal',
	deadline: '2026-12-01T02:00:00',
	responsibleId: picked(MIKE),
	categoryId: picked('31', 'list'),
	additionalFields: {},
	...overrides,
});

const REQUIRED_BODY = {
	title: 'Call Kim about the renewal',
	deadline: '2026-12-01T07:00:00.000Z',
	responsibleId: MIKE,
	categoryId: 31,
};

describe('ONLYOFFICE › task › create', () => {
	it('sends the four required fields as JSON and outputs the new task unwrapped', async () => {
		const scope = onlyoffice()
			.post('/crm/task', REQUIRED_BODY)
			.matchHeader('content-type', 'application/json')
			.reply(201, single(task, 201));

		const run = await runTask('create', required());

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends every optional field: description, contact, linked record, notify and reminder', async () => {
		const scope = onlyoffice()
			.post('/crm/task', {
				...REQUIRED_BODY,
				description: 'Confirm the seat count.',
				contactId: 302,
				entityType: 'opportunity',
				entityId: 402,
				isNotify: true,
				alertValue: 15,
			})
			.reply(201, single(task, 201));

		const run = await runTask(
			'create',
			required({
				additionalFields: {
					description: 'Confirm the seat count.',
					contactId: picked('302', 'list'),
					entityType: 'opportunity',
					entityId: 402,
					isNotify: true,
					alertValue: 15,
				},
			}),
		);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends a deadline typed with an offset as that moment', async () => {
		const scope = onlyoffice()
			.post('/crm/task', { ...REQUIRED_BODY, deadline: '2026-12-01T07:00:00.000Z' })
			.reply(201, single(task, 201));

		const run = await runTask('create', required({ deadline: '2026-12-01T10:00:00+03:00' }));

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	// n8n itself stops a required field left empty in the editor; these are the values an expression
	// gives at run time (an empty mapped field, an ID from another system).
	it.each([
		['no title', { title: '' }, 'Invalid value for "Title": This field is required'],
		['a blank title', { title: '   ' }, 'Invalid value for "Title": This field is required'],
		[
			'no deadline',
			{ deadline: '' },
			'Invalid value for "Deadline": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'an invalid deadline',
			{ deadline: '31/12/2026' },
			'Invalid value for "Deadline": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'no responsible',
			{ responsibleId: '' },
			'Invalid value for "Responsible": Select a user or enter its ID',
		],
		[
			'a responsible that is not a GUID',
			{ responsibleId: '6f3c2b1a-0e9d-4c8b-a7f6' },
			'Invalid value for "Responsible": Enter a user ID (GUID), e.g. 6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101, or pick a user from the list',
		],
		[
			'no category',
			{ categoryId: '' },
			'Invalid value for "Category": Select a task category or enter its ID',
		],
		[
			'category 0',
			{ categoryId: '0' },
			'Invalid value for "Category": Enter a numeric ID, e.g. 1234, or pick a task category from the list',
		],
	])(
		'refuses %s from an expression, naming the field, before any request',
		async (_, item, message) => {
			const [field] = Object.keys(item);
			const expression = `={{ $json.${field} }}`;
			const parameter = field.endsWith('Id') ? picked(expression, 'list') : expression;

			const run = await runTask('create', required({ [field]: parameter }), { input: [item] });

			expect(run.error?.message).toBe(message);
			expect(run.json).toEqual([]);
			expectNoRequests();
		},
	);

	it.each([
		[
			'an unknown linked record type',
			{ entityType: 'contact' },
			'Invalid value for "Linked Record Type": Expected one of: case, opportunity',
		],
		[
			'a contact that is not a number',
			{ contactId: picked('Kim', 'list') },
			'Invalid value for "Contact": Enter a numeric ID, e.g. 1234, or pick a contact from the list',
		],
		[
			'a reminder that is not a number',
			{ alertValue: '={{ "soon" }}' },
			'Invalid value for "Reminder (Minutes Before)": Expected a number',
		],
	])('refuses %s, naming the field, before any request', async (_, additionalFields, message) => {
		const run = await runTask('create', required({ additionalFields }));

		expect(run.error?.message).toBe(message);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});
