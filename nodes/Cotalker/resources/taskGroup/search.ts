import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { readRecordFields } from '../../../shared/fieldValues';
import { readDateRanges, searchExecutor } from '../../../shared/search';
import { sortRules, type SortOrder } from '../../../shared/sort';
import { checkParameters } from '../../../shared/validation';
import { cotalkerApi, cotalkerPaging } from '../../transport';
import { taskGroupDateRange, taskGroupFilters } from './filters';

/** The orders of the task group list (`sortBy`, `orderBy`). */
export const taskGroupSortOrder: SortOrder = {
	nounPlural: 'task groups',
	byName: 'sortBy',
	directionName: 'orderBy',
	directionLabel: 'Sort Order',
	options: [
		{ name: 'Code Name', value: 'collectionName', description: 'The code name, e.g. projects' },
		{ name: 'Created At', value: 'createdAt' },
		{ name: 'Modified At', value: 'modifiedAt' },
	],
	defaultBy: 'createdAt',
	ascending: 'asc',
	descending: 'desc',
	defaultDirection: 'asc',
};

/** Lists as Cotalker takes them in the query: the IDs separated by commas. */
const asQuery = (values: IDataObject): IDataObject =>
	Object.fromEntries(
		Object.entries(values).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(',') : value,
		]),
	);

/** The query of the list: its filters, date bounds and order, checked before any request. */
async function listQuery(context: IExecuteSingleFunctions): Promise<IDataObject> {
	const sort = checkParameters(context, sortRules(taskGroupSortOrder));
	return {
		...asQuery(readRecordFields(context, taskGroupFilters, 'filters', { skipEmpty: true })),
		...readDateRanges(context, taskGroupDateRange, false),
		sortBy: sort.sortBy as string,
		orderBy: sort.orderBy as string,
	};
}

/**
 * Lists task groups, paged with page/limit and `count=true`: Return All or Limit. The list's
 * array key is undocumented, so the one list of records in the answer is read, whatever its key.
 */
export const listTaskGroups = searchExecutor(
	{ api: cotalkerApi, paging: cotalkerPaging(), place: 'qs' },
	listQuery,
);
