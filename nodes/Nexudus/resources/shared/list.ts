import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { oneOf } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';

const label = (property: string) =>
	property.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\bId\b/, 'ID');

/** Sort By and Sort Direction. Records come newest first unless the user picks another order. */
export function sortFields(
	entity: NexudusEntity,
	show: IDisplayOptions['show'],
): INodeProperties[] {
	return [
		{
			displayName: 'Sort By',
			name: 'orderBy',
			type: 'options',
			options: entity.sortable
				.map((property) => ({ name: label(property), value: property }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: 'CreatedOn',
			description: `The property to sort the ${entity.nounPlural} by`,
			routing: { send: { type: 'query', property: 'orderBy' } },
			displayOptions: { show },
		},
		{
			displayName: 'Sort Direction',
			name: 'dir',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 1, description: 'Oldest, lowest or A first' },
				{ name: 'Descending', value: -1, description: 'Newest, highest or Z first' },
			],
			default: -1,
			description: 'Whether to sort up or down',
			routing: { send: { type: 'query', property: 'dir' } },
			displayOptions: { show },
		},
	];
}

/** The checks of Sort By and Sort Direction, where they are shown (not for Find by IDs). */
export const sortRules = (entity: NexudusEntity) => ({
	orderBy: {
		label: 'Sort By',
		schema: oneOf(entity.sortable as [string, ...string[]]).optional(),
	},
	dir: {
		label: 'Sort Direction',
		schema: z
			.union([z.literal(1), z.literal(-1)], {
				errorMap: () => ({ message: 'Expected 1 (ascending) or -1 (descending)' }),
			})
			.optional(),
	},
});
