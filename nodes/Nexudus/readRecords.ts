import type { IDataObject } from 'n8n-workflow';

import { readByIds, type BatchReader } from '../shared/readByIds';
import { vendorRequest, type ApiContext } from '../shared/transport/request';
import type { NexudusEntity } from './entities';
import { nexudusApi, nexudusPaging } from './transport';

/**
 * Nexudus' batch form `GET /<entity>?id=[…]`, paged like any search, so the page is sized to the
 * list. An ID list is kept under 6,000 URL-encoded characters (a comma takes three): servers
 * commonly refuse request lines over 8 KB. IIS with a shorter limit answers 404.15 or 414.
 */
function nexudusBatchReader(
	context: ApiContext,
	entity: Pick<NexudusEntity, 'path'>,
	baseURL: string,
): BatchReader {
	const get = async <T>(url: string, qs?: IDataObject) =>
		await vendorRequest<T>(context, nexudusApi, { method: 'GET', baseURL, url, qs });
	return {
		maxBatchSize: nexudusPaging.maxPageSize,
		maxBatchLength: 6000,
		lengthOf: (id) => id.length + 3,
		async fetchBatch(ids) {
			const body = await get<IDataObject[] | { Records?: IDataObject[] }>(entity.path, {
				id: `[${ids.join(',')}]`,
				page: 1,
				size: ids.length,
			});
			return Array.isArray(body) ? body : (body.Records ?? []);
		},
		fetchOne: async (id) => await get<IDataObject>(`${entity.path}/${encodeURIComponent(id)}`),
		idOf: (record) => String(record.Id),
		refusedAsTooLong: (error) => error.httpCode === '414' || error.httpCode === '404',
	};
}

/**
 * Reads Nexudus records in full by ID, in batches (see readByIds). Records that no longer exist
 * are left out. The answer keeps the order of `ids`.
 */
export async function fetchRecordsByIds(
	context: ApiContext,
	entity: Pick<NexudusEntity, 'path'>,
	ids: number[],
	baseURL: string,
): Promise<IDataObject[]> {
	return await readByIds(context, nexudusBatchReader(context, entity, baseURL), ids.map(String));
}
