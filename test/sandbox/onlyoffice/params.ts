/**
 * Request parameters as ASC.Api binds them: the query string and the body (JSON object or
 * form-encoded) merged, names matched case-insensitively, body over query [?]. Array
 * parameters may be sent as `name[]=a&name[]=b`, repeated `name=`, or a JSON array.
 */
export class Params {
	constructor(private readonly values: Map<string, unknown[]>) {}

	has(name: string): boolean {
		return this.values.has(name.toLowerCase());
	}

	/** The last value sent for `name`. */
	raw(name: string): unknown {
		const list = this.values.get(name.toLowerCase());
		return list?.[list.length - 1];
	}

	str(name: string): string | undefined {
		const value = this.raw(name);
		if (value === undefined || value === null) return undefined;
		return typeof value === 'string' ? value : JSON.stringify(value);
	}

	/** An `int` parameter: 0 when missing or not a whole number (the binder's default) [?]. */
	int(name: string): number {
		const value = Number(this.raw(name));
		return Number.isInteger(value) ? value : 0;
	}

	/** A `bool?` parameter: undefined when missing or unreadable. */
	bool(name: string): boolean | undefined {
		const value = this.raw(name);
		if (typeof value === 'boolean') return value;
		if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
			return value.trim().toLowerCase() === 'true';
		}
		return undefined;
	}

	list(name: string): string[] {
		return (this.values.get(name.toLowerCase()) ?? []).flatMap((value) =>
			Array.isArray(value) ? value.map(String) : [String(value)],
		);
	}
}

function add(values: Map<string, unknown[]>, name: string, value: unknown): void {
	const key = name.replace(/\[\]$/, '').toLowerCase();
	values.set(key, [...(values.get(key) ?? []), value]);
}

/** Merges query and body; a string when the body cannot be read. */
export function readParams(url: URL, rawBody: string, contentType: string): Params | string {
	const values = new Map<string, unknown[]>();
	url.searchParams.forEach((value, name) => add(values, name, value));
	const body = rawBody.trim();
	if (body === '') return new Params(values);
	const bodyValues = new Map<string, unknown[]>();
	if (contentType.toLowerCase().includes('application/x-www-form-urlencoded')) {
		new URLSearchParams(body).forEach((value, name) => add(bodyValues, name, value));
	} else {
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return 'The request body is not valid JSON';
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			return 'The request body must be a JSON object';
		}
		for (const [name, value] of Object.entries(parsed)) add(bodyValues, name, value);
	}
	for (const [key, list] of bodyValues) values.set(key, list);
	return new Params(values);
}
