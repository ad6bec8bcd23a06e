import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	readTriggerFilters,
	triggerFilterCollection,
	type TriggerFilter,
	type TriggerFilterSet,
} from '../../shared/polling/triggerFilters';
import { pickers } from '../pickers';
import { taskStatuses } from '../resources/task/choices';

/** A filter of the trigger, and how its value goes into Copper's search body. */
interface CopperTriggerFilter extends TriggerFilter {
	toSearch: (value: IDataObject[string]) => IDataObject;
}

const filterSet: TriggerFilterSet<CopperTriggerFilter> = {
	resource: 'task',
	collection: 'filters',
	filters: [
		{
			name: 'assignee',
			displayName: 'Assignee',
			description: 'Only report tasks of this user',
			picker: pickers.user,
			toSearch: (id) => ({ assignee_ids: [id] }),
		},
		{
			name: 'status',
			displayName: 'Status',
			description: 'Only report tasks with this status',
			options: taskStatuses,
			toSearch: (status) => ({ statuses: [status] }),
		},
		{
			name: 'tags',
			displayName: 'Tags',
			description: 'Only report tasks with at least one of these tags, separated by commas',
			kind: 'stringList',
			toSearch: (tags) => ({ tags }),
		},
	],
};

/** The trigger's Filters collection. */
export const triggerFilters = triggerFilterCollection(filterSet);

/** Reads and checks the filters the user added into Copper search body fields. */
export function checkTriggerFilters(context: IPollFunctions): IDataObject {
	return Object.assign(
		{},
		...readTriggerFilters(context, filterSet).map(({ filter, value }) => filter.toSearch(value)),
	) as IDataObject;
}
