/**
 * The Cotalker emulator's control API for tests, `npm run dev` and the e2e suite, under
 * `/__sandbox/` (outside Cotalker's `/api/` space). No auth, never throttled.
 */
import type { CotalkerSandbox } from '../cotalker';
import { controlQuery, type Reply } from '../http';

export function controlReply(
	sandbox: CotalkerSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, number, ok } = controlQuery(url);
	const optionalFlag = (name: string) =>
		param(name) === null ? undefined : param(name) === 'true';
	const shape = () => ({ arrayKey: sandbox.state.arrayKey, createWrap: sandbox.state.createWrap });
	switch (action) {
		case 'reset':
			sandbox.reset({
				seed: param('seed') !== 'false',
				arrayKey: param('arrayKey') || undefined,
				createWrap: optionalFlag('createWrap'),
			});
			return ok({ tasks: sandbox.state.tasks.size, ...shape() });
		case 'shape':
			sandbox.setShape({
				arrayKey: param('arrayKey') ?? undefined,
				createWrap: optionalFlag('createWrap'),
			});
			return ok(shape());
		case 'throttle':
			if (param('off') === 'true') {
				sandbox.throttleNext(0);
				sandbox.setRateLimit(null);
			} else if (param('rate') !== null) {
				sandbox.setRateLimit(number('rate') ?? 0, number('windowSeconds') ?? 60);
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
		case 'seed': {
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			const count = number('count');
			const group = param('group') ?? undefined;
			const ids =
				count !== undefined
					? sandbox.generateTasks(count, group)
					: sandbox.seedTasks(Array.isArray(body?.tasks) ? (body.tasks as unknown[]) : [], group);
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
