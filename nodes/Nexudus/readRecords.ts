import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { vendorRequest, type ApiContext } from '../shared/transport/request';
import type { NexudusEntity } from './entities';
import { nexudusApi, nexudusPaging } from './transport';

/**
 * The longest ID list one batch request carries, in characters once URL-encoded (a comma takes
 * three). Servers commonly refuse request lines over 8 KB; this leaves room for the rest.
 */
const MAX_ID_LIST_LENGTH = 6000;

/** Splits IDs into lists short enough for one request each, and no longer than a page. */
export function idBatches(ids: number[]): number[][] {
	const batches: number[][] = [];
	let batch: number[] = [];
	let length = 0;
	for (const id of ids) {
		const added = String(id).length + 3;
		if (
			batch.length &&
			(length + added > MAX_ID_LIST_LENGTH || batch.length === nexudusPaging.maxPageSize)
		) {
			batches.push(batch);
			batch = [];
			length = 0;
		}
		batch.push(id);
		length += added;
	}
	if (batch.length) batches.push(batch);
	return batches;
}

/**
 * Reads records in full by ID: Nexudus' batch form `?id=[…]` with the page sized to the list, in as
 * few requests as the URL length allows, then GET by ID for any record the batch answer lacks.
 * Records that no longer exist (404) are left out. The answer keeps the order of `ids`.
 */
export async function fetchRecordsByIds(
	context: ApiContext,
	entity: Pick<NexudusEntity, 'path'>,
	ids: number[],
	baseURL: string,
): Promise<IDataObject[]> {
	const found = new Map<number, IDataObject>();
	const batches = idBatches([...new Set(ids)]);
	for (let batch = batches.shift(); batch; batch = batches.shift()) {
		try {
			for (const record of await fetchBatch(context, entity, batch, baseURL)) {
				found.set(Number(record.Id), record);
			}
		} catch (error) {
			// A server with a shorter URL limit refuses the list (IIS answers 404.15 or 414): halve it.
			// A single ID it refuses is read by itself below.
			if (!isUrlTooLong(error)) throw asApiError(context, error);
			const half = Math.ceil(batch.length / 2);
			if (batch.length > 1) batches.unshift(batch.slice(0, half), batch.slice(half));
		}
	}
	for (const id of ids) {
		if (found.has(id)) continue;
		const record = await fetchRecord(context, entity, id, baseURL);
		if (record) found.set(id, record);
	}
	return ids.map((id) => found.get(id)).filter((record) => record !== undefined);
}

async function fetchBatch(
	context: ApiContext,
	entity: Pick<NexudusEntity, 'path'>,
	batch: number[],
	baseURL: string,
): Promise<IDataObject[]> {
	const body = await vendorRequest<IDataObject[] | { Records?: IDataObject[] }>(
		context,
		nexudusApi,
		{
			method: 'GET',
			baseURL,
			url: entity.path,
			qs: { id: `[${batch.join(',')}]`, page: 1, size: batch.length },
		},
	);
	return Array.isArray(body) ? body : (body.Records ?? []);
}

const asApiError = (context: ApiContext, error: unknown) =>
	error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);

const isUrlTooLong = (error: unknown) =>
	error instanceof NodeApiError && (error.httpCode === '414' || error.httpCode === '404');

/** Reads one record by ID; undefined when Nexudus no longer has it. */
async function fetchRecord(
	context: ApiContext,
	entity: Pick<NexudusEntity, 'path'>,
	id: number,
	baseURL: string,
): Promise<IDataObject | undefined> {
	try {
		return await vendorRequest<IDataObject>(context, nexudusApi, {
			method: 'GET',
			baseURL,
			url: `${entity.path}/${encodeURIComponent(id)}`,
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw asApiError(context, error);
	}
}
