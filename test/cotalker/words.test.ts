/**
 * What a no-code user reads in the Cotalker node and trigger: every operation and field described,
 * labels in Title Case, "an" before a vowel, and Delete saying plainly that it deactivates.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { Cotalker } from '../../nodes/Cotalker/Cotalker.node';
import { CotalkerTrigger } from '../../nodes/Cotalker/CotalkerTrigger.node';
import { fieldsOf, isTitleCase, labelOf, operationsOf, undescribed } from '../helpers/words';

const node = new Cotalker().description.properties;
const trigger = new CotalkerTrigger().description.properties;
const operations = operationsOf(node);

describe('Cotalker › words', () => {
	it('describes every operation of both resources, with an action', () => {
		expect(operations.map((operation) => operation.value)).toEqual([
			'create',
			'delete',
			'find',
			'get',
			'list',
			'runCommand',
			'range',
			'update',
			'create',
			'get',
			'list',
		]);
		expect(operations.filter((operation) => !operation.description || !operation.action)).toEqual(
			[],
		);
	});

	it.each([
		['node', node],
		['trigger', trigger],
	])('describes every field of the %s', (_, properties) => {
		expect(undescribed(properties)).toEqual([]);
	});

	it.each([
		['node', node],
		['trigger', trigger],
	])('labels every field and option of the %s in Title Case', (_, properties) => {
		const labels = [...fieldsOf(properties)]
			.filter(([, field]) => !('type' in field && field.type === 'notice'))
			.map(([path, field]) => [path, labelOf(field)]);
		expect(labels.filter(([, label]) => !isTitleCase(label))).toEqual([]);
	});

	it('uses "an" before a vowel sound ("a user" stays)', () => {
		const texts = [...fieldsOf([...node, ...trigger])].flatMap(([, field]) => [
			labelOf(field),
			'description' in field ? field.description : undefined,
			'action' in field ? field.action : undefined,
		]);
		expect(
			texts.filter((text) => typeof text === 'string' && /\ba (?!us|un[ai])[aeiou]/i.test(text)),
		).toEqual([]);
	});

	it('says plainly that Delete deactivates, in its name, its description and a notice', () => {
		const remove = operations.find((operation) => operation.value === 'delete')!;
		expect(remove.name).toBe('Delete (Deactivate)');
		expect(remove.description).toMatch(/^Cotalker has no delete: the task is deactivated/);
		const notice = node.find((property) => property.name === 'deactivateNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions).toEqual({ show: { resource: ['task'], operation: ['delete'] } });
		expect(notice.displayName).toMatch(/no way to delete a task/);
	});

	it('names the resources as Cotalker does: Task and Task Group', () => {
		const resource = node.find((property) => property.name === 'resource')!;
		expect((resource.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'Task',
			'Task Group',
		]);
	});
});
