import { createHmac } from 'crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Reads a base32 secret as authenticator apps show it: any case, spaces and padding allowed. */
export function decodeBase32(secret: string): Buffer | undefined {
	const text = secret.replace(/[\s=-]/g, '').toUpperCase();
	if (!text || [...text].some((char) => !BASE32.includes(char))) return undefined;
	const bytes: number[] = [];
	let bits = 0;
	let value = 0;
	for (const char of text) {
		value = (value << 5) | BASE32.indexOf(char);
		bits += 5;
		if (bits >= 8) {
			bytes.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(bytes);
}

/**
 * The time-based one-time password (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) an
 * authenticator app shows for `secret` at `now`. Undefined when the secret is not base32.
 */
export function totpCode(secret: string, now = Date.now(), digits = 6): string | undefined {
	const key = decodeBase32(secret);
	if (!key) return undefined;
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
	const hmac = createHmac('sha1', key).update(counter).digest();
	const offset = hmac[hmac.length - 1] & 0x0f;
	const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
	return String(code).padStart(digits, '0');
}
