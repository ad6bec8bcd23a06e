import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { parseDate, toMinuteStamp } from '../../../shared/dates';
import { checkParameters, dateInput } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';

/** A query parameter that carries a date, and the field it comes from. */
export interface DateQuery {
	/** The query parameter, e.g. `from_CoworkerTask_DueDate`. */
	key: string;
	/** The parameter path of the field, e.g. `ranges.fromDueDate`. */
	path: string;
	label: string;
}

/** Every from_/to_ range on a date property of the entity, with its field in the Ranges set. */
export function rangeDateQueries(entity: NexudusEntity): DateQuery[] {
	return entity.ranges
		.filter((range) => range.type === 'dateTime')
		.flatMap((range) => [
			{
				key: `from_${entity.name}_${range.property}`,
				path: `ranges.from${range.property}`,
				label: `${range.displayName} From`,
			},
			{
				key: `to_${entity.name}_${range.property}`,
				path: `ranges.to${range.property}`,
				label: `${range.displayName} To`,
			},
		]);
}

/**
 * A preSend hook: checks the dates the user set and writes them as Nexudus filters expect,
 * `YYYY-MM-DDTHH:mm`. A date with an offset is converted to UTC; one without is taken as written.
 */
export function sendDatesAsMinutes(queries: DateQuery[]) {
	return async function formatDates(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const qs = { ...requestOptions.qs };
		const present = queries.filter((query) => qs[query.key] !== undefined);
		checkParameters(
			this,
			Object.fromEntries(
				present.map((query) => [query.path, { label: query.label, schema: dateInput }]),
			),
		);
		for (const query of present) qs[query.key] = toMinuteStamp(parseDate(qs[query.key])!);
		return { ...requestOptions, qs };
	};
}
