import type { RecordTarget, WritableRecord } from '../../../shared/record';
import type { NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';
import { nexudusApi } from '../../transport';

/** A Nexudus entity as the record an operation acts on: its pickers carry the ID rule. */
export const nexudusRecord = (entity: NexudusEntity): RecordTarget => ({
	resource: entity.resource,
	noun: entity.noun,
	path: entity.path,
	picker: pickers[entity.resource as keyof typeof pickers],
});

/** A Nexudus entity as a record the node creates or updates, taking a shared Task if it is one. */
export const nexudusWritable = (entity: NexudusEntity): WritableRecord => ({
	...nexudusRecord(entity),
	api: nexudusApi,
	fields: entity.fields,
	fromTask: entity.task?.writing,
});
