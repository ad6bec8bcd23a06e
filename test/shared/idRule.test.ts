import type { INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';

import {
	fieldParameter,
	recordLocator,
	type RecordField,
	type RecordPicker,
} from '../../nodes/shared/fields';
import { readRecordFields } from '../../nodes/shared/fieldValues';
import { positiveWholeIds, textIds } from '../../nodes/shared/idRule';
import { readRecordId, recordField, type RecordTarget } from '../../nodes/shared/record';
import { checkParameters, idList } from '../../nodes/shared/validation';
import { itemContext } from '../helpers/itemContext';

// Rules as the next vendors would supply them: GUIDs (ONLYOFFICE users), Mongo ObjectIds (Cotalker).
const GUID = '9f6e2b1c-3d4a-4e5f-8a7b-0c1d2e3f4a5b';
const OBJECT_ID = '64b7f0c2a1e4d93b5c8f1a2e';
const guids = textIds({
	kind: 'a GUID',
	pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
	examples: [GUID, '0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b'],
});
const objectIds = textIds({
	kind: 'an ObjectId',
	pattern: '^[0-9a-fA-F]{24}$',
	examples: [OBJECT_ID, '64b7f0c2a1e4d93b5c8f1a2f'],
});

const userPicker: RecordPicker = { searchListMethod: 'searchUsers', noun: 'user', idRule: guids };
const taskTarget: RecordTarget = {
	resource: 'task',
	noun: 'task',
	path: '/tasks',
	picker: { searchListMethod: 'searchTasks', noun: 'task', idRule: objectIds },
};

/** The "By ID" mode of a resource locator, as the editor checks it. */
const byIdMode = (locator: INodeProperties) => {
	const mode = locator.modes!.find((candidate) => candidate.name === 'id')!;
	const [validation] = mode.validation as INodePropertyModeValidation[];
	const { regex, errorMessage } = validation.properties as { regex: string; errorMessage: string };
	return { placeholder: mode.placeholder, regex: new RegExp(regex), errorMessage };
};
const pickerMode = (picker: RecordPicker) =>
	byIdMode(recordLocator(picker, { displayName: 'User', name: 'user' }));

describe("the vendor's ID rule", () => {
	it('keeps the Nexudus "By ID" mode as it was: digits only', () => {
		const mode = pickerMode({
			searchListMethod: 'searchUsers',
			noun: 'user',
			idRule: positiveWholeIds,
		});
		expect(mode.placeholder).toBe('e.g. 1234567');
		expect(mode.errorMessage).toBe('Enter a numeric ID');
		expect(mode.regex.source).toBe('^\\d+$');
	});

	it('drives the "By ID" mode of a picker: regex, message and placeholder', () => {
		const guidMode = pickerMode(userPicker);
		expect(guidMode.placeholder).toBe(`e.g. ${GUID}`);
		expect(guidMode.errorMessage).toBe('Enter a GUID');
		expect(guidMode.regex.test(GUID)).toBe(true);
		expect(guidMode.regex.test(GUID.toUpperCase())).toBe(true);
		expect(guidMode.regex.test('1234567')).toBe(false);

		const taskMode = byIdMode(recordField(taskTarget, ['get']));
		expect(taskMode.placeholder).toBe(`e.g. ${OBJECT_ID}`);
		expect(taskMode.errorMessage).toBe('Enter an ObjectId');
		expect(taskMode.regex.test(OBJECT_ID)).toBe(true);
		expect(taskMode.regex.test(`${OBJECT_ID}0`)).toBe(false);
		expect(taskMode.regex.test('1234567')).toBe(false);
	});

	it('checks the picked record by the rule, naming the field', () => {
		const picked = (value: unknown) =>
			readRecordId<string>(itemContext({ recordId: { mode: 'id', value } }), taskTarget);
		expect(picked(` ${OBJECT_ID} `)).toBe(OBJECT_ID);
		expect(() => picked('1234567')).toThrow(
			`Invalid value for "Task": Enter an ObjectId, e.g. ${OBJECT_ID}, or pick a task from the list`,
		);
		expect(() => picked(GUID)).toThrow('Invalid value for "Task": Enter an ObjectId');
		expect(() => picked('')).toThrow('Invalid value for "Task": Select a task or enter its ID');
	});

	it("checks record fields by their picker's rule, naming the field", () => {
		const fields: RecordField[] = [
			{ property: 'responsible', displayName: 'Responsible', type: 'record', picker: userPicker },
		];
		const read = (value: unknown) =>
			readRecordFields(
				itemContext({ additionalFields: { responsible: value } }),
				fields,
				'additionalFields',
			);
		expect(read(GUID)).toEqual({ responsible: GUID });
		expect(() => read(OBJECT_ID)).toThrow(
			`Invalid value for "Responsible": Enter a GUID, e.g. ${GUID}, or pick a user from the list`,
		);
		expect(() => read(42)).toThrow('Invalid value for "Responsible": Enter a GUID');
	});

	it('parses ID lists by the rule, naming the field', () => {
		const rules = { ids: { label: 'IDs', schema: idList(objectIds.id) } };
		const ids = (value: unknown) => checkParameters(itemContext({ ids: value }), rules).ids;
		const other = '64b7f0c2a1e4d93b5c8f1a2f';
		expect(ids(`${OBJECT_ID}, ${other}`)).toEqual([OBJECT_ID, other]);
		expect(() => ids(`${OBJECT_ID}, 12`)).toThrow(
			`Invalid value for "IDs": Expected an ObjectId, e.g. ${OBJECT_ID}`,
		);
		expect(() => ids('')).toThrow('Invalid value for "IDs": Enter at least one ID');
		// The Nexudus list stays whole numbers.
		const numbers = { ids: { label: 'IDs', schema: idList(positiveWholeIds.id) } };
		expect(checkParameters(itemContext({ ids: '12, 15' }), numbers).ids).toEqual([12, 15]);
	});
});

describe('typed ID lists', () => {
	const listField = (idRule: typeof objectIds): RecordField => ({
		property: 'ids',
		displayName: 'IDs',
		type: 'recordList',
		picker: { searchListMethod: '', noun: 'record', idRule },
	});

	it('show two IDs of the rule as their placeholder', () => {
		expect(fieldParameter(listField(objectIds)).placeholder).toBe(
			`e.g. ${OBJECT_ID}, 64b7f0c2a1e4d93b5c8f1a2f`,
		);
		expect(fieldParameter(listField(guids)).placeholder).toBe(
			`e.g. ${GUID}, 0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b`,
		);
		expect(fieldParameter(listField(positiveWholeIds)).placeholder).toBe('e.g. 1234, 5678');
	});
});
