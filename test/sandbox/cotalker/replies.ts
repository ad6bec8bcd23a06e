/**
 * Replies of the Cotalker emulator. Cotalker documents no error body (the API reference is a
 * hosted Swagger UI that was not fetched, vendors.md §4.1), so the emulator answers every error
 * as `{statusCode, error, message}` (the status, its reason phrase and a sentence) [?]. The SDK
 * only looks at the status (401, 403, 404, 429 with Retry-After, 500), so a client should too.
 */
import type { Reply } from '../http';

export type { Reply };

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
};

export const UNAUTHORIZED_MESSAGE = 'Invalid or expired access token';
export const ADMIN_REQUIRED_MESSAGE = 'This endpoint requires the header Admin: true';
export const THROTTLE_MESSAGE = 'Too many requests, please retry later';

export function cotalkerError(status: number, message: string): Reply {
	return { status, body: { statusCode: status, error: REASONS[status] ?? 'Error', message } };
}

export const badRequest = (message: string): Reply => cotalkerError(400, message);

export const notFound = (what = 'Resource'): Reply => cotalkerError(404, `${what} not found`);

export const invalidId = (name: string, value: string): Reply =>
	badRequest(`${name} must be an ObjectId (24 hex characters), got '${value}'`);

export const ok = (body: unknown): Reply => ({ status: 200, body });
