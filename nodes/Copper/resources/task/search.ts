import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationExecutor } from '../../../shared/executor';
import { readRecordFields } from '../../../shared/fieldValues';
import { readDateRanges, searchExecutor, type DateRanges } from '../../../shared/search';
import { sortRules } from '../../../shared/sort';
import { checkParameters } from '../../../shared/validation';
import { copperApi, copperPaging } from '../../transport';
import { readCustomFieldFilters } from './customFieldFilters';
import { taskDateRanges, taskFilters } from './filters';
import { taskSortOrder } from './sort';

/** What a search operation reads into Copper's search body. */
export interface SearchParts {
	filters?: boolean;
	ranges?: boolean;
	/** Whether at least one date bound must be set (Range). */
	rangeRequired?: boolean;
}

/** Copper's date bounds, each minimum with its maximum. */
const dateRanges: DateRanges = {
	fields: taskDateRanges,
	pairs: (['due', 'created', 'modified'] as const).map((name) => [
		`minimum_${name}_date`,
		`maximum_${name}_date`,
	]),
	collection: 'dateRange',
	collectionName: 'Date Range',
	noun: 'task',
};

/** Copper's search body: filters, date bounds and sort, all in one request. */
async function searchBody(context: IExecuteSingleFunctions, parts: SearchParts) {
	const sort = checkParameters(context, sortRules(taskSortOrder));
	const body: IDataObject = {
		...(parts.filters
			? readRecordFields(context, taskFilters, 'filters', { skipEmpty: true })
			: {}),
		...(parts.ranges ? readDateRanges(context, dateRanges, parts.rangeRequired === true) : {}),
		sort_by: sort.sortBy as string,
		sort_direction: sort.sortDirection as string,
	};
	const custom = parts.filters ? await readCustomFieldFilters(context) : undefined;
	return custom ? { ...body, custom_fields: custom } : body;
}

/** Searches tasks with what `parts` says, then pages: Return All or Limit, 200 a page. */
export const searchTasks = (parts: SearchParts): OperationExecutor =>
	searchExecutor(
		{ api: copperApi, paging: copperPaging, place: 'body' },
		async (context) => await searchBody(context, parts),
	);
