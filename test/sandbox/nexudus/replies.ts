/** Reply values shared by the Nexudus emulator's route handlers. */

import type { Reply } from '../http';

export type { Reply };

export const NOT_FOUND = 'Not found';

export function methodNotSupported(method: string): Reply {
	return {
		status: 405,
		body: { Message: `The requested resource does not support http method '${method}'.` },
	};
}

/** Lists query parameters the emulator ignored, to make client typos visible in tests. */
export function ignoredParamsHeader(ignored: string[]): Record<string, string> {
	return ignored.length > 0 ? { 'X-Sandbox-Ignored-Params': ignored.join(',') } : {};
}
