import type { IDataObject } from 'n8n-workflow';

const isRecordList = (value: unknown) =>
	Array.isArray(value) &&
	value.every((entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry));

/**
 * Reads a list answered as `{data: {<plural>: [...], count}}`, the envelope of Cotalker's v2 lists.
 * The array is under `key` where the vendor documents it; where it does not (Cotalker's task
 * groups and tasks), it is the one array of records in the envelope, whatever its key. An envelope
 * with several such arrays and none under `key` cannot be read safely: it fails, naming the keys,
 * rather than output nothing. The total is `count` (as the SDK reads it) or `counter` (as the docs
 * call it), when asked for.
 */
export function recordsInEnvelope(
	data: unknown,
	key?: string,
): { records: IDataObject[]; count?: number } {
	if (Array.isArray(data)) return { records: data as IDataObject[] };
	if (!data || typeof data !== 'object') return { records: [] };
	const envelope = data as IDataObject;
	const count = [envelope.count, envelope.counter].find((value) => typeof value === 'number') as
		| number
		| undefined;
	if (key !== undefined && Array.isArray(envelope[key])) {
		return { records: envelope[key] as IDataObject[], count };
	}
	const arrays = Object.entries(envelope).filter(([, value]) => Array.isArray(value));
	if (arrays.length <= 1) return { records: (arrays[0]?.[1] ?? []) as IDataObject[], count };
	// Empty arrays, and arrays of plain values (e.g. IDs), are not the list of records.
	const filled = arrays.filter(([, value]) => isRecordList(value) && (value as []).length > 0);
	if (filled.length <= 1) return { records: (filled[0]?.[1] ?? []) as IDataObject[], count };
	throw new Error(
		`The answer holds several lists (${filled.map(([name]) => name).join(', ')}) and none is the expected one${key ? ` (${key})` : ''}`,
	);
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
