/**
 * The ONLYOFFICE emulator's control API for tests, `npm run dev` and the e2e suite, under
 * `/__sandbox/` (outside the portal's `/api/2.0/` space). No auth, never throttled, always JSON.
 */
import { sharedControlReply } from '../control';
import { controlQuery, type Reply } from '../http';
import type { OnlyofficeSandbox } from '../onlyoffice';

export function controlReply(
	sandbox: OnlyofficeSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, number, ok } = controlQuery(url);
	switch (action) {
		case 'reset': {
			const lifetime = number('tokenLifetimeSeconds');
			const offset = number('utcOffsetMinutes');
			sandbox.reset({
				seed: param('seed') !== 'false',
				errorDetail: param('errorDetail') === null ? undefined : param('errorDetail') === 'true',
				tokenLifetimeSeconds: lifetime !== undefined && lifetime > 0 ? lifetime : undefined,
				utcOffsetMinutes: offset !== undefined && Number.isInteger(offset) ? offset : undefined,
				tokens: param('tokens') === 'clear' ? 'clear' : 'keep',
			});
			return ok({ tasks: sandbox.state.tasks.size });
		}
		case 'expire-tokens':
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			return ok({ expired: sandbox.expireTokens() });
		default:
			return sharedControlReply(sandbox, method, url, action, body);
	}
}
