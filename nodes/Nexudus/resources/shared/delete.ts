import { deleteAndReport } from '../../../shared/delete';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import { nexudusRecord } from './record';

/** Deletes the record and reports which one went. */
export const deleteRecord = (entity: NexudusEntity) =>
	deleteAndReport(nexudusRecord(entity), nexudusApi, 'Id');
