import type { IDataObject } from 'n8n-workflow';

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date as users and n8n's date picker write it: ISO 8601 with or without time, seconds
 * and offset. A value without an offset is a wall-clock time in `timeZone` (IANA) when given,
 * else UTC; never the machine's local time. Returns undefined for anything else.
 */
export function parseDate(value: unknown, timeZone?: string): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value !== 'string') return undefined;
	const match = ISO_DATE_TIME.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0'] = match;
	if (!match[8] && timeZone) {
		const utc = parseDate(`${value.trim()}Z`);
		return utc && new Date(utc.getTime() - zoneOffsetMs(utc, timeZone));
	}
	const offset = match[8] ?? 'Z';
	const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
	const date = new Date(normalised);
	if (Number.isNaN(date.getTime())) return undefined;
	// Reject dates that JavaScript rolls over, such as 2026-02-30.
	const calendarCheck = new Date(`${year}-${month}-${day}T00:00:00Z`);
	return calendarCheck.getUTCDate() === Number(day) ? date : undefined;
}

/**
 * How far the wall clock of `timeZone` (IANA, e.g. Europe/Berlin) is ahead of UTC around `wall`, a
 * wall-clock time written as if it were UTC. Twice, so that a time near a daylight-saving change
 * gets the offset in force at the moment it names.
 */
function zoneOffsetMs(wall: Date, timeZone: string): number {
	const offsetAt = (instant: Date) => {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(instant);
		const part = (type: string) =>
			Number(parts.find((candidate) => candidate.type === type)!.value);
		const asUtc = Date.UTC(
			part('year'),
			part('month') - 1,
			part('day'),
			part('hour'),
			part('minute'),
			part('second'),
		);
		return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
	};
	const first = offsetAt(wall);
	return offsetAt(new Date(wall.getTime() - first));
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The wall-clock time a user typed, `YYYY-MM-DDTHH:mm:ss`, without a zone and not converted: for
 * fields a vendor reads in a place's own local time. An offset or `Z` the value carries is
 * dropped, not applied. A Date (from an expression) gives its UTC digits. Undefined if invalid.
 */
export function toWallClock(value: unknown): string | undefined {
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 19);
	}
	if (typeof value !== 'string' || parseDate(value) === undefined) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00'] = ISO_DATE_TIME.exec(
		value.trim(),
	)!;
	return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
}

/** `YYYY-MM-DDTHH:mm` in UTC: the minute-precision form of Nexudus range filters. */
export function toMinuteStamp(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** Whole seconds since the Unix epoch: Copper's date form. */
export function toUnixSeconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

/**
 * ISO 8601 in UTC with hyphens for colons, `2026-05-31T14-30-00.000Z`: the form ONLYOFFICE
 * documents for dates in URLs, where a colon would be taken for something else.
 */
export const toUrlDate = (date: Date) => date.toISOString().replace(/:/g, '-');

/** Unix seconds as ISO 8601 in UTC; undefined for anything but a number of seconds. */
export function fromUnixSeconds(value: unknown): string | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
	return new Date(value * 1000).toISOString();
}

/**
 * Adds a readable copy beside each date a vendor gives in Unix seconds, keeping the raw value:
 * `due_date: 1496799000` gains `due_date_iso: '2017-06-07T01:30:00.000Z'`. An empty date gets an
 * empty copy (null), so every record of a kind has the same fields.
 */
export const withReadableDates =
	(properties: string[]) =>
	(record: IDataObject): IDataObject => {
		const readable: IDataObject = { ...record };
		for (const property of properties) {
			if (property in record)
				readable[`${property}_iso`] = fromUnixSeconds(record[property]) ?? null;
		}
		return readable;
	};

/** Drops everything below `granularityMs`, e.g. the seconds of a minute-precision API. */
export function floorTo(date: Date, granularityMs: number): Date {
	return new Date(Math.floor(date.getTime() / granularityMs) * granularityMs);
}

/** How a date bound of a minute-precision filter is written, see minuteBound. */
export interface MinuteBoundOptions {
	/** `to` bounds extend to the end of what the value names. */
	bound: 'from' | 'to' | 'equal';
	/** The property is a wall-clock time: the typed digits are sent, not converted to UTC. */
	wallClock?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * A date as a minute-precision filter (`YYYY-MM-DDTHH:mm`) takes it. Such a filter compares the
 * minute of each record's time with the bound, so a bound stands for its whole minute:
 * - `from` and `equal`: the minute the time falls in (`from 14:30:45` sends 14:30, which may add
 *   records from the seconds before: never fewer).
 * - `to`: also the minute the time falls in, which includes that whole minute (`to 14:30:45` and
 *   `to 14:30:00` both send 14:30, so a record at 14:30:45 is in). A date without a time names the
 *   whole day: `to 2026-11-21` sends 2026-11-21T23:59.
 * A value with an offset is converted to UTC, unless `wallClock`: then the digits typed are kept.
 * Returns undefined for a value that is not a date.
 */
export function minuteBound(value: unknown, options: MinuteBoundOptions): string | undefined {
	const date = parseDate(options.wallClock ? toWallClock(value) : value);
	if (!date) return undefined;
	const dayOnly = typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value);
	const end =
		options.bound === 'to' && dayOnly ? new Date(date.getTime() + DAY_MS - MINUTE_MS) : date;
	return toMinuteStamp(end);
}
