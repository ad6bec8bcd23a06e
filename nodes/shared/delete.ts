import type { IDataObject } from 'n8n-workflow';

import { toItems, type OperationExecutor } from './executor';
import { readRecordId, type RecordTarget } from './record';
import { vendorRequest } from './transport/request';
import { sendChange } from './update';
import type { VendorApi } from './transport/vendorApi';

/**
 * Deletes the picked record and reports which one went, as `{ <idProperty>: id, deleted: true }`,
 * the same for every vendor whatever its own answer.
 */
export function deleteAndReport(
	target: RecordTarget,
	api: VendorApi,
	idProperty: string,
): OperationExecutor {
	return async function deleteRecord(requestData) {
		const id = readRecordId<string | number>(this, target);
		await vendorRequest(this, api, requestData.options);
		return toItems(this, { [idProperty]: id, deleted: true });
	};
}

/**
 * For vendors without a delete: takes the picked record out of use with the write that does so,
 * e.g. Cotalker's `PATCH {isActive: false}`, and outputs the record as the vendor now has it.
 */
export const deactivateRecord = (target: RecordTarget, api: VendorApi, body: IDataObject) =>
	sendChange(target, api, () => body);
