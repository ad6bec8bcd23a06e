import {
	floorTo,
	minuteBound,
	parseDate,
	toMinuteStamp,
	toUnixSeconds,
	toWallClock,
	withReadableDates,
} from '../../nodes/shared/dates';

describe('dates', () => {
	it.each([
		['2026-05-31', '2026-05-31T00:00:00.000Z'],
		['2026-05-31T14:30', '2026-05-31T14:30:00.000Z'],
		['2026-05-31T14:30:15', '2026-05-31T14:30:15.000Z'],
		['2026-05-31T14:30:15.1234567-07:00', '2026-05-31T21:30:15.123Z'],
		['2026-05-31 14:30:15+0200', '2026-05-31T12:30:15.000Z'],
		['2026-05-31T14:30:15Z', '2026-05-31T14:30:15.000Z'],
	])('reads %s as %s, taking a missing offset as UTC', (input, expected) => {
		expect(parseDate(input)?.toISOString()).toBe(expected);
	});

	it.each(['', 'tomorrow', '2026-02-30', '2026-13-01', '31/05/2026', '1748700000'])(
		'rejects %p',
		(input) => {
			expect(parseDate(input)).toBeUndefined();
		},
	);

	it('writes the forms the vendors expect', () => {
		const date = new Date('2026-05-31T21:30:15.900Z');
		expect(toMinuteStamp(date)).toBe('2026-05-31T21:30');
		expect(toUnixSeconds(date)).toBe(1780263015);
		expect(floorTo(date, 60_000).toISOString()).toBe('2026-05-31T21:30:00.000Z');
	});

	it.each([
		['2026-12-24T09:30:00+05:00', '2026-12-24T09:30:00'],
		['2026-12-24T09:30Z', '2026-12-24T09:30:00'],
		['2026-12-24', '2026-12-24T00:00:00'],
		['2026-12-24 09:30:15.5', '2026-12-24T09:30:15'],
	])('keeps the wall-clock time typed in %s: %s, without a zone', (input, expected) => {
		expect(toWallClock(input)).toBe(expected);
	});

	it.each(['', 'soon', '2026-02-30T10:00'])('has no wall-clock time for %p', (input) => {
		expect(toWallClock(input)).toBeUndefined();
	});

	it.each([
		['from', '2026-11-21T14:30:45Z', false, '2026-11-21T14:30'],
		['to', '2026-11-21T14:30:45Z', false, '2026-11-21T14:30'],
		['to', '2026-11-21T14:30:00Z', false, '2026-11-21T14:30'],
		['to', '2026-11-21', false, '2026-11-21T23:59'],
		['from', '2026-11-21', false, '2026-11-21T00:00'],
		['to', '2026-11-22T00:30:00+02:00', false, '2026-11-21T22:30'],
		['to', '2026-11-22T00:30:00+02:00', true, '2026-11-22T00:30'],
	] as const)('writes a %s bound of %s (wall clock: %s) as %s', (bound, value, wallClock, sent) => {
		expect(minuteBound(value, { bound, wallClock })).toBe(sent);
	});
});

describe('shared › dates › Unix seconds', () => {
	it('adds a readable copy beside each Unix-seconds date, keeping the raw value', () => {
		const present = withReadableDates(['due_date', 'reminder_date', 'date_created']);
		expect(present({ id: 1, due_date: 1496799000, reminder_date: null, name: 'Call' })).toEqual({
			id: 1,
			name: 'Call',
			due_date: 1496799000,
			due_date_iso: '2017-06-07T01:30:00.000Z',
			reminder_date: null,
			reminder_date_iso: null,
		});
	});

	it('reads a date without an offset in a time zone, and one with an offset as it says', () => {
		expect(parseDate('2026-07-01T09:00:00', 'America/New_York')?.toISOString()).toBe(
			'2026-07-01T13:00:00.000Z',
		);
		expect(parseDate('2026-01-15', 'Asia/Tokyo')?.toISOString()).toBe('2026-01-14T15:00:00.000Z');
		expect(parseDate('2026-07-01T09:00:00Z', 'America/New_York')?.toISOString()).toBe(
			'2026-07-01T09:00:00.000Z',
		);
		expect(parseDate('2026-02-30T09:00:00', 'Europe/Berlin')).toBeUndefined();
	});
});
