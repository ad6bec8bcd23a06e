/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- local tooling, not shipped */

/** A named end-to-end check; each failure is reported and counted, and the run goes on. */
export class Checks {
	private passed = 0;
	private failed = 0;

	async check(name: string, body: () => Promise<void> | void): Promise<boolean> {
		const started = Date.now();
		try {
			await body();
			this.passed++;
			console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
			return true;
		} catch (error) {
			this.failed++;
			console.log(`✗ ${name}\n  ${describe(error).replace(/\n/g, '\n  ')}`);
			return false;
		}
	}

	/** The same checks, each named with `prefix` (e.g. the n8n version it ran on). */
	prefixed(prefix: string): Pick<Checks, 'check'> {
		return {
			check: async (name: string, body: () => Promise<void> | void) =>
				await this.check(`${prefix} ${name}`, body),
		};
	}

	/** Prints the closing line and sets the exit code. */
	finish(): void {
		console.log(`\n${this.passed} passed, ${this.failed} failed`);
		process.exitCode = this.failed === 0 && this.passed > 0 ? 0 : 1;
	}
}

/** An error's message with its causes (fetch's "fetch failed" says why only in its cause). */
function describe(error: unknown): string {
	const { message, cause } = (error ?? {}) as { message?: string; cause?: unknown };
	const text = message ?? String(error);
	if (cause === undefined) return text;
	const code = (cause as { code?: string }).code;
	return `${text}: ${code ? `${code} ` : ''}${describe(cause)}`;
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export function expectTrue(condition: unknown, what: string): void {
	if (!condition) throw new Error(what);
}
