import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { z } from 'zod';

import { minuteBound, type MinuteBoundOptions } from '../../../shared/dates';
import { checkParameters } from '../../../shared/validation';

/** A query parameter that carries a date, and the field it comes from. */
export interface DateQuery extends MinuteBoundOptions {
	/** The query parameter, e.g. `from_CoworkerTask_DueDate`. */
	key: string;
	/** The parameter path of the field, e.g. `ranges.fromDueDate`. */
	path: string;
	label: string;
}

/**
 * A preSend hook: checks the dates the user set and writes them as Nexudus' minute filters take
 * them, `YYYY-MM-DDTHH:mm` (see minuteBound for the rule at the bounds). A date with an offset is
 * converted to UTC, one without is taken as written; a wall-clock property keeps the digits typed.
 * Empty date filters never reach this hook (see find.ts and range.ts).
 */
export function sendDatesAsMinutes(queries: DateQuery[]) {
	return async function formatDates(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const qs = { ...requestOptions.qs };
		const present = queries.filter((query) => qs[query.key] !== undefined);
		const parsed = checkParameters(
			this,
			Object.fromEntries(
				present.map((query) => [
					query.path,
					{
						label: query.label,
						schema: z.unknown().refine((value) => minuteBound(value, query) !== undefined, {
							message: `Expected a date such as 2026-05-31 or 2026-05-31T14:30:00${query.wallClock ? '' : 'Z'}`,
						}),
					},
				]),
			),
		);
		for (const query of present) qs[query.key] = minuteBound(parsed[query.path], query);
		return { ...requestOptions, qs };
	};
}
