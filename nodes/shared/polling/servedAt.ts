import type { IDataObject } from 'n8n-workflow';

import { headerValue } from '../transport/vendorApi';

/**
 * When the vendor answered, by its own clock: its HTTP `Date` header (whole seconds). Undefined
 * when the answer has none or it cannot be read.
 */
export function servedAtOf(headers: IDataObject): Date | undefined {
	const at = Date.parse(headerValue(headers, 'date') ?? '');
	return Number.isNaN(at) ? undefined : new Date(at);
}
