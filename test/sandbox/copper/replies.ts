/**
 * Replies of the Copper emulator. Copper's error body is `{status, message}` (vendors.md §2.2,
 * API-Evangelist error schema). Some live responses reportedly add `success: false` [?]; the
 * emulator leaves it out, so a client must not depend on it.
 */

import type { Reply } from '../http';

export type { Reply };

export function copperError(status: number, message: string): Reply {
	return { status, body: { status, message } };
}

export const NOT_FOUND = (): Reply => copperError(404, 'Resource not found');

export const INVALID_INPUT = (message: string): Reply => copperError(422, message);
