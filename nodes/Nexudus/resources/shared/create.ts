import { createRecord as createAndOutput } from '../../../shared/create';
import type { NexudusEntity } from '../../entities';
import { nexudusWritable } from './record';
import { writtenId } from './write';

/** Creates the record, then reads it back by the ID Nexudus reports for it. */
export const createRecord = (entity: NexudusEntity) =>
	createAndOutput(nexudusWritable(entity), writtenId(entity));
