import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/inputError';
import { isEmpty } from '../../../shared/validation';
import {
	customFieldValue,
	definitionOf,
	taskDefinitions,
	type CustomFieldDefinition,
} from './customFields';

/** The custom field filters of Find, inside its Filters collection. */
export const customFieldFilters: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	placeholder: 'Add Custom Field Filter',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Tasks whose custom fields match every condition you add',
	options: [
		{
			displayName: 'Condition',
			name: 'condition',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'definition',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFieldDefinitions' },
					default: '',
					description:
						'The custom field to filter by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Include Empty',
					name: 'includeEmpty',
					type: 'boolean',
					default: false,
					description: 'Whether tasks with no value in the field match too',
				},
				{
					displayName: 'Match',
					name: 'match',
					type: 'options',
					options: [
						{
							name: 'All of the Options',
							value: 'ALL',
						},
						{
							name: 'Any of the Options',
							value: 'ANY',
						},
					],
					default: 'ANY',
					description: 'For multi-selects: whether a task needs all the options or any of them',
				},
				{
					displayName: 'Maximum',
					name: 'maximum',
					type: 'string',
					default: '',
					description: 'For number, currency, percentage and date fields: the highest value',
				},
				{
					displayName: 'Minimum',
					name: 'minimum',
					type: 'string',
					default: '',
					description: 'For number, currency, percentage and date fields: the lowest value',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'For text fields: text the value contains. For checkboxes: true or false. For dropdowns and multi-selects: option names separated by commas, or nothing for tasks with no option chosen.',
				},
			],
		},
	],
};

const RANGED = ['Date', 'Float', 'Percentage', 'Currency'];

/** One condition in Copper's "search by custom field" form. */
function condition(
	context: IExecuteSingleFunctions,
	definition: CustomFieldDefinition,
	entry: IDataObject,
): IDataObject {
	const filter: IDataObject = { custom_field_definition_id: definition.id };
	const type = definition.data_type;
	if (RANGED.includes(type)) {
		for (const [side, key] of [
			['minimum', 'minimum_value'],
			['maximum', 'maximum_value'],
		]) {
			if (!isEmpty(entry[side]))
				filter[key] = customFieldValue(context, definition, entry[side]) as IDataObject[string];
		}
		if (!('minimum_value' in filter) && !('maximum_value' in filter)) {
			throw inputError(
				context,
				`Set a minimum or a maximum for the custom field "${definition.name}"`,
				{ description: `${type} fields are filtered by range.` },
			);
		}
	} else if (type === 'Dropdown' || type === 'MultiSelect') {
		// Nothing chosen matches tasks whose field is empty.
		filter.value = isEmpty(entry.value)
			? []
			: [
					customFieldValue(context, { ...definition, data_type: 'MultiSelect' }, entry.value),
				].flat();
		if (type === 'MultiSelect') filter.option = entry.match ?? 'ANY';
	} else {
		if (isEmpty(entry.value)) {
			throw inputError(context, `Set a value for the custom field "${definition.name}"`);
		}
		filter.value = customFieldValue(context, definition, entry.value) as IDataObject[string];
	}
	if (entry.includeEmpty === true) filter.allow_empty = true;
	return filter;
}

/** The custom field conditions the user added, in Copper's form; none when there are none. */
export async function readCustomFieldFilters(
	context: IExecuteSingleFunctions,
): Promise<IDataObject[] | undefined> {
	const entries = context.getNodeParameter('filters.customFields.condition', []) as IDataObject[];
	if (!entries.length) return undefined;
	const definitions = await taskDefinitions(context);
	return entries.map((entry) =>
		condition(context, definitionOf(context, definitions, entry.definition), entry),
	);
}
