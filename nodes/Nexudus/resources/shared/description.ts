import type { INodeProperties } from 'n8n-workflow';

import { createFields } from '../../../shared/create';
import { pagingFields } from '../../../shared/listPaging';
import { recordField } from '../../../shared/record';
import { updateFields } from '../../../shared/update';
import type { NexudusEntity } from '../../entities';
import { commandFields } from './commands';
import { findFields, findPagingFields, type NexudusFilter } from './find';
import { sortFields } from './list';
import { rangesField } from './range';
import { nexudusRecord, nexudusWritable } from './record';
import { entityOperations } from './operations';
import { simplifyFields } from './simplify';

/**
 * Everything the node shows for one Nexudus entity: its operations and their fields. Find (by
 * filters) takes filters, ranges and sort together; Range takes ranges and sort; List takes sort.
 */
export function entityDescription(
	entity: NexudusEntity,
	filters: NexudusFilter[],
): INodeProperties[] {
	const resource = [entity.resource];
	const searching = { resource, operation: ['find'], findBy: ['filters'] };
	return [
		entityOperations(entity, filters),
		recordField(nexudusRecord(entity), ['get', 'update', 'delete']),
		...findFields(entity, filters),
		rangesField(entity, searching),
		rangesField(entity, { resource, operation: ['range'] }),
		...sortFields(entity, searching),
		...sortFields(entity, { resource, operation: ['list', 'range'] }),
		...findPagingFields(entity),
		...pagingFields(entity.resource, ['list', 'range']),
		...simplifyFields(entity),
		...createFields(nexudusWritable(entity)),
		...updateFields(nexudusWritable(entity)),
		...commandFields(entity),
	];
}
