import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { ParameterRules } from './validation';

/** How a vendor's list is sorted: the fields it sorts by, and how it writes the two directions. */
export interface SortOrder {
	/** What the records are called, in the plural, e.g. "tasks". */
	nounPlural: string;
	/** The parameter names, e.g. `sortBy` and `sortDirection`. */
	byName: string;
	directionName: string;
	/** The direction's label, e.g. "Sort Direction" or "Sort Order". */
	directionLabel: string;
	options: INodePropertyOptions[];
	defaultBy: string;
	/** How the vendor writes ascending and descending, e.g. `asc`/`desc` or 1/-1. */
	ascending: string | number;
	descending: string | number;
	defaultDirection: string | number;
	/** Added to Sort By's description, e.g. a rule of the vendor's order. */
	note?: string;
}

/** A choice among `options`, shown where `show` says. */
const choice = (
	displayName: string,
	name: string,
	options: INodePropertyOptions[],
	value: string | number,
	description: string,
	show: IDisplayOptions['show'],
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options,
	default: value,
	description,
	displayOptions: { show },
});

/** Sort By and the direction, shown where `show` says. */
export const sortFields = (order: SortOrder, show: IDisplayOptions['show']): INodeProperties[] => [
	choice(
		'Sort By',
		order.byName,
		order.options,
		order.defaultBy,
		`The field to sort the ${order.nounPlural} by${order.note ? `. ${order.note}` : ''}`,
		show,
	),
	choice(
		order.directionLabel,
		order.directionName,
		[
			{ name: 'Ascending', value: order.ascending, description: 'Oldest, lowest or A first' },
			{ name: 'Descending', value: order.descending, description: 'Newest, highest or Z first' },
		],
		order.defaultDirection,
		'Whether to sort up or down',
		show,
	),
];

const oneOfValues = (values: unknown[]) =>
	z.unknown().refine((value) => values.includes(value), {
		message: `Expected one of: ${values.join(', ')}`,
	});

/**
 * The checks of the sort: only the vendor's own values (some vendors silently drop paging, or
 * fail, for any other).
 */
export const sortRules = (order: SortOrder): ParameterRules => ({
	[order.byName]: {
		label: 'Sort By',
		schema: oneOfValues(order.options.map((option) => option.value)),
	},
	[order.directionName]: {
		label: order.directionLabel,
		schema: oneOfValues([order.ascending, order.descending]),
	},
});
