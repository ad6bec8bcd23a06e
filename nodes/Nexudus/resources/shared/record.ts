import type { RecordTarget } from '../../../shared/record';
import { pickedRecordId } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';

/** A Nexudus entity as the record an operation acts on: IDs are positive whole numbers. */
export const nexudusRecord = (entity: NexudusEntity): RecordTarget => ({
	resource: entity.resource,
	noun: entity.noun,
	path: entity.path,
	picker: pickers[entity.resource as keyof typeof pickers],
	idRule: pickedRecordId,
});
