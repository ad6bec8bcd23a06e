import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	readTriggerFilters,
	triggerFilterCollection,
	type TriggerFilter,
	type TriggerFilterSet,
} from '../../shared/polling/triggerFilters';
import { pickers } from '../pickers';

/** A filter of the trigger, and the task list parameter it becomes. */
interface OnlyofficeTriggerFilter extends TriggerFilter {
	parameter: string;
}

const filterSet: TriggerFilterSet<OnlyofficeTriggerFilter> = {
	resource: 'task',
	collection: 'filters',
	filters: [
		{
			name: 'category',
			displayName: 'Category',
			description: 'Only report tasks of this category',
			picker: pickers.taskCategory,
			parameter: 'categoryid',
		},
		{
			name: 'responsible',
			displayName: 'Responsible',
			description: 'Only report tasks of this portal user',
			picker: pickers.user,
			parameter: 'responsibleid',
		},
	],
};

/** The trigger's Filters collection. */
export const triggerFilters = triggerFilterCollection(filterSet);

/** Reads and checks the filters the user added into task list query parameters. */
export function checkTriggerFilters(context: IPollFunctions): IDataObject {
	return Object.fromEntries(
		readTriggerFilters(context, filterSet).map(({ filter, value }) => [filter.parameter, value]),
	);
}
