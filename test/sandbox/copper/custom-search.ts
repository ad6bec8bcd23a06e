/**
 * Custom-field filters of a Copper search body, after Copper's "Search Entity by Custom Field"
 * page (vendors.md §2.3 points there; the page is not in the shared reference, so the shape is
 * the emulator's reading of it [?]):
 *
 *   custom_fields: [{ custom_field_definition_id, value?, minimum_value?, maximum_value?,
 *                     option?: 'ANY' | 'ALL', allow_empty?: boolean }]
 *
 * - String/Text/URL: `value` matches case-insensitively as a substring.
 * - Checkbox: `value` true/false (unset counts as false).
 * - Dropdown: `value` is an array of option ids, any of them matches.
 * - MultiSelect: `value` is an array of option ids; `option` ALL needs every id, ANY (default)
 *   one of them. `value: []` matches records with no option selected (seed 002's
 *   "Multi-Select Dropdown Set to Empty" example).
 * - Date/Float/Percentage/Currency: `minimum_value` / `maximum_value`, inclusive.
 * - `allow_empty: true` also matches records with no value.
 * Several entries AND together.
 */
import type { CustomFieldDefinition, CustomValue } from './model';

export interface CustomFieldFilter {
	custom_field_definition_id: number;
	value?: unknown;
	minimum_value?: number;
	maximum_value?: number;
	option?: 'ANY' | 'ALL';
	allow_empty?: boolean;
}

export type CustomFilterCheck = (custom: Map<number, CustomValue>) => boolean;

const isEmpty = (value: CustomValue | undefined) =>
	value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/** Builds the check for one filter entry, or returns an error message. */
export function customFilter(
	raw: unknown,
	definitions: CustomFieldDefinition[],
): CustomFilterCheck | string {
	const filter = (raw ?? {}) as CustomFieldFilter;
	const definition = definitions.find((item) => item.id === filter.custom_field_definition_id);
	if (!definition)
		return `Invalid custom_field_definition_id ${String(filter.custom_field_definition_id)}`;
	const test = valueTest(definition, filter);
	if (typeof test === 'string') return test;
	return (custom) => {
		const value = custom.get(definition.id);
		if (filter.allow_empty === true && isEmpty(value)) return true;
		return test(value);
	};
}

function valueTest(
	definition: CustomFieldDefinition,
	filter: CustomFieldFilter,
): ((value: CustomValue | undefined) => boolean) | string {
	const { value } = filter;
	switch (definition.data_type) {
		case 'Checkbox':
			if (typeof value !== 'boolean') return 'Checkbox filters need a boolean value';
			return (stored) => (stored === true) === value;
		case 'Dropdown': {
			if (!Array.isArray(value)) return 'Dropdown filters need an array of option ids';
			if (value.length === 0) return (stored) => isEmpty(stored);
			return (stored) => typeof stored === 'number' && value.includes(stored);
		}
		case 'MultiSelect': {
			if (!Array.isArray(value)) return 'MultiSelect filters need an array of option ids';
			if (value.length === 0) return (stored) => isEmpty(stored);
			const all = filter.option === 'ALL';
			return (stored) => {
				const ids = Array.isArray(stored) ? stored : [];
				return all
					? value.every((id) => ids.includes(id as number))
					: value.some((id) => ids.includes(id as number));
			};
		}
		case 'Date':
		case 'Float':
		case 'Percentage':
		case 'Currency': {
			const { minimum_value: min, maximum_value: max } = filter;
			if (min === undefined && max === undefined) {
				return `${definition.data_type} filters need minimum_value and/or maximum_value`;
			}
			return (stored) =>
				typeof stored === 'number' &&
				(min === undefined || stored >= min) &&
				(max === undefined || stored <= max);
		}
		default: {
			if (typeof value !== 'string') return 'Text filters need a string value';
			const needle = value.toLowerCase();
			return (stored) => typeof stored === 'string' && stored.toLowerCase().includes(needle);
		}
	}
}
