import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Copper } from '../../nodes/Copper/Copper.node';
import { fieldsOf, isTitleCase, labelOf, operationsOf, undescribed } from '../helpers/words';

const { properties } = new Copper().description;

const everything = [...fieldsOf(properties)];
const operations = operationsOf(properties);

describe('Copper › words', () => {
	it('describes every operation, with an action', () => {
		expect(operations.map((operation) => operation.value)).toEqual([
			'create',
			'delete',
			'find',
			'get',
			'list',
			'range',
			'update',
		]);
		expect(operations.filter((operation) => !operation.description || !operation.action)).toEqual(
			[],
		);
	});

	it('describes every field', () => {
		expect(undescribed(properties)).toEqual([]);
	});

	it('labels every field and option in Title Case', () => {
		const labels = everything.map(([path, field]) => [path, labelOf(field)]);
		expect(labels.length).toBeGreaterThan(50);
		expect(labels.filter(([, label]) => !isTitleCase(label))).toEqual([]);
	});

	it('calls the record a Task, and its writable fields by their Copper names', () => {
		const create = properties.find((property) => property.name === 'additionalFields')!;
		expect((create.options as INodeProperties[]).map((field) => field.displayName)).toEqual([
			'Assignee',
			'Custom Fields',
			'Details',
			'Due Date',
			'Priority',
			'Related Record',
			'Reminder Date',
			'Status',
			'Tags',
		]);
		const clear = properties.find((property) => property.name === 'clearFields')!;
		expect((clear.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'assigneeId',
			'details',
			'dueDate',
			'relatedResource',
			'reminderDate',
			'tags',
		]);
	});

	it('uses "an" before a vowel', () => {
		const texts = everything.flatMap(([, field]) => [
			'displayName' in field ? field.displayName : field.name,
			'description' in field ? field.description : undefined,
		]);
		expect(texts.filter((text) => typeof text === 'string' && /\ba [aeiou]/i.test(text))).toEqual(
			[],
		);
	});
});
