/**
 * ONLYOFFICE `ApiDateTime` (vendors.md §3.1, FAQ "date format").
 *
 * - Answers use the round-trip form with the portal's UTC offset and seven fraction digits:
 *   `2008-04-10T06:30:00.0000000-07:00`.
 * - Requests may send a date only (`2008-04-10`), a date-time with or without an offset, and,
 *   in URLs, the same with hyphens for colons: `2008-04-10T06-30-00.000Z` (an offset
 *   may be hyphenated too, `+03-00` [?]).
 * - A value without an offset is the portal's wall-clock [?] (ApiDateTime treats it as tenant
 *   time); a date only is midnight of that day in portal time, so `toDate=2026-03-10` ends at
 *   00:00 of that day, as the DAO compares the instant [?].
 */

const MINUTE_MS = 60_000;
const INPUT_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})[:-](\d{2})(?:[:-](\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}(?:[:-]?\d{2})?)?$/i;

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** `2026-03-10T09:00:00.0000000+03:00` for the instant, in the portal's offset. */
export function formatApiDate(ms: number, offsetMinutes: number): string {
	const d = new Date(ms + offsetMinutes * MINUTE_MS);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	const fraction = pad(d.getUTCMilliseconds(), 3) + '0000';
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
		`.${fraction}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

/**
 * Parses an ApiDateTime input (body or query string) to epoch ms; undefined when it is empty
 * or not a date (the server then binds `DateTime.MinValue`, i.e. "no date").
 */
export function parseApiDate(value: unknown, offsetMinutes: number): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const match = INPUT_PATTERN.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
	const wall = Date.UTC(
		Number(y),
		Number(mo) - 1,
		Number(d),
		Number(h),
		Number(mi),
		Number(s),
		Math.floor(Number(fraction.padEnd(7, '0')) / 10_000),
	);
	if (Number.isNaN(wall)) return undefined;
	let zoneMinutes = offsetMinutes;
	if (zone && zone.toUpperCase() === 'Z') zoneMinutes = 0;
	else if (zone) {
		const digits = zone.slice(1).replace(/[:-]/, '');
		const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
		zoneMinutes = zone.startsWith('-') ? -minutes : minutes;
	}
	return wall - zoneMinutes * MINUTE_MS;
}
