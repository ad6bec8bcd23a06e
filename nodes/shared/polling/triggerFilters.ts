import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { fieldParameter, type RecordField } from '../fields';
import { fieldSchema } from '../fieldValues';
import { checkParameters, isEmpty } from '../validation';

/**
 * A filter of a trigger: a record picked from a list, a choice, a list of words, or (when it has
 * neither a picker nor options) a switch.
 */
export interface TriggerFilter extends Pick<RecordField, 'displayName' | 'picker' | 'options'> {
	/** The parameter inside the Filters collection. */
	name: string;
	description: string;
	/** `stringList` for words separated by commas, e.g. tags. */
	kind?: 'record' | 'boolean' | 'options' | 'stringList';
}

/** The filters a trigger offers for one resource, and the collection that holds them. */
export interface TriggerFilterSet<F extends TriggerFilter = TriggerFilter> {
	resource: string;
	/** The name of the Filters collection parameter. */
	collection: string;
	filters: F[];
}

/** A trigger filter as a field of the shared field table, which gives its control and check. */
const asField = (filter: TriggerFilter): RecordField => ({
	property: filter.name,
	displayName: filter.displayName,
	description: filter.description,
	type: filter.kind ?? (filter.picker ? 'record' : filter.options ? 'options' : 'boolean'),
	picker: filter.picker,
	options: filter.options,
});

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
			.map((filter) => fieldParameter(asField(filter)))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Reads and checks the filters the user added, as values by filter. A filter left empty is
 * ignored; a picked record must be an ID, a choice one of its options, or the poll fails naming
 * the filter.
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
				{ label: filter.displayName, schema: fieldSchema(asField(filter), true) },
			]),
		),
	);
	return chosen.map((filter) => ({ filter, value: values[path(filter)] as IDataObject[string] }));
}
