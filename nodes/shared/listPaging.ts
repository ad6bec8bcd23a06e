import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { toItems, type OperationExecutor } from './executor';
import { fetchPages, type PagingStyle } from './transport/paging';
import type { VendorApi } from './transport/vendorApi';
import { checkParameters } from './validation';

/** Return All and Limit for an operation that lists records. */
export function pagingFields(resource: string, operations: string[]): INodeProperties[] {
	const displayOptions = { show: { resource: [resource], operation: operations } };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

const limitRule = {
	limit: {
		label: 'Limit',
		schema: z
			.number()
			.int('Expected a whole number above 0')
			.positive('Expected a whole number above 0'),
	},
};

/**
 * The executor of list operations: fetches every page (Return All), or pages until Limit records
 * are in, at the vendor's largest page size.
 */
export function fetchRecordPagesFrom(api: VendorApi, paging: PagingStyle): OperationExecutor {
	return async function fetchRecordPages(requestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? undefined : (checkParameters(this, limitRule).limit as number);
		const records = await fetchPages(this, api, paging, requestData.options, limit);
		return toItems(this, records);
	};
}
