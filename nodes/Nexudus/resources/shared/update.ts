import type { ReplaceShape } from '../../../shared/recordWrite';
import { updateByReplacing } from '../../../shared/update';
import { recordKeptOnUpdate, type NexudusEntity } from '../../entities';
import { nexudusWritable } from './record';

/** What Nexudus' PUT accepts for the entity. */
const replaceShape = (entity: NexudusEntity): ReplaceShape => ({
	idProperty: 'Id',
	fields: entity.fields,
	kept: [...recordKeptOnUpdate, ...(entity.keptOnUpdate ?? [])],
});

/** Nexudus' PUT replaces the whole record, so an update reads, merges and writes it back. */
export const updateRecord = (entity: NexudusEntity) =>
	updateByReplacing(nexudusWritable(entity), replaceShape(entity));
