import { floorTo, parseDate, toMinuteStamp, toUnixSeconds } from '../../nodes/shared/dates';

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
});
