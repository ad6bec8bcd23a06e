/**
 * The emulator's control API for tests and the e2e suite, under `/__sandbox/` (outside the
 * vendor's `/api/` space). No auth, never throttled. Its own controls (reset, tokens) here; the
 * ones every emulator shares (throttle, latency, clock, seed, state, requests) in ../control.ts.
 */
import { sharedControlReply } from '../control';
import { controlQuery } from '../http';
import type { NexudusSandbox, NexudusSettings } from '../nexudus';
import type { Reply } from './replies';

export function controlReply(
	sandbox: NexudusSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, number, ok } = controlQuery(url);
	switch (action) {
		case 'reset': {
			const overrides: Partial<NexudusSettings> = {};
			const mode = param('timestampMode');
			if (mode === 'utc' || mode === 'localWithFakeZ') overrides.timestampMode = mode;
			const projection = param('listProjection');
			if (projection === 'full' || projection === 'summary') overrides.listProjection = projection;
			const offset = number('localUtcOffsetMinutes');
			if (offset !== undefined) overrides.localUtcOffsetMinutes = offset;
			const lifetime = number('tokenLifetimeSeconds');
			if (lifetime !== undefined) overrides.tokenLifetimeSeconds = lifetime;
			sandbox.reset(overrides);
			if (param('tokens') === 'clear') sandbox.clearTokens();
			return ok({ settings: sandbox.state.settings });
		}
		case 'expire-tokens':
			sandbox.expireTokens();
			return ok();
		default:
			return sharedControlReply(sandbox, method, url, action, body);
	}
}
