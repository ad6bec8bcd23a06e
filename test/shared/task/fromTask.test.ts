import type { RecordField } from '../../../nodes/shared/fields';
import { fieldsFromTask, unlessFromTask } from '../../../nodes/shared/task/fromTask';

const fields: RecordField[] = [
	{ property: 'name', displayName: 'Name', type: 'string', required: true },
	{ property: 'details', displayName: 'Details', type: 'text' },
	{ property: 'due_date', displayName: 'Due Date', type: 'dateTime' },
	{ property: 'assignee', displayName: 'Assignee Name or ID', type: 'options', required: true },
];
const target = {
	noun: 'task',
	fields,
	fromTask: {
		fills: ['name', 'details', 'due_date'],
		values: () => ({}),
	},
};
const show = { resource: ['task'], operation: ['create'] };

describe('shared Task › Set Fields From', () => {
	it('offers the fields one by one (the default) or a task, naming what the task sets', () => {
		const [selector, task] = fieldsFromTask(target, show);

		expect(selector).toMatchObject({
			displayName: 'Set Fields From',
			name: 'fieldsFrom',
			type: 'options',
			default: 'fields',
			displayOptions: { show },
		});
		expect(selector.options).toEqual([
			{
				name: 'Fields Below',
				value: 'fields',
				description: 'Set each field of the task in this node',
			},
			{
				name: 'Task From a Previous Node',
				value: 'task',
				description:
					'Take Name, Details and Due Date from a task that any CRM Tasks node output with Simplify on',
			},
		]);
		expect(task).toMatchObject({
			name: 'task',
			type: 'json',
			default: '={{ $json }}',
			required: true,
			displayOptions: { show: { ...show, fieldsFrom: ['task'] } },
		});
		expect(task.description).toContain('It sets Name, Details and Due Date');
	});

	it('adds nothing for a record that takes no task', () => {
		expect(fieldsFromTask({ noun: 'task category', fields }, show)).toEqual([]);
	});

	it('hides a required field only when the task fills it', () => {
		expect(unlessFromTask(target, fields[0])).toEqual({ fieldsFrom: ['fields'] });
		expect(unlessFromTask(target, fields[3])).toEqual({});
		expect(unlessFromTask({ noun: 'task', fields }, fields[0])).toEqual({});
	});
});
