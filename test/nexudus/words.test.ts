import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { fieldsOf, labelOf, operationsOf, undescribed } from '../helpers/words';

const { properties } = new Nexudus().description;

const operations = operationsOf(properties);
const texts = [
	...operations.flatMap((operation) => [operation.name, operation.action, operation.description]),
	...[...fieldsOf(properties, '', false)].flatMap(([, field]) => [
		labelOf(field),
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
		expect(undescribed(properties)).toEqual([]);
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
		const idBounds = [...fieldsOf(properties, '', false)]
			.map(([, field]) => field)
			.filter(
				(field): field is INodeProperties => 'name' in field && /^(from|to)Id$/.test(field.name),
			);
		expect(idBounds.length).toBeGreaterThan(0);
		expect(idBounds.filter((field) => field.default === 0)).toEqual([]);
	});
});
