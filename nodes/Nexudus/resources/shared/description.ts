import type { INodeProperties } from 'n8n-workflow';

import type { NexudusEntity } from '../../entities';
import { commandFields } from './commands';
import { createFields } from './create';
import { findFields, type NexudusFilter } from './find';
import { listFields } from './list';
import { rangeFields } from './range';
import { recordField } from './record';
import { updateFields } from './update';
import { operationSelector } from './operations';

/** Everything the node shows for one Nexudus entity: its operations and their fields. */
export function entityDescription(
	entity: NexudusEntity,
	filters: NexudusFilter[],
): INodeProperties[] {
	return [
		operationSelector(entity, filters),
		recordField(entity, ['get', 'update', 'delete']),
		...findFields(entity, filters),
		...listFields(entity),
		...rangeFields(entity),
		...createFields(entity),
		...updateFields(entity),
		...commandFields(entity),
	];
}
