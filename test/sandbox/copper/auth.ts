/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Copper authentication: three headers on every request (vendors.md §2.1), no token exchange.
 * The emulator knows one API key and its owner's email; the email picks the acting user.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const COPPER_API_KEY = 'sandbox-copper-api-key';
export const COPPER_USER_EMAIL = 'owner@copper.sandbox.test';
export const COPPER_APPLICATION = 'developer_api';

export interface ApiKey {
	key: string;
	email: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Returns the key owner's email when all three headers match a known key, else undefined. */
export function authenticate(headers: IncomingHttpHeaders, keys: ApiKey[]): string | undefined {
	if (header(headers, 'X-PW-Application') !== COPPER_APPLICATION) return undefined;
	const token = header(headers, 'X-PW-AccessToken');
	const email = header(headers, 'X-PW-UserEmail')?.trim().toLowerCase();
	const match = keys.find((key) => key.key === token && key.email.toLowerCase() === email);
	return match?.email;
}
