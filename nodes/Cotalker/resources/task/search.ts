import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationExecutor } from '../../../shared/executor';
import { readRecordFields } from '../../../shared/fieldValues';
import { inputError } from '../../../shared/inputError';
import { parentRule, recordsPath } from '../../../shared/record';
import { readDateRanges, searchExecutor } from '../../../shared/search';
import { sortRules, type SortOrder } from '../../../shared/sort';
import type { PagingStyle } from '../../../shared/transport/paging';
import { checkParameters, oneOf } from '../../../shared/validation';
import { asAdmin, cotalkerApi, cotalkerPaging } from '../../transport';
import { keywordFilters, relationFilters, taskDateRange } from './filters';
import { cotalkerTask, relatedTaskList, taskList } from './record';

/** The v2 task lists' order: Cotalker documents sorting them by name only. */
export const taskSortOrder: SortOrder = {
	nounPlural: 'tasks',
	byName: 'sortBy',
	directionName: 'orderBy',
	directionLabel: 'Order',
	options: [{ name: 'Name', value: 'name' }],
	defaultBy: 'name',
	ascending: 'asc',
	descending: 'desc',
	defaultDirection: 'asc',
	note: 'Cotalker documents sorting tasks by name only.',
};

const includeRule = {
	isActive: { label: 'Include', schema: oneOf(['true', 'false', 'all']) },
};

/** The v2 lists: `{data: {<plural>: [...], count}}`, the task array's key found in the answer. */
const v2Paging = cotalkerPaging();

/** The v1 task search answers a bare array and documents no total: it pages without `count`. */
const v1Paging = cotalkerPaging({ counts: false });

/** Keywords as Cotalker takes them: separated by commas, without empty ones. */
const keywordList = (text: unknown) =>
	String(text)
		.split(',')
		.map((word) => word.trim())
		.filter((word) => word !== '')
		.join(',');

/** The task search's query: keywords, assignee, state or status, workflow, limitBy. */
function keywordQuery(context: IExecuteSingleFunctions): IDataObject {
	checkParameters(context, parentRule(cotalkerTask));
	const query = readRecordFields(context, keywordFilters, 'filters', { skipEmpty: true });
	if (query.search !== undefined) query.search = keywordList(query.search);
	if (query.search === '') delete query.search;
	if (query.state !== undefined) {
		// Cotalker's search takes a state as the property it stands for, in `status`.
		if (query.status !== undefined) {
			throw inputError(context, 'Set either "State Name or ID" or "Status Name or ID", not both', {
				description: "Cotalker's task search takes one of the two.",
			});
		}
		query.status = query.state;
		delete query.state;
	}
	return query;
}

/** The relations list's query: the user or property the tasks relate to, and which to include. */
function relationQuery(context: IExecuteSingleFunctions): IDataObject {
	checkParameters(context, parentRule(relatedTaskList));
	const related = readRecordFields(context, relationFilters, 'relatedTo', { skipEmpty: true });
	if (Object.keys(related).length === 0) {
		throw inputError(context, 'Add an assignee or a property under "Related To"', {
			description: 'Search By "Related User or Property" finds the tasks related to one of them.',
		});
	}
	return { ...related, isActive: checkParameters(context, includeRule).isActive as string };
}

/** The v2 list's query: which tasks to include, the date bounds when `ranges`, the order. */
function listQuery(context: IExecuteSingleFunctions, ranges: boolean): IDataObject {
	checkParameters(context, parentRule(taskList));
	const { isActive } = checkParameters(context, includeRule);
	const bounds = ranges ? readDateRanges(context, taskDateRange, true) : {};
	const sort = checkParameters(context, sortRules(taskSortOrder));
	return {
		isActive: isActive as string,
		...bounds,
		sortBy: sort.sortBy as string,
		orderBy: sort.orderBy as string,
	};
}

const endpoint = (paging: PagingStyle) => ({ api: cotalkerApi, paging, place: 'qs' as const });

const searchByKeywords = searchExecutor(endpoint(v1Paging), async (context) =>
	keywordQuery(context),
);
const searchRelations = asAdmin(
	searchExecutor(endpoint(v2Paging), async (context) => relationQuery(context)),
);

/**
 * Find: Cotalker's task search (v1) with keywords and filters, or the tasks related to a user or a
 * property (v2 relations, which needs the Admin header), as Search By says.
 */
export const findTasks: OperationExecutor = async function findTasks(requestData) {
	const { searchBy } = checkParameters(this, {
		searchBy: { label: 'Search By', schema: oneOf(['keywords', 'relations']) },
	});
	if (searchBy === 'keywords') return await searchByKeywords.call(this, requestData);
	const url = recordsPath(this, relatedTaskList);
	return await searchRelations.call(this, {
		...requestData,
		options: { ...requestData.options, url },
	});
};

/** List (`ranges` false) and Range: the v2 task list of the group, Return All or Limit. */
export const listTasks = (ranges: boolean): OperationExecutor =>
	searchExecutor(endpoint(v2Paging), async (context) => listQuery(context, ranges));
