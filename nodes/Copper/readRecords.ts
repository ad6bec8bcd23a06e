import type { IDataObject } from 'n8n-workflow';

import { readByIds, type BatchReader } from '../shared/readByIds';
import { vendorRequest, type ApiContext } from '../shared/transport/request';
import { copperApi, copperPaging } from './transport';

/**
 * Copper reads tasks by ID through its search (`ids` in the body, with the trigger's filters), 200
 * to a request; the body has no length limit worth counting. The search's answer is complete: a
 * task it lacks was deleted or no longer matches the filters.
 */
function copperBatchReader(
	context: ApiContext,
	baseURL: string,
	filters: IDataObject,
): BatchReader {
	const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
	return {
		maxBatchSize: copperPaging.maxPageSize,
		maxBatchLength: Number.MAX_SAFE_INTEGER,
		lengthOf: () => 1,
		fetchBatch: async (ids) =>
			await vendorRequest<IDataObject[]>(context, copperApi, {
				method: 'POST',
				baseURL,
				url: '/tasks/search',
				headers,
				body: { ...filters, ids: ids.map(Number), page_number: 1, page_size: ids.length },
			}),
		idOf: (record) => String(record.id),
	};
}

/**
 * Reads Copper tasks in full by ID, in batches (see readByIds), as far as they still match
 * `filters`. Tasks that no longer exist or match are left out. The answer keeps the order of `ids`.
 */
export async function fetchTasksByIds(
	context: ApiContext,
	ids: string[],
	baseURL: string,
	filters: IDataObject = {},
): Promise<IDataObject[]> {
	return await readByIds(context, copperBatchReader(context, baseURL, filters), ids);
}
