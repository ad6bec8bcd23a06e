import type { IDataObject } from 'n8n-workflow';

/**
 * Reads a list answered as `{data: {<plural>: [...], count}}`, the envelope of Cotalker's v2 lists.
 * The array is under `key` where the vendor documents it; where it does not (Cotalker's task list),
 * it is the one array in the envelope, whatever its key. `count` is the total, when asked for.
 */
export function recordsInEnvelope(
	data: unknown,
	key?: string,
): { records: IDataObject[]; count?: number } {
	if (Array.isArray(data)) return { records: data as IDataObject[] };
	if (!data || typeof data !== 'object') return { records: [] };
	const envelope = data as IDataObject;
	const named = key !== undefined && Array.isArray(envelope[key]) ? envelope[key] : undefined;
	const arrays = Object.values(envelope).filter((value) => Array.isArray(value));
	const records = (named ?? (arrays.length === 1 ? arrays[0] : [])) as IDataObject[];
	const count = typeof envelope.count === 'number' ? envelope.count : undefined;
	return { records, count };
}

/** The answer inside `{data: ...}`, or the answer itself when it is not wrapped. */
export function insideData(body: unknown): unknown {
	if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
		const keys = Object.keys(body);
		if (keys.length === 1 || keys.every((name) => ['data', 'counter', 'debug'].includes(name)))
			return (body as IDataObject).data;
	}
	return body;
}
