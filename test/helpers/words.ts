import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/** Anything of a node description that users read: a field, an option, a collection entry. */
export type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/**
 * Every field of a node, with its path of labels: the options of collections and fixed
 * collections always, the choices of option lists unless `choices` is false.
 */
export function* fieldsOf(
	items: Described[],
	path = '',
	choices = true,
): Generator<[string, Described]> {
	for (const item of items) {
		const here = `${path} › ${'displayName' in item ? item.displayName : item.name}`;
		yield [here, item];
		if ('values' in item) yield* fieldsOf(item.values, here, choices);
		const isChoiceList = (item as INodeProperties).type === 'options';
		if ('options' in item && item.options && (choices || !isChoiceList)) {
			yield* fieldsOf(item.options as Described[], here, choices);
		}
	}
}

/** The operations of every Operation selector of a node. */
export const operationsOf = (properties: INodeProperties[]) =>
	properties
		.filter((property) => property.name === 'operation')
		.flatMap((selector) => selector.options as INodePropertyOptions[]);

/** Words n8n's Title Case leaves in lower case inside a label. */
const SMALL = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Whether every word of a label starts with a capital (or a digit), small words aside. */
export const isTitleCase = (label: string) =>
	label
		.split(/[\s/]+/)
		.filter((word) => /^[a-z]/i.test(word))
		.every((word, index) => (index > 0 && SMALL.has(word)) || /^[A-Z]/.test(word));

/** The label of a field or option. */
export const labelOf = (field: Described) =>
	'displayName' in field ? field.displayName : field.name;

/** The fields (not notices, not the operation selector) without a description or a hint. */
export const undescribed = (properties: INodeProperties[]) =>
	[...fieldsOf(properties)]
		.filter(
			([, field]) =>
				'type' in field &&
				field.type !== 'notice' &&
				field.name !== 'operation' &&
				!field.description &&
				!field.hint,
		)
		.map(([path]) => path);
