/**
 * The emulator's control API for tests and the e2e suite, under `/__sandbox/` (outside the
 * vendor's `/api/` space). No auth, never throttled.
 */
import type { NexudusSandbox, NexudusSettings } from '../nexudus';
import { controlQuery } from '../http';
import type { Reply } from './replies';

export function controlReply(
	sandbox: NexudusSandbox,
	method: string,
	url: URL,
	action: string,
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
		case 'throttle':
			if (param('off') === 'true') {
				sandbox.clearThrottle();
			} else if (param('rate') !== null) {
				const windowSeconds = number('windowSeconds') ?? 60;
				sandbox.setRateLimit(number('rate') ?? 0, windowSeconds, number('retryAfter'));
			} else {
				sandbox.throttleNext(number('count') ?? 1, number('retryAfter') ?? 1);
			}
			return ok({ throttle: sandbox.snapshot().throttle });
		case 'clock': {
			const target = param('set');
			if (target !== null) sandbox.setClock(new Date(target));
			else sandbox.advanceClock(number('advanceSeconds') ?? 0);
			return ok({ now: sandbox.now().toISOString() });
		}
		case 'expire-tokens':
			sandbox.expireTokens();
			return ok();
		case 'state':
			return { status: 200, body: sandbox.snapshot() };
		case 'requests':
			if (method === 'DELETE') sandbox.state.requests = [];
			return { status: 200, body: sandbox.state.requests };
		default:
			return { status: 404, body: { error: `unknown sandbox control '${action}'` } };
	}
}
