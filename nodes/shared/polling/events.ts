import type { INodeProperties } from 'n8n-workflow';

/** The changes a trigger of this package reports. */
export type ChangeEvent = 'created' | 'updated' | 'createdOrUpdated';

/** The Event selector of a trigger, in the words of what it watches (e.g. "task"). */
export const eventSelector = (noun: string): INodeProperties => ({
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Created', value: 'created', description: `A ${noun} was created` },
		{
			name: 'Created or Updated',
			value: 'createdOrUpdated',
			description: `A ${noun} was created or changed`,
		},
		{ name: 'Updated', value: 'updated', description: `An existing ${noun} was changed` },
	],
	default: 'createdOrUpdated',
	description: 'Which changes start the workflow',
});
