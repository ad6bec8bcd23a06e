import { decodeBase32, totpCode } from '../../nodes/shared/totp';

// RFC 6238, appendix B: the SHA-1 secret is the ASCII text "12345678901234567890".
const RFC_VECTOR = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('two-factor codes (TOTP)', () => {
	it.each([
		[59, '94287082'],
		[1_111_111_109, '07081804'],
		[1_234_567_890, '89005924'],
		[20_000_000_000, '65353130'],
	])('gives the RFC 6238 code at %i s', (seconds, code) => {
		expect(totpCode(RFC_VECTOR, seconds * 1000, 8)).toBe(code);
		expect(totpCode(RFC_VECTOR, seconds * 1000)).toBe(code.slice(-6));
	});

	it('reads secrets as authenticator apps show them', () => {
		expect(decodeBase32('gezd gnbv gy3t qojq====')).toEqual(Buffer.from('1234567890'));
		expect(totpCode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq', 59_000)).toBe('287082');
	});

	it('refuses a secret that is not base32', () => {
		expect(totpCode('not-base32!', 59_000)).toBeUndefined();
		expect(totpCode('', 59_000)).toBeUndefined();
	});
});
