import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Copper } from '../../nodes/Copper/Copper.node';

const { properties } = new Copper().description;

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every field of the node, the options of collections and of option lists included. */
function* fieldsOf(items: Described[], path: string): Generator<[string, Described]> {
	for (const item of items) {
		const here = `${path} › ${'displayName' in item ? item.displayName : item.name}`;
		yield [here, item];
		if ('values' in item) yield* fieldsOf(item.values, here);
		if ('options' in item && item.options) yield* fieldsOf(item.options as Described[], here);
	}
}

const everything = [...fieldsOf(properties, '')];
const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((selector) => selector.options as INodePropertyOptions[]);

/** Words n8n's Title Case leaves in lower case inside a label. */
const SMALL = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Whether every word of a label starts with a capital (or a digit), small words aside. */
const isTitleCase = (label: string) =>
	label
		.split(/[\s/]+/)
		.filter((word) => /^[a-z]/i.test(word))
		.every((word, index) => (index > 0 && SMALL.has(word)) || /^[A-Z]/.test(word));

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
		const undescribed = everything
			.filter(
				([, field]) =>
					'type' in field &&
					field.type !== 'notice' &&
					field.name !== 'operation' &&
					!field.description &&
					!field.hint,
			)
			.map(([path]) => path);
		expect(undescribed).toEqual([]);
	});

	it('labels every field and option in Title Case', () => {
		const labels = everything.map(([path, field]) => [
			path,
			'displayName' in field ? field.displayName : field.name,
		]);
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
