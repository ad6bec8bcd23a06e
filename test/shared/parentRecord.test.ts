/**
 * Records that live inside another (RecordTarget.parent), e.g. a Cotalker task in its task group:
 * the URLs the routing engine resolves name the parent's ID from its own locator, encoded; code
 * gets the same path with the parent's ID checked first. Targets without a parent keep their
 * static paths exactly as before.
 */
import type { RecordTarget } from '../../nodes/shared/record';
import {
	parentField,
	recordIdRule,
	recordsPath,
	recordsUrl,
	recordUrl,
} from '../../nodes/shared/record';
import { objectIds, positiveWholeIds } from '../../nodes/shared/idRule';
import { checkParameters } from '../../nodes/shared/validation';
import { itemContext } from '../helpers/itemContext';

const picker = (noun: string) => ({ searchListMethod: 'search', noun, idRule: objectIds });

const task: RecordTarget = {
	resource: 'task',
	noun: 'task',
	path: '/api/v1/tasks/{taskGroup}/task',
	picker: picker('task'),
	parent: { parameter: 'taskGroup', picker: picker('task group') },
};

const plain: RecordTarget = {
	resource: 'task',
	noun: 'task',
	path: '/crm/task',
	picker: { searchListMethod: 'search', noun: 'task', idRule: positiveWholeIds },
};

const GROUP = '6a1e00000d00000000000001';
const TASK = '6a1e00000100000000000001';

describe('shared › records inside a parent', () => {
	it('keeps the static paths of records without a parent', () => {
		expect(recordsUrl(plain)).toBe('/crm/task');
		expect(recordUrl(plain)).toBe(
			'=/crm/task/{{ encodeURIComponent(String($parameter.recordId).trim()) }}',
		);
		expect(recordsPath(itemContext({}), plain)).toBe('/crm/task');
		expect(Object.keys(recordIdRule(plain))).toEqual(['recordId']);
	});

	it("names the parent's ID in the routing URLs, encoded", () => {
		expect(recordsUrl(task)).toBe(
			'=/api/v1/tasks/{{ encodeURIComponent(String($parameter.taskGroup).trim()) }}/task',
		);
		expect(recordUrl(task)).toBe(
			'=/api/v1/tasks/{{ encodeURIComponent(String($parameter.taskGroup).trim()) }}/task/{{ encodeURIComponent(String($parameter.recordId).trim()) }}',
		);
	});

	it("builds the path in code with the parent's ID checked and trimmed", () => {
		expect(
			recordsPath(itemContext({ taskGroup: { mode: 'list', value: ` ${GROUP} ` } }), task),
		).toBe(`/api/v1/tasks/${GROUP}/task`);
		expect(() =>
			recordsPath(itemContext({ taskGroup: { mode: 'id', value: 'a/b' } }), task),
		).toThrow(
			'Invalid value for "Task Group": Enter an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001, or pick a task group from the list',
		);
	});

	it("checks the parent's ID before the record's", () => {
		const context = itemContext({ taskGroup: 'nope', recordId: 'nope' });
		expect(Object.keys(recordIdRule(task))).toEqual(['taskGroup', 'recordId']);
		expect(() => checkParameters(context, recordIdRule(task))).toThrow(
			'Invalid value for "Task Group"',
		);
		expect(
			checkParameters(itemContext({ taskGroup: GROUP, recordId: TASK }), recordIdRule(task)),
		).toEqual({ taskGroup: GROUP, recordId: TASK });
	});

	it('offers the parent as a required locator on the given operations', () => {
		expect(parentField(task, ['get', 'list'])).toMatchObject({
			displayName: 'Task Group',
			name: 'taskGroup',
			type: 'resourceLocator',
			required: true,
			description: 'The task group the task is in',
			displayOptions: { show: { resource: ['task'], operation: ['get', 'list'] } },
		});
	});
});
