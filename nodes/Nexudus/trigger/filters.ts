import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	readTriggerFilters,
	triggerFilterCollection,
	type TriggerFilter,
	type TriggerFilterSet,
} from '../../shared/polling/triggerFilters';
import type { NexudusEntity } from '../entities';
import { pickers } from '../pickers';

/** A filter of the trigger, and the Nexudus filter it becomes: `<Entity>_<suffix>`. */
interface NexudusTriggerFilter extends TriggerFilter {
	suffix: string;
}

/** The trigger's filters for each resource, in the collection they sit in. */
const filterSets: Record<string, TriggerFilterSet<NexudusTriggerFilter>> = {
	coworkerTask: {
		resource: 'coworkerTask',
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
		resource: 'crmOpportunityHistory',
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

/** The trigger's Filters collection for one resource. */
export const triggerFilters = (resource: string) => triggerFilterCollection(filterSets[resource]);

/** Reads and checks the filters the user added into Nexudus query parameters. */
export function checkTriggerFilters(context: IPollFunctions, entity: NexudusEntity): IDataObject {
	return Object.fromEntries(
		readTriggerFilters(context, filterSets[entity.resource]).map(({ filter, value }) => [
			`${entity.name}_${filter.suffix}`,
			value,
		]),
	);
}
