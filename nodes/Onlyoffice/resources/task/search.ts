import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationExecutor } from '../../../shared/executor';
import { readRecordFields } from '../../../shared/fieldValues';
import { readDateRanges, searchExecutor } from '../../../shared/search';
import { sortRules, type SortOrder } from '../../../shared/sort';
import { checkParameters } from '../../../shared/validation';
import { onlyofficeApi, onlyofficePaging } from '../../transport';
import { sortOptions } from './choices';
import { deadlineRange, taskFilters } from './filters';

/** The task list's orders; only these, since ONLYOFFICE turns paging off for any other. */
export const taskSortOrder: SortOrder = {
	nounPlural: 'tasks',
	byName: 'sortBy',
	directionName: 'sortOrder',
	directionLabel: 'Sort Order',
	options: sortOptions,
	defaultBy: 'deadLine',
	ascending: 'ascending',
	descending: 'descending',
	defaultDirection: 'ascending',
	note: 'Open tasks always come before closed ones.',
};

/** What a search operation reads into the task list's query. */
export interface SearchParts {
	filters?: boolean;
	ranges?: boolean;
	rangeRequired?: boolean;
}

async function searchQuery(context: IExecuteSingleFunctions, parts: SearchParts) {
	const sort = checkParameters(context, sortRules(taskSortOrder));
	const query: IDataObject = {
		...(parts.filters
			? readRecordFields(context, taskFilters, 'filters', { skipEmpty: true })
			: {}),
		...(parts.ranges ? readDateRanges(context, deadlineRange, parts.rangeRequired === true) : {}),
		sortBy: sort.sortBy as string,
		sortOrder: sort.sortOrder as string,
	};
	return query;
}

/** Lists tasks with what `parts` says, paged with startIndex/count: Return All or Limit. */
export const searchTasks = (parts: SearchParts): OperationExecutor =>
	searchExecutor(
		{ api: onlyofficeApi, paging: onlyofficePaging, place: 'qs' },
		async (context) => await searchQuery(context, parts),
	);
