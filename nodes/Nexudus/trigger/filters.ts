import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { recordLocator, type RecordPicker } from '../../shared/fields';
import { checkParameters, isEmpty, pickedRecordId } from '../../shared/validation';
import type { NexudusEntity } from '../entities';
import { pickers } from '../pickers';

/** A filter of the trigger: a record picked from a list, or a switch. */
interface TriggerFilter {
	/** The parameter inside the Filters collection. */
	name: string;
	displayName: string;
	description: string;
	/** The Nexudus filter it becomes: `<Entity>_<suffix>`. */
	suffix: string;
	picker?: RecordPicker;
}

/** The trigger's filters for each resource, in the collection they sit in. */
const triggerFilters: Record<string, { collection: string; filters: TriggerFilter[] }> = {
	coworkerTask: {
		collection: 'filters',
		filters: [
			{
				name: 'business',
				displayName: 'Business',
				description: 'Only report tasks of this location',
				suffix: 'Business',
				picker: pickers.business,
			},
			{
				name: 'completed',
				displayName: 'Completed',
				description: 'Whether to only report completed tasks (on) or open tasks (off)',
				suffix: 'Completed',
			},
			{
				name: 'coworker',
				displayName: 'Coworker',
				description: 'Only report tasks about this customer',
				suffix: 'Coworker',
				picker: pickers.coworker,
			},
			{
				name: 'responsible',
				displayName: 'Responsible User',
				description: 'Only report tasks this admin user has to complete',
				suffix: 'Responsible',
				picker: pickers.user,
			},
		],
	},
	crmOpportunityHistory: {
		collection: 'historyFilters',
		filters: [
			{
				name: 'newCrmBoardColumn',
				displayName: 'New Board Column',
				description: 'Only report moves into this board column (stage)',
				suffix: 'NewCrmBoardColumn',
				picker: pickers.crmBoardColumn,
			},
			{
				name: 'crmOpportunity',
				displayName: 'Opportunity',
				description: 'Only report moves of this opportunity',
				suffix: 'CrmOpportunity',
				picker: pickers.crmOpportunity,
			},
		],
	},
};

/** The Filters collection of the trigger for one resource, built from the filter table. */
export function triggerFilterCollection(resource: string): INodeProperties {
	const { collection, filters } = triggerFilters[resource];
	return {
		displayName: 'Filters',
		name: collection,
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		hint: 'Only changes of records that match every filter are reported. A filter left empty is ignored.',
		displayOptions: { show: { resource: [resource] } },
		options: filters
			.map((filter): INodeProperties => {
				const base = { displayName: filter.displayName, name: filter.name };
				const description = filter.description;
				return filter.picker
					? recordLocator(filter.picker, { ...base, description })
					: { ...base, description, type: 'boolean', default: false };
			})
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Reads and checks the filters the user added into Nexudus query parameters. A filter left empty
 * is ignored; a picked record must be an ID, or the poll fails naming the filter.
 */
export function checkTriggerFilters(context: IPollFunctions, entity: NexudusEntity): IDataObject {
	const { collection, filters } = triggerFilters[entity.resource];
	const added = context.getNodeParameter(collection, {}) as IDataObject;
	const valueOf = (filter: TriggerFilter) =>
		context.getNodeParameter(`${collection}.${filter.name}`, '', { extractValue: true });
	const chosen = filters.filter((filter) => filter.name in added && !isEmpty(valueOf(filter)));
	const values = checkParameters(
		context,
		Object.fromEntries(
			chosen.map((filter) => [
				`${collection}.${filter.name}`,
				{
					label: filter.displayName,
					schema: filter.picker ? pickedRecordId(filter.picker.noun) : z.boolean(),
				},
			]),
		),
	);
	return Object.fromEntries(
		chosen.map((filter) => [
			`${entity.name}_${filter.suffix}`,
			values[`${collection}.${filter.name}`] as IDataObject[string],
		]),
	);
}
