import type { IDataObject } from 'n8n-workflow';

/**
 * A response body read as a JSON object, whatever came back: text is parsed, and anything that is
 * not a JSON object (an HTML error page, XML, plain text) becomes `{ error: <its first 200 chars> }`.
 */
export function jsonObject(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	const text = typeof body === 'string' ? body : '';
	try {
		const parsed = JSON.parse(text) as unknown;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
			return parsed as IDataObject;
	} catch {
		// not JSON: reported as text below
	}
	return { error: text.slice(0, 200) };
}
