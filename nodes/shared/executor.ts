import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { vendorRequest } from './transport/request';
import type { VendorApi } from './transport/vendorApi';

/**
 * Runs one operation for one item. The routing engine builds the request from the description
 * (URL, method, query and body fields, preSend checks) and hands it to the executor through its
 * `requestOperations.pagination` hook, the one place where a declarative node may send requests
 * itself. Executors send through the shared transport, so every operation of every vendor waits out
 * throttling and maps errors the same way.
 */
export type OperationExecutor = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Turns response records into output items paired with the input item they came from. */
export function toItems(
	context: IExecuteSingleFunctions,
	records: IDataObject | IDataObject[],
): INodeExecutionData[] {
	const item = context.getItemIndex();
	return (Array.isArray(records) ? records : [records]).map((json) => ({
		json,
		pairedItem: { item },
	}));
}

/** The executor of operations that are one request whose response body is the output. */
export function sendAsDescribed(api: VendorApi): OperationExecutor {
	return async function sendRequest(requestData) {
		const body = await vendorRequest<IDataObject | IDataObject[]>(this, api, requestData.options);
		return toItems(this, body ?? {});
	};
}

/** Routing that makes every operation of a resource run through its executor. */
export const runThroughExecutor = { send: { paginate: true } } as const;
