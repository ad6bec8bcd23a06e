import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';

const { properties } = new Nexudus().description;

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every field of the node, the options of collections and of operation selectors included. */
function* fieldsOf(items: Described[], path: string): Generator<[string, Described]> {
	for (const item of items) {
		const here = `${path} › ${'displayName' in item ? item.displayName : item.name}`;
		yield [here, item];
		if ('values' in item) yield* fieldsOf(item.values, here);
		if ('options' in item && item.options && (item as INodeProperties).type !== 'options') {
			yield* fieldsOf(item.options as Described[], here);
		}
	}
}

const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((selector) => selector.options as INodePropertyOptions[]);
const texts = [
	...operations.flatMap((operation) => [operation.name, operation.action, operation.description]),
	...[...fieldsOf(properties, '')].flatMap(([, field]) => [
		'displayName' in field ? field.displayName : field.name,
		'description' in field ? field.description : undefined,
	]),
].filter((text): text is string => typeof text === 'string');

describe('Nexudus › words', () => {
	it('describes every operation', () => {
		expect(operations.filter((operation) => !operation.description).map((o) => o.value)).toEqual(
			[],
		);
	});

	it('describes every field', () => {
		const undescribed = [...fieldsOf(properties, '')]
			// The Operation selector is described by its options (see above); a hint describes too.
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

	it('uses "an" before a vowel: "an opportunity history entry"', () => {
		expect(texts.filter((text) => /\ba [aeiou]/i.test(text))).toEqual([]);
		expect(operations.map((operation) => operation.action)).toContain(
			'Create an opportunity history entry',
		);
	});

	it('gives one name per resource: Coworker Task and Opportunity History Entry', () => {
		const resource = properties.find((property) => property.name === 'resource')!;
		expect((resource.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'Coworker Task',
			'Opportunity History Entry',
		]);
		expect(
			texts.filter((text) =>
				/Coworker task\b|opportunity histories|CRM Opportunity History/.test(text),
			),
		).toEqual([]);
	});

	it('names range bounds without repeating words ("From Time From") and starts no ID at 0', () => {
		expect(texts.filter((text) => /\b(\w+) .*\b\1$/.test(text) && /From$|To$/.test(text))).toEqual(
			[],
		);
		const idBounds = [...fieldsOf(properties, '')]
			.map(([, field]) => field)
			.filter(
				(field): field is INodeProperties => 'name' in field && /^(from|to)Id$/.test(field.name),
			);
		expect(idBounds.length).toBeGreaterThan(0);
		expect(idBounds.filter((field) => field.default === 0)).toEqual([]);
	});
});
