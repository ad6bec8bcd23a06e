import { toItems, type OperationExecutor } from '../../../shared/executor';
import { readRecordId } from '../../../shared/record';
import { vendorRequest } from '../../../shared/transport/request';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import { nexudusRecord } from './record';

/** Deletes the record and reports which one went. */
export function deleteRecord(entity: NexudusEntity): OperationExecutor {
	return async function deleteRecord(requestData) {
		const id = readRecordId(this, nexudusRecord(entity));
		await vendorRequest(this, nexudusApi, requestData.options);
		return toItems(this, { Id: id, deleted: true });
	};
}
