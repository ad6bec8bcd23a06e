/**
 * The field table's `groupedValues` kind (values under a group and a key, e.g. Cotalker's
 * extensions `{collectionCode: {fieldCode: value}}`) and dropdowns loaded from the vendor
 * (`options` with a loadOptionsMethod, checked by the list's ID rule), and typed IDs in text fields
 * checked by an ID rule: their UI parameter, their checks and their body form.
 */
import type { RecordField } from '../../nodes/shared/fields';
import { fieldParameter } from '../../nodes/shared/fields';
import { readRecordFields } from '../../nodes/shared/fieldValues';
import { objectIds } from '../../nodes/shared/idRule';
import { itemContext } from '../helpers/itemContext';

const extensions: RecordField = {
	property: 'extensions',
	displayName: 'Extensions',
	type: 'groupedValues',
	grouping: { group: 'Collection Code', key: 'Field Code', entry: 'Extension Value' },
};

const status: RecordField = {
	property: 'status1',
	displayName: 'Status 1 Name or ID',
	type: 'options',
	loadOptionsMethod: 'getProperties',
	loadOptionsDependsOn: ['taskGroup.value'],
	idRule: objectIds,
};

const read = (set: Record<string, unknown>, fields = [extensions, status]) =>
	readRecordFields(itemContext({ set }), fields, 'set');

const entries = (...list: Array<[string, string, unknown]>) => ({
	entry: list.map(([group, key, value]) => ({ group, key, value })),
});

describe('shared › grouped values and loaded dropdowns', () => {
	it('nests entries by group and key, values keeping the type an expression gave them', () => {
		expect(
			read({
				extensions: entries(
					['project', 'budget', 12000],
					[' project ', ' client ', 'Acme'],
					['project', 'signed', true],
					['project', 'tags', ['a', 'b']],
					['billing', 'address', { city: 'Lima' }],
					['billing', 'code', ''],
					['billing', 'note', '  '],
				),
			}),
		).toEqual({
			extensions: {
				project: { budget: 12000, client: 'Acme', signed: true, tags: ['a', 'b'] },
				billing: { address: { city: 'Lima' }, code: null, note: null },
			},
		});
	});

	it('sends nothing for a field with no entries, and skips it as an empty filter', () => {
		expect(read({ extensions: {} })).toEqual({});
		expect(read({ extensions: { entry: [] } })).toEqual({});
		expect(
			readRecordFields(itemContext({ set: { extensions: {} } }), [extensions], 'set', {
				skipEmpty: true,
			}),
		).toEqual({});
	});

	it.each([
		[
			'an empty collection code',
			entries([' ', 'budget', 1]),
			'Invalid value for "Extensions: Collection Code": This field is required',
		],
		[
			'an empty field code',
			entries(['project', '', 1]),
			'Invalid value for "Extensions: Field Code": This field is required',
		],
		[
			'the same field twice in a collection',
			entries(['project', 'budget', 1], ['other', 'budget', 2], ['project ', 'budget', 3]),
			'"Extensions" sets project.budget twice (entry 3)',
		],
	])('refuses %s, naming it', (_, value, message) => {
		expect(() => read({ extensions: value })).toThrow(message);
	});

	it('shows entries of a group, a key and a value', () => {
		expect(fieldParameter(extensions)).toMatchObject({
			displayName: 'Extensions',
			name: 'extensions',
			type: 'fixedCollection',
			placeholder: 'Add Extension Value',
			typeOptions: { multipleValues: true },
			options: [
				{
					displayName: 'Extension Value',
					name: 'entry',
					values: [
						{ displayName: 'Collection Code', name: 'group', type: 'string', required: true },
						{ displayName: 'Field Code', name: 'key', type: 'string', required: true },
						{ displayName: 'Value', name: 'value', type: 'string' },
					],
				},
			],
		});
	});

	it('takes a loaded dropdown value by its ID rule, trimmed', () => {
		expect(read({ status1: ' 6a1e00000e00000000000003 ' })).toEqual({
			status1: '6a1e00000e00000000000003',
		});
		expect(() => read({ status1: 'high' })).toThrow(
			'Invalid value for "Status 1 Name or ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		);
	});

	it('takes any non-empty text from a loaded dropdown without an ID rule', () => {
		const plain: RecordField = { ...status, idRule: undefined };
		expect(read({ status1: 'high' }, [plain])).toEqual({ status1: 'high' });
		expect(() => read({ status1: ' ' }, [plain])).toThrow(
			'Invalid value for "Status 1 Name or ID": This field is required',
		);
	});

	it('checks a typed ID in a text field by the ID rule it names', () => {
		const workflow: RecordField = {
			property: 'smStateMachine',
			displayName: 'Workflow ID',
			type: 'string',
			idRule: objectIds,
		};
		expect(read({ smStateMachine: ' 6a1e00000f10000000000001' }, [workflow])).toEqual({
			smStateMachine: '6a1e00000f10000000000001',
		});
		expect(() => read({ smStateMachine: 'projects' }, [workflow])).toThrow(
			'Invalid value for "Workflow ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		);
	});

	it('shows a loaded dropdown with its method and what it depends on', () => {
		expect(fieldParameter(status)).toEqual({
			displayName: 'Status 1 Name or ID',
			name: 'status1',
			description: undefined,
			required: false,
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getProperties',
				loadOptionsDependsOn: ['taskGroup.value'],
			},
			default: '',
		});
	});
});
