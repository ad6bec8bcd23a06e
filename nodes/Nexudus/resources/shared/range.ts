import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import {
	checkParameters,
	isEmpty,
	numericId,
	type ParameterRules,
} from '../../../shared/validation';
import type { NexudusEntity, RangeProperty } from '../../entities';
import type { DateQuery } from './dates';

type Bound = 'from' | 'to';

/** A label inside a sentence: "Due Date (Local Time)" → "due date (local time)"; ID stays. */
export const lowerCase = (label: string) =>
	label.replace(/\b(?!ID\b)[A-Z]\w*/g, (word) => word.toLowerCase());

const boundName = (range: RangeProperty, bound: Bound) => `${bound}${range.property}`;
const boundKey = (entity: NexudusEntity, range: RangeProperty, bound: Bound) =>
	`${bound}_${entity.name}_${range.property}`;

/** "Earliest Due Date", "Highest ID": the bound first, so that no label reads "From Time From". */
function boundLabel(range: RangeProperty, bound: Bound): string {
	const words =
		range.type === 'dateTime'
			? { from: 'Earliest', to: 'Latest' }
			: { from: 'Lowest', to: 'Highest' };
	return `${words[bound]} ${range.displayName}`;
}

function boundDescription(entity: NexudusEntity, range: RangeProperty, bound: Bound): string {
	const name = lowerCase(range.displayName);
	if (range.type !== 'dateTime') {
		return `Only ${entity.nounPlural} whose ${name} is ${bound === 'from' ? 'at least' : 'at most'} this`;
	}
	const rule =
		bound === 'from'
			? 'Nexudus compares to the minute: 14:30:45 counts from 14:30.'
			: 'Nexudus compares to the minute: 14:30:45 includes all of 14:30, and a date without a time includes the whole day.';
	const local = range.wallClock
		? " A wall-clock time in the location's time zone, sent as typed."
		: '';
	return `Only ${entity.nounPlural} whose ${name} is ${bound === 'from' ? 'at or after' : 'at or before'} this. ${rule}${local}`;
}

function boundOption(entity: NexudusEntity, range: RangeProperty, bound: Bound): INodeProperties {
	const base = {
		displayName: boundLabel(range, bound),
		name: boundName(range, bound),
		description: boundDescription(entity, range, bound),
		routing: { send: { type: 'query' as const, property: boundKey(entity, range, bound) } },
	};
	if (range.type === 'id')
		return { ...base, type: 'string', default: '', placeholder: 'e.g. 1234' };
	if (range.type === 'number') return { ...base, type: 'number', default: 0 };
	return { ...base, type: 'dateTime', default: '' };
}

/** The Ranges collection: from_/to_ bounds on every date and number property of the entity. */
export function rangesField(entity: NexudusEntity, show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Ranges',
		name: 'ranges',
		type: 'collection',
		placeholder: 'Add Range',
		default: {},
		description: `Only ${entity.nounPlural} whose dates or IDs fall between these bounds`,
		hint: 'Bounds are inclusive. A bound left empty is ignored.',
		options: entity.ranges
			.flatMap((range) =>
				(['from', 'to'] as const).map((bound) => boundOption(entity, range, bound)),
			)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		displayOptions: { show },
	};
}

/** A preSend hook: ignores the bounds left empty and checks the ID and number bounds. */
export function checkRanges(entity: NexudusEntity) {
	return async function checkRanges(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const qs: IDataObject = { ...requestOptions.qs };
		const rules: ParameterRules = {};
		for (const range of entity.ranges) {
			for (const bound of ['from', 'to'] as const) {
				const key = boundKey(entity, range, bound);
				if (!(key in qs)) continue;
				if (isEmpty(qs[key])) {
					delete qs[key];
					continue;
				}
				if (range.type === 'dateTime') continue;
				rules[`ranges.${boundName(range, bound)}`] = {
					label: boundLabel(range, bound),
					schema:
						range.type === 'id' ? numericId : z.number({ invalid_type_error: 'Expected a number' }),
				};
			}
		}
		const parsed = checkParameters(this, rules);
		for (const range of entity.ranges) {
			for (const bound of ['from', 'to'] as const) {
				const path = `ranges.${boundName(range, bound)}`;
				if (path in parsed) qs[boundKey(entity, range, bound)] = parsed[path] as number;
			}
		}
		return { ...requestOptions, qs };
	};
}

/** Every from_/to_ bound on a date property of the entity, for the hook that formats them. */
export function rangeDateQueries(entity: NexudusEntity): DateQuery[] {
	return entity.ranges
		.filter((range) => range.type === 'dateTime')
		.flatMap((range) =>
			(['from', 'to'] as const).map((bound) => ({
				key: boundKey(entity, range, bound),
				path: `ranges.${boundName(range, bound)}`,
				label: boundLabel(range, bound),
				bound,
				wallClock: range.wallClock,
			})),
		);
}
