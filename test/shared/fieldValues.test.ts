import type { RecordField } from '../../nodes/shared/fields';
import { readRecordFields } from '../../nodes/shared/fieldValues';
import { positiveWholeIds } from '../../nodes/shared/idRule';
import { itemContext } from '../helpers/itemContext';

const user = { searchListMethod: 'searchUsers', noun: 'user', idRule: positiveWholeIds };

/** One field of every kind the field table knows beyond text, numbers and switches. */
const fields: RecordField[] = [
	{
		property: 'priority',
		displayName: 'Priority',
		type: 'options',
		options: [
			{ name: 'High', value: 'High' },
			{ name: 'None', value: 'None' },
		],
	},
	{ property: 'tags', displayName: 'Tags', type: 'stringList' },
	{
		property: 'assignee_ids',
		displayName: 'Assignees',
		type: 'recordList',
		picker: user,
		loadOptionsMethod: 'getAssignees',
		none: { name: 'No Assignee', value: -2 },
	},
	{
		property: 'statuses',
		displayName: 'Statuses',
		type: 'optionList',
		options: [
			{ name: 'Completed', value: 'Completed' },
			{ name: 'Open', value: 'Open' },
		],
	},
	{
		property: 'related_resource',
		displayName: 'Related Record',
		type: 'object',
		fields: [
			{
				property: 'type',
				displayName: 'Related To',
				type: 'options',
				options: [{ name: 'Project', value: 'project' }],
			},
			{ property: 'id', displayName: 'Record', type: 'record', picker: user },
		],
	},
	{
		property: 'custom_fields',
		displayName: 'Custom Fields',
		type: 'customFields',
		definitions: { loadOptionsMethod: 'getDefinitions', definitionProperty: 'definition_id' },
	},
	{
		property: 'due_date',
		displayName: 'Due Date',
		type: 'dateTime',
		workflowTimeZone: true,
		formatDate: (date) => Math.floor(date.getTime() / 1000),
	},
];

const read = (set: Record<string, unknown>, options = {}, timeZone?: string) =>
	readRecordFields(itemContext({ set }, { timeZone }), fields, 'set', options);

describe('shared › field values', () => {
	it('turns every kind of field into its body form', () => {
		expect(
			read({
				priority: 'High',
				tags: ' vip, , follow-up ',
				assigneeIds: ['12', -2],
				statuses: ['Open'],
				relatedResource: { value: { type: 'project', id: { mode: 'id', value: '77' } } },
				customFields: {
					field: [
						{ definition: '6', value: 'Email' },
						{ definition: 'cf_x', value: '' },
					],
				},
				dueDate: '2026-03-29T03:30:00',
			}),
		).toEqual({
			priority: 'High',
			tags: ['vip', 'follow-up'],
			assignee_ids: [12, -2],
			statuses: ['Open'],
			related_resource: { type: 'project', id: 77 },
			custom_fields: [
				{ definition_id: 6, value: 'Email' },
				{ definition_id: 'cf_x', value: null },
			],
			due_date: Date.UTC(2026, 2, 29, 3, 30) / 1000,
		});
	});

	it("reads a time without an offset in the workflow's time zone, across a DST change", () => {
		// 2026-03-29 03:30 in Berlin is summer time (UTC+2); 01:30 that night is still winter (UTC+1).
		expect(read({ dueDate: '2026-03-29T03:30:00' }, {}, 'Europe/Berlin')).toEqual({
			due_date: Date.UTC(2026, 2, 29, 1, 30) / 1000,
		});
		expect(read({ dueDate: '2026-03-29T01:30:00' }, {}, 'Europe/Berlin')).toEqual({
			due_date: Date.UTC(2026, 2, 29, 0, 30) / 1000,
		});
		expect(read({ dueDate: '2026-03-29T03:30:00+05:00' }, {}, 'Europe/Berlin')).toEqual({
			due_date: Date.UTC(2026, 2, 28, 22, 30) / 1000,
		});
	});

	it('leaves out what was added but left empty, when asked to (filters)', () => {
		expect(
			read(
				{ tags: '', assigneeIds: [], statuses: [], relatedResource: {}, priority: 'None' },
				{ skipEmpty: true },
			),
		).toEqual({ priority: 'None' });
	});

	it('names the field, and the part of an object, that is wrong', () => {
		expect(() => read({ priority: 'Urgent' })).toThrow(
			'Invalid value for "Priority": Expected one of: High, None',
		);
		expect(() => read({ assigneeIds: '12, abc' })).toThrow('Invalid value for "Assignees"');
		expect(() => read({ assigneeIds: '-3' })).toThrow('Invalid value for "Assignees"');
		expect(() => read({ statuses: ['Done'] })).toThrow(
			'Invalid value for "Statuses": Expected one of: Completed, Open',
		);
		expect(() =>
			read({ relatedResource: { value: { type: 'project', id: { mode: 'id', value: 'x' } } } }),
		).toThrow('Invalid value for "Related Record: Record"');
		expect(() => read({ customFields: { field: [{ definition: '', value: 'a' }] } })).toThrow(
			'Invalid value for "Custom Fields: Field Name or ID": Choose a custom field',
		);
	});
});
