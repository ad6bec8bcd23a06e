import type { VendorFailure } from './vendorApi';

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/** Whether a response body is markup (an HTML or XML page) rather than a message. */
export const isMarkup = (text: string) => /^\s*</.test(text);

/**
 * The readable text of a response body that is not JSON, such as a proxy's or server's HTML
 * error page, shortened to about `maxLength` characters at a word boundary. Scripts, styles and
 * tags are dropped, common entities decoded and white space collapsed.
 */
export function errorExcerpt(body: string, maxLength = 160): string {
	const text = body
		.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
			name.startsWith('#')
				? String.fromCharCode(Number(name.slice(1)))
				: (ENTITIES[name.toLowerCase()] ?? entity),
		)
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length <= maxLength) return text;
	const cut = text.slice(0, maxLength + 1);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut.slice(0, maxLength)).replace(/[\s.,;:]+$/, '')}…`;
}

/**
 * A failure from a body that is not the vendor's JSON: a short text answer (e.g. "Not found") is
 * the message itself; a page (a proxy's HTML) gives `generic` with a short excerpt of its text.
 */
export function textFailure(body: unknown, generic: string): VendorFailure {
	const text = typeof body === 'string' ? body.trim() : '';
	if (text && !isMarkup(text) && text.length <= 200) return { message: text };
	return { message: generic, description: text ? errorExcerpt(text) : undefined };
}
