import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiContext } from './transport/request';

/** How one vendor reads records by ID: a batch form, and one record at a time. */
export interface BatchReader {
	/** The most IDs one batch request carries, and the most characters its ID list may take. */
	maxBatchSize: number;
	maxBatchLength: number;
	/** The characters one ID takes in a request, once encoded with its separator. */
	lengthOf(id: string): number;
	/** Reads the records of `ids` with the vendor's batch form; missing ones are simply absent. */
	fetchBatch(ids: string[]): Promise<IDataObject[]>;
	/**
	 * Reads one record by ID (throws NodeApiError 404 when the vendor no longer has it), for the
	 * records a batch answer lacks. Absent where the batch answer is complete: a record it lacks is
	 * gone (or, for a filtered batch, no longer matches).
	 */
	fetchOne?(id: string): Promise<IDataObject>;
	idOf(record: IDataObject): string;
	/** Whether an error says the batch's URL was too long for the server; the batch is then halved. */
	refusedAsTooLong?(error: NodeApiError): boolean;
}

/** Splits IDs into lists short enough for one request each. */
export function idBatches(ids: string[], reader: BatchReader): string[][] {
	const batches: string[][] = [];
	let batch: string[] = [];
	let length = 0;
	for (const id of ids) {
		const added = reader.lengthOf(id);
		const full = length + added > reader.maxBatchLength || batch.length === reader.maxBatchSize;
		if (batch.length && full) {
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
 * Reads records in full by ID, in as few requests as the vendor's batch form allows, then one by
 * one for any record the batch answers lack. Records that no longer exist (404) are left out: a
 * change feed then has nothing to report for them. The answer keeps the order of `ids`.
 */
export async function readByIds(
	context: ApiContext,
	reader: BatchReader,
	ids: string[],
): Promise<IDataObject[]> {
	const found = new Map<string, IDataObject>();
	const batches = idBatches([...new Set(ids)], reader);
	for (let batch = batches.shift(); batch; batch = batches.shift()) {
		try {
			for (const record of await reader.fetchBatch(batch)) found.set(reader.idOf(record), record);
		} catch (error) {
			// A server with a shorter URL limit refuses the list: halve it. A single ID it refuses is
			// read by itself below.
			const apiError = asApiError(context, error);
			if (!reader.refusedAsTooLong?.(apiError)) throw apiError;
			const half = Math.ceil(batch.length / 2);
			if (batch.length > 1) batches.unshift(batch.slice(0, half), batch.slice(half));
		}
	}
	const missing = reader.fetchOne ? ids.filter((id) => !found.has(id)) : [];
	for (const id of missing) {
		const record = await unlessGone(context, async () => await reader.fetchOne!(id));
		if (record) found.set(id, record);
	}
	return ids.map((id) => found.get(id)).filter((record) => record !== undefined);
}

/** Runs a read; undefined when the vendor answers 404, i.e. the record no longer exists. */
export async function unlessGone<T>(
	context: ApiContext,
	read: () => Promise<T>,
): Promise<T | undefined> {
	try {
		return await read();
	} catch (error) {
		const apiError = asApiError(context, error);
		if (apiError.httpCode === '404') return undefined;
		throw apiError;
	}
}

const asApiError = (context: ApiContext, error: unknown) =>
	error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
