import type { INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';

import { checkParameters, oneOf } from '../validation';

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

/**
 * The value of a trigger's selector (Event, Resource), checked against its options before the poll
 * sends anything: a workflow imported from another version may hold a value this one lacks.
 */
export function readChoice<T extends string>(
	context: IPollFunctions,
	selector: INodeProperties,
): T {
	const values = (selector.options as INodePropertyOptions[]).map((option) =>
		String(option.value),
	) as [T, ...T[]];
	const rule = { label: selector.displayName, schema: oneOf(values) };
	return checkParameters(context, { [selector.name]: rule })[selector.name] as T;
}
