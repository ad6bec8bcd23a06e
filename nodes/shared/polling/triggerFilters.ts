import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { pickedId, recordLocator, type RecordPicker } from '../fields';
import { checkParameters, isEmpty } from '../validation';

/** A filter of a trigger: a record picked from a list, or a switch when it has no picker. */
export interface TriggerFilter {
	/** The parameter inside the Filters collection. */
	name: string;
	displayName: string;
	description: string;
	picker?: RecordPicker;
}

/** The filters a trigger offers for one resource, and the collection that holds them. */
export interface TriggerFilterSet<F extends TriggerFilter = TriggerFilter> {
	resource: string;
	/** The name of the Filters collection parameter. */
	collection: string;
	filters: F[];
}

/** The Filters collection a trigger shows for one resource, built from its filter table. */
export function triggerFilterCollection(set: TriggerFilterSet): INodeProperties {
	return {
		displayName: 'Filters',
		name: set.collection,
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		hint: 'Only changes of records that match every filter are reported. A filter left empty is ignored.',
		displayOptions: { show: { resource: [set.resource] } },
		options: set.filters
			.map((filter): INodeProperties => {
				const base = {
					displayName: filter.displayName,
					name: filter.name,
					description: filter.description,
				};
				return filter.picker
					? recordLocator(filter.picker, base)
					: { ...base, type: 'boolean', default: false };
			})
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Reads and checks the filters the user added, as values by filter. A filter left empty is
 * ignored; a picked record must be an ID, or the poll fails naming the filter.
 */
export function readTriggerFilters<F extends TriggerFilter>(
	context: IPollFunctions,
	set: TriggerFilterSet<F>,
): Array<{ filter: F; value: IDataObject[string] }> {
	const added = context.getNodeParameter(set.collection, {}) as IDataObject;
	const path = (filter: F) => `${set.collection}.${filter.name}`;
	const chosen = set.filters.filter(
		(filter) =>
			filter.name in added &&
			!isEmpty(context.getNodeParameter(path(filter), '', { extractValue: true })),
	);
	const values = checkParameters(
		context,
		Object.fromEntries(
			chosen.map((filter) => [
				path(filter),
				{
					label: filter.displayName,
					schema: filter.picker ? pickedId(filter.picker) : z.boolean(),
				},
			]),
		),
	);
	return chosen.map((filter) => ({ filter, value: values[path(filter)] as IDataObject[string] }));
}
