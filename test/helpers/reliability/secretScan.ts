/**
 * Looks for credential values in everything a run leaves behind. A secret can reach a user, a log
 * or n8n's stored executions as it is, URL-encoded, or base64-encoded (alone, or as the
 * `user:password` of a Basic Authorization header), so each of those forms is looked for.
 */
export interface SecretFinding {
	/** Which secret, and in which form (e.g. "password, base64"). */
	secret: string;
	/** Where it was found (e.g. "Create task › execution data"). */
	where: string;
}

/** One credential value to look for; `user` makes its Basic Authorization form known too. */
export interface Secret {
	name: string;
	value: string;
	user?: string;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Every form of a secret that would give it away, each under a name saying which form it is. */
export function secretForms({ name, value, user }: Secret): Array<[string, string]> {
	const forms: Array<[string, string]> = [
		[name, value],
		[`${name}, URL-encoded`, encodeURIComponent(value)],
		[`${name}, base64`, base64(value)],
	];
	if (user !== undefined) forms.push([`${name}, in Basic auth`, base64(`${user}:${value}`)]);
	// A value with nothing to encode is one form, found once.
	return forms.filter(
		([, form], index) => forms.findIndex(([, other]) => other === form) === index,
	);
}

/**
 * Everything `value` holds, as text: its JSON (what n8n stores) and, for errors and anything
 * else JSON leaves out, every own property, enumerable or not (message, stack, cause, context…).
 */
export function everythingIn(value: unknown): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const walk = (current: unknown, depth: number) => {
		if (typeof current === 'string') parts.push(current);
		if (typeof current !== 'object' || current === null || depth > 12) return;
		if (seen.has(current)) return;
		seen.add(current);
		for (const key of Object.getOwnPropertyNames(current)) {
			parts.push(key);
			walk((current as Record<string, unknown>)[key], depth + 1);
		}
	};
	let json: string;
	try {
		json = JSON.stringify(value) ?? '';
	} catch (error) {
		json = `JSON.stringify failed: ${(error as Error).message}`;
	}
	walk(value, 0);
	return [json, ...parts].join('\n');
}

/** Scans texts for a fixed set of secrets, and keeps count of what it scanned and found. */
export class SecretScanner {
	readonly findings: SecretFinding[] = [];
	/** Every value looked for, the secrets given and those a scan added (e.g. issued tokens). */
	readonly values = new Set<string>();
	scannedChars = 0;
	scans = 0;

	constructor(private readonly secrets: Secret[]) {}

	/**
	 * Looks for every secret, and for `more` (e.g. a token the vendor issued during this run), in
	 * everything `value` holds; returns what this scan found.
	 */
	scan(where: string, value: unknown, more: Secret[] = []): SecretFinding[] {
		const secrets = [...this.secrets, ...more];
		const short = secrets.find((secret) => secret.value.length < 12);
		// A short value could turn up by coincidence: a finding would prove nothing.
		if (short) throw new Error(`${short.name} is too short to look for (under 12 characters)`);
		for (const secret of secrets) this.values.add(secret.value);
		const text = typeof value === 'string' ? value : everythingIn(value);
		this.scans++;
		this.scannedChars += text.length;
		const found = secrets
			.flatMap(secretForms)
			.filter(([, form]) => text.includes(form))
			.map(([secret]) => ({ secret, where }));
		this.findings.push(...found);
		return found;
	}
}
