/**
 * The Copper emulator's control API for tests and the e2e suite, under `/__sandbox/` (outside
 * Copper's `/developer_api/` space). No auth, never throttled.
 */
import type { CopperSandbox } from '../copper';
import { controlQuery } from '../http';
import type { Reply } from './replies';

export function controlReply(
	sandbox: CopperSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, number, ok } = controlQuery(url);
	switch (action) {
		case 'reset': {
			const cap = number('searchCap');
			const searchCap = cap !== undefined && Number.isInteger(cap) && cap > 0 ? cap : undefined;
			sandbox.reset({ seed: param('seed') !== 'false', searchCap });
			return ok({ tasks: sandbox.state.tasks.size });
		}
		case 'throttle':
			if (param('off') === 'true') {
				sandbox.throttleNext(0);
				sandbox.setRateLimit(null);
			} else if (param('rate') !== null) {
				sandbox.setRateLimit(number('rate') ?? 0, number('windowSeconds') ?? 60);
			} else {
				sandbox.throttleNext(number('count') ?? 1);
			}
			return ok({ throttle: sandbox.state.throttle.snapshot() });
		case 'clock': {
			const target = param('set');
			if (target !== null) sandbox.setClock(new Date(target));
			else sandbox.advanceClock(number('advanceSeconds') ?? 0);
			return ok({ now: sandbox.now().toISOString(), nowSeconds: sandbox.nowSeconds() });
		}
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
