import type { INodeProperties } from 'n8n-workflow';

import type { NexudusEntity } from '../../entities';
import { pagingFields } from './paging';

/** Range: from_/to_ bounds on every date and number property of the entity. */
export function rangeFields(entity: NexudusEntity): INodeProperties[] {
	const options: INodeProperties[] = entity.ranges.flatMap((range) =>
		(['from', 'to'] as const).map((bound) => ({
			displayName: `${range.displayName} ${bound === 'from' ? 'From' : 'To'}`,
			name: `${bound}${range.property}`,
			type: range.type,
			default: range.type === 'number' ? 0 : '',
			description: `${bound === 'from' ? 'Earliest' : 'Latest'} ${range.displayName.toLowerCase()} to include`,
			routing: {
				send: { type: 'query' as const, property: `${bound}_${entity.name}_${range.property}` },
			},
		})),
	);
	return [
		{
			displayName: 'Ranges',
			name: 'ranges',
			type: 'collection',
			placeholder: 'Add Range',
			default: {},
			options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			displayOptions: { show: { resource: [entity.resource], operation: ['range'] } },
		},
		...pagingFields(entity.resource, ['range']),
	];
}
