/**
 * The ONLYOFFICE emulator's control API for tests, `npm run dev` and the e2e suite, under
 * `/__sandbox/` (outside the portal's `/api/2.0/` space). No auth, never throttled, always JSON.
 */
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
		case 'throttle':
			if (param('off') === 'true') {
				sandbox.throttleNext(0);
				sandbox.setRateLimit(null);
			} else if (param('rate') !== null) {
				sandbox.setRateLimit(number('rate') ?? 0, number('windowSeconds') ?? 10);
			} else {
				sandbox.throttleNext(number('count') ?? 1, number('retryAfter'));
			}
			return ok({ throttle: sandbox.state.throttle.snapshot() });
		case 'clock': {
			const target = param('set');
			if (target !== null) sandbox.setClock(new Date(target));
			else sandbox.advanceClock(number('advanceSeconds') ?? 0);
			return ok({ now: sandbox.now().toISOString() });
		}
		case 'expire-tokens':
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			return ok({ expired: sandbox.expireTokens() });
		case 'seed': {
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			const count = number('count');
			const ids =
				count !== undefined
					? sandbox.generateTasks(count)
					: sandbox.seedTasks(Array.isArray(body?.tasks) ? (body.tasks as unknown[]) : []);
			return typeof ids === 'string'
				? { status: 422, body: { error: ids } }
				: ok({ ids, tasks: sandbox.state.tasks.size });
		}
		case 'state':
			return { status: 200, body: sandbox.snapshot() };
		case 'requests':
			if (method === 'DELETE') sandbox.state.requests = [];
			return { status: 200, body: sandbox.state.requests };
		default:
			return { status: 404, body: { error: `unknown sandbox control '${action}'` } };
	}
}
