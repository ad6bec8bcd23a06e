/**
 * Date handling for the Nexudus emulator.
 *
 * Datetimes are stored as epoch milliseconds and rendered per field kind:
 * - `utc`: UTC with a trailing `Z` (e.g. `DueDate`, documented as UTC).
 * - `local`: the business's wall-clock, no zone designator (e.g. `DueDateLocal`).
 * - `stamp`: server stamps (`CreatedOn`, `UpdatedOn`, ...). Rendered as UTC in `utc` mode, or
 *   as the local wall-clock followed by a literal, misleading `Z` in `localWithFakeZ` mode.
 *
 * Range filters compare the minute-truncated *rendered* value with the filter value, so a
 * client always filters in the same clock it reads.
 */

export type TimestampMode = 'utc' | 'localWithFakeZ';
export type DateKind = 'utc' | 'local' | 'stamp';

export interface ClockSettings {
	timestampMode: TimestampMode;
	/** Offset of the business's local time from UTC, e.g. 120 for UTC+2 (no DST). */
	localUtcOffsetMinutes: number;
	/**
	 * The business's IANA time zone, e.g. `Europe/Berlin`. When set, local times follow its
	 * daylight-saving changes (and localUtcOffsetMinutes is not used): a stamp keeps the offset in
	 * force when it was made, as Nexudus stores the wall-clock itself.
	 */
	timeZone?: string;
}

const INPUT_PATTERN =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** Offsets by zone and quarter hour (every zone changes offset on a quarter hour): rendering is hot. */
const zoneOffsets = new Map<string, number>();

function zoneOffsetMinutes(ms: number, timeZone: string): number {
	const key = `${timeZone} ${Math.floor(ms / QUARTER_HOUR_MS)}`;
	let offset = zoneOffsets.get(key);
	if (offset === undefined) {
		const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
			.formatToParts(new Date(ms))
			.find((part) => part.type === 'timeZoneName')?.value;
		const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
		offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
		zoneOffsets.set(key, offset);
	}
	return offset;
}

/** The business's offset from UTC at the instant `ms`, in minutes. */
export function localOffsetAt(ms: number, clock: ClockSettings): number {
	return clock.timeZone ? zoneOffsetMinutes(ms, clock.timeZone) : clock.localUtcOffsetMinutes;
}

/** The instant a business wall-clock time (written as if UTC) names; twice, for the offset in force then. */
function wallClockToInstant(wallClockMs: number, clock: ClockSettings): number {
	const first = localOffsetAt(wallClockMs, clock);
	return wallClockMs - localOffsetAt(wallClockMs - first * MINUTE_MS, clock) * MINUTE_MS;
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:mm:ss` of the instant shifted by `offsetMinutes`, without a zone. */
export function formatWallClock(ms: number, offsetMinutes: number): string {
	const d = new Date(ms + offsetMinutes * MINUTE_MS);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

export function formatUtc(ms: number): string {
	return `${formatWallClock(ms, 0)}Z`;
}

export function renderDate(ms: number, kind: DateKind, clock: ClockSettings): string {
	if (kind === 'utc') return formatUtc(ms);
	if (kind === 'local') return formatWallClock(ms, localOffsetAt(ms, clock));
	return clock.timestampMode === 'utc'
		? formatUtc(ms)
		: `${formatWallClock(ms, localOffsetAt(ms, clock))}Z`;
}

/** Whether a value of this kind is written and read as the business's local wall-clock. */
function isWallClockKind(kind: DateKind, clock: ClockSettings): boolean {
	return kind === 'local' || (kind === 'stamp' && clock.timestampMode === 'localWithFakeZ');
}

/**
 * Parses a datetime sent by a client. Values without a zone are read in the field's own clock.
 * For wall-clock fields a trailing `Z` is ignored (it is the fake `Z` the API itself emits);
 * explicit `+hh:mm` offsets are always honoured.
 * Returns `null` for empty input and `undefined` for an unparseable value.
 */
export function parseDateInput(
	value: unknown,
	kind: DateKind,
	clock: ClockSettings,
): number | null | undefined {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value !== 'string') return undefined;
	const match = INPUT_PATTERN.exec(value.trim());
	if (!match) return undefined;
	const [, day, time = '00:00', seconds = '00', zone] = match;
	const wallClockMs = Date.parse(`${day}T${time}:${seconds}Z`);
	if (Number.isNaN(wallClockMs)) return undefined;
	const wallClock = isWallClockKind(kind, clock);
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
		return wallClockMs - offset * MINUTE_MS;
	}
	return wallClock ? wallClockToInstant(wallClockMs, clock) : wallClockMs;
}

/**
 * Normalises a range-filter value (`YYYY-MM-DDTHH:mm`, also accepting a date only, seconds,
 * or a trailing `Z`) to the comparable 16-character minute prefix; `undefined` if invalid.
 */
export function normaliseRangeValue(value: string): string | undefined {
	const match = INPUT_PATTERN.exec(value.trim());
	if (!match || (match[4] && match[4].toUpperCase() !== 'Z')) return undefined;
	const [, day, time = '00:00'] = match;
	if (Number.isNaN(Date.parse(`${day}T${time}:00Z`))) return undefined;
	return `${day}T${time}`;
}

/** Minute prefix (`YYYY-MM-DDTHH:mm`) of a rendered datetime. */
export function minutePrefix(rendered: string): string {
	return rendered.slice(0, 16);
}
