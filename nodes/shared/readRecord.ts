import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { vendorRequest, type RequestOptions } from './transport/request';
import type { VendorApi } from './transport/vendorApi';

/** Reads one record in full, on the same base URL as the operation's own request. */
export async function readRecord(
	context: IExecuteSingleFunctions,
	api: VendorApi,
	path: string,
	id: string | number,
	options: RequestOptions,
): Promise<IDataObject> {
	return await vendorRequest<IDataObject>(context, api, {
		baseURL: options.baseURL,
		timeout: options.timeout,
		allowedDomains: options.allowedDomains,
		headers: { Accept: 'application/json' },
		method: 'GET',
		url: `${path}/${encodeURIComponent(id)}`,
	});
}
