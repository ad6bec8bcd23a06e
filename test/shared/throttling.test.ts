import { retryAfterMs } from '../../nodes/shared/transport/throttling';

describe('Retry-After', () => {
	const now = Date.parse('2026-11-22T10:00:00Z');

	it.each([
		[{ 'retry-after': '3' }, 3000],
		[{ 'Retry-After': '0.5' }, 500],
		[{ 'retry-after': 'Sun, 22 Nov 2026 10:00:07 GMT' }, 7000],
		[{ 'retry-after': 'Sun, 22 Nov 2026 09:00:00 GMT' }, 0],
	])('reads %p as %d ms', (headers, expected) => {
		expect(retryAfterMs(headers, now)).toBe(expected);
	});

	it.each([[{}], [{ 'retry-after': '' }], [{ 'retry-after': 'soon' }]])(
		'has no answer for %p',
		(headers) => {
			expect(retryAfterMs(headers, now)).toBeUndefined();
		},
	);
});
