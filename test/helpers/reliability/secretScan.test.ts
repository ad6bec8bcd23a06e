import { SecretScanner } from './secretScan';

const secret = { name: 'password', value: 'planted secret/9Qz+7Xw', user: 'ada@example.test' };
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The scanner every secrets proof relies on: it must find a secret wherever a run keeps text. */
describe('SecretScanner', () => {
	it('finds a secret in each form, in the places JSON leaves out (non-enumerable, stack, cause)', () => {
		const error = new Error('Request failed');
		Object.defineProperty(error, 'context', {
			value: { authorization: `Basic ${base64(`${secret.user}:${secret.value}`)}` },
			enumerable: false,
		});
		error.stack += `\n    at ${base64(secret.value)}`;
		const scanner = new SecretScanner([secret]);

		const found = scanner.scan('the run', {
			json: [{ ok: true }],
			error: Object.assign(error, { cause: { url: `/?key=${encodeURIComponent(secret.value)}` } }),
		});

		expect(found.map((finding) => finding.secret).sort()).toEqual([
			'password, URL-encoded',
			'password, base64',
			'password, in Basic auth',
		]);
	});

	it('finds nothing in a clean run, and counts what it scanned', () => {
		const scanner = new SecretScanner([secret]);

		expect(scanner.scan('a clean run', { json: [{ name: 'planted secret' }] })).toEqual([]);
		expect(scanner.scans).toBe(1);
		expect(scanner.scannedChars).toBeGreaterThan(0);
		expect(scanner.findings).toEqual([]);
	});

	it('refuses a secret too short to prove anything by its absence', () => {
		expect(() => new SecretScanner([{ name: 'pin', value: '1234' }]).scan('x', 'x')).toThrow(
			'pin is too short to look for (under 12 characters)',
		);
	});
});
