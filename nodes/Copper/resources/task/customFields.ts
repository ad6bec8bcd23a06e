import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { parseDate, toUnixSeconds } from '../../../shared/dates';
import { inputError } from '../../../shared/inputError';
import { vendorRequest } from '../../../shared/transport/request';
import { copperApi, copperBaseUrl } from '../../transport';

/** A custom field definition as Copper describes it (GET /custom_field_definitions). */
export interface CustomFieldDefinition {
	id: number;
	name: string;
	data_type: string;
	available_on?: string[];
	options?: Array<{ id: number; name: string }>;
}

/** The custom field definitions of the account that apply to tasks, by ID. */
export async function taskDefinitions(
	context: IExecuteSingleFunctions,
): Promise<Map<number, CustomFieldDefinition>> {
	const definitions = await vendorRequest<CustomFieldDefinition[]>(context, copperApi, {
		method: 'GET',
		baseURL: await copperBaseUrl(context),
		url: '/custom_field_definitions',
	});
	return new Map(
		(Array.isArray(definitions) ? definitions : [])
			.filter((definition) => definition.available_on?.includes('task'))
			.map((definition) => [definition.id, definition]),
	);
}

/** The definition of `id`, or an error naming the ID when the account has none such. */
export function definitionOf(
	context: IExecuteSingleFunctions,
	definitions: Map<number, CustomFieldDefinition>,
	id: unknown,
): CustomFieldDefinition {
	const definition = definitions.get(Number(id));
	if (!definition) {
		throw inputError(context, `Copper has no task custom field with the ID ${String(id)}`, {
			description:
				'Choose the custom field from the list, or check in Copper that the ID is right and the field is available on tasks.',
		});
	}
	return definition;
}

const pieces = (value: unknown): unknown[] =>
	Array.isArray(value)
		? value
		: String(value)
				.split(',')
				.map((part) => part.trim())
				.filter((part) => part !== '');

/** Option IDs from option names or IDs, e.g. "Phone, Email" or [1, 2]. */
function optionIds(definition: CustomFieldDefinition, value: unknown): number[] | string {
	const options = definition.options ?? [];
	const ids: number[] = [];
	for (const piece of pieces(value)) {
		const option = options.find(
			(candidate) =>
				String(candidate.id) === String(piece).trim() ||
				candidate.name.toLowerCase() === String(piece).trim().toLowerCase(),
		);
		if (!option) return `Expected one of: ${options.map((candidate) => candidate.name).join(', ')}`;
		ids.push(option.id);
	}
	return ids;
}

const TRUE = ['true', 'yes', '1', 'on'];
const FALSE = ['false', 'no', '0', 'off'];

/**
 * A value as the definition's type takes it, or the reason it cannot be one. A date without an
 * offset is a time in `timeZone`, the workflow's, as for the task's own dates.
 */
function typed(definition: CustomFieldDefinition, value: unknown, timeZone: string): unknown {
	const text = String(value).trim();
	switch (definition.data_type) {
		case 'Checkbox':
			if (typeof value === 'boolean') return value;
			if (TRUE.includes(text.toLowerCase())) return true;
			if (FALSE.includes(text.toLowerCase())) return false;
			return { problem: 'Expected true or false' };
		case 'Date': {
			if (typeof value === 'number') return value;
			const date = parseDate(value, timeZone);
			return date ? toUnixSeconds(date) : { problem: 'Expected a date such as 2026-05-31' };
		}
		case 'Float':
		case 'Percentage':
		case 'Currency': {
			const number = typeof value === 'number' ? value : Number(text);
			return text !== '' && Number.isFinite(number) ? number : { problem: 'Expected a number' };
		}
		case 'Dropdown': {
			const ids = optionIds(definition, value);
			if (typeof ids === 'string') return { problem: ids };
			return ids.length === 1 ? ids[0] : { problem: 'Expected one option' };
		}
		case 'MultiSelect': {
			const ids = optionIds(definition, value);
			return typeof ids === 'string' ? { problem: ids } : ids;
		}
		default:
			return typeof value === 'string' ? value : text;
	}
}

/** A typed value for the custom field, failing with a message that names the field. */
export function customFieldValue(
	context: IExecuteSingleFunctions,
	definition: CustomFieldDefinition,
	value: unknown,
): unknown {
	const result = typed(definition, value, context.getTimezone());
	if (result && typeof result === 'object' && 'problem' in (result as IDataObject)) {
		throw inputError(
			context,
			`Invalid value for custom field "${definition.name}": ${String((result as IDataObject).problem)}`,
			{
				description: `The field is of type ${definition.data_type} and received ${JSON.stringify(value)}.`,
			},
		);
	}
	return result;
}

/**
 * The task body with each custom field value in its definition's form: option names become
 * option IDs, dates Unix seconds, and so on. An empty value stays null, which clears the field.
 */
export async function withTypedCustomFields(
	context: IExecuteSingleFunctions,
	body: IDataObject,
): Promise<IDataObject> {
	const entries = body.custom_fields as IDataObject[] | undefined;
	if (!entries?.length) return body;
	const definitions = await taskDefinitions(context);
	return {
		...body,
		custom_fields: entries.map((entry) => {
			const definition = definitionOf(context, definitions, entry.custom_field_definition_id);
			const value =
				entry.value === null ? null : customFieldValue(context, definition, entry.value);
			return { custom_field_definition_id: definition.id, value } as IDataObject;
		}),
	};
}
