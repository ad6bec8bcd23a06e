import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { OperationExecutor } from '../../../shared/executor';
import { readRecordFields } from '../../../shared/fieldValues';
import { inputError } from '../../../shared/inputError';
import { fetchRecordPagesFrom } from '../../../shared/listPaging';
import { checkParameters } from '../../../shared/validation';
import { copperApi, copperPaging } from '../../transport';
import { readCustomFieldFilters } from './customFieldFilters';
import { taskDateRanges, taskFilters } from './filters';
import { sortRules } from './sort';

/** What a search operation reads into Copper's search body. */
export interface SearchParts {
	filters?: boolean;
	ranges?: boolean;
	/** Whether at least one date bound must be set (Range). */
	rangeRequired?: boolean;
}

const fetchTaskPages = fetchRecordPagesFrom(copperApi, copperPaging);

/** The date bounds, checked: at least one when required, and no minimum after its maximum. */
function readRanges(context: IExecuteSingleFunctions, required: boolean): IDataObject {
	const bounds = readRecordFields(context, taskDateRanges, 'dateRange', { skipEmpty: true });
	if (required && Object.keys(bounds).length === 0) {
		throw inputError(context, 'Add at least one date under "Date Range"', {
			description: 'Range finds the tasks whose dates fall between the bounds you set.',
		});
	}
	for (const minimum of taskDateRanges.filter((field) => field.property.startsWith('minimum'))) {
		const maximum = taskDateRanges.find(
			(field) => field.property === minimum.property.replace('minimum', 'maximum'),
		)!;
		const [low, high] = [bounds[minimum.property], bounds[maximum.property]] as number[];
		if (low !== undefined && high !== undefined && low > high) {
			throw inputError(context, `"${minimum.displayName}" is after "${maximum.displayName}"`, {
				description: 'No task can match: swap the two dates.',
			});
		}
	}
	return bounds;
}

/** Copper's search body: filters, date bounds and sort, all in one request. */
async function searchBody(context: IExecuteSingleFunctions, parts: SearchParts) {
	const sort = checkParameters(context, sortRules);
	const body: IDataObject = {
		...(parts.filters
			? readRecordFields(context, taskFilters, 'filters', { skipEmpty: true })
			: {}),
		...(parts.ranges ? readRanges(context, parts.rangeRequired === true) : {}),
		sort_by: sort.sortBy as string,
		sort_direction: sort.sortDirection as string,
	};
	const custom = parts.filters ? await readCustomFieldFilters(context) : undefined;
	return custom ? { ...body, custom_fields: custom } : body;
}

/** Searches tasks with what `parts` says, then pages: Return All or Limit, 200 a page. */
export function searchTasks(parts: SearchParts): OperationExecutor {
	return async function searchTasks(requestData) {
		const body = await searchBody(this, parts);
		return await fetchTaskPages.call(this, {
			...requestData,
			options: { ...requestData.options, body },
		});
	};
}
