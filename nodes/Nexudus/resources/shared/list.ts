import type { INodeProperties } from 'n8n-workflow';

import type { NexudusEntity } from '../../entities';
import { pagingFields } from './paging';

/** List: every record, in the order the user picks. */
export function listFields(entity: NexudusEntity): INodeProperties[] {
	const show = { resource: [entity.resource], operation: ['list'] };
	return [
		{
			displayName: 'Sort By',
			name: 'orderBy',
			type: 'options',
			options: entity.sortable
				.map((property) => ({
					name: property.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\bId\b/, 'ID'),
					value: property,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: 'Id',
			description: 'The property to sort the records by',
			routing: { send: { type: 'query', property: 'orderBy' } },
			displayOptions: { show },
		},
		{
			displayName: 'Sort Direction',
			name: 'dir',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 1 },
				{ name: 'Descending', value: -1 },
			],
			default: 1,
			routing: { send: { type: 'query', property: 'dir' } },
			displayOptions: { show },
		},
		...pagingFields(entity.resource, ['list']),
	];
}
