/**
 * The `/__sandbox/` controls every vendor emulator shares: throttling, latency, the clock,
 * seeding, the state and the request log. Each emulator's control.ts answers its own controls
 * (reset, tokens, answer shapes) and hands the rest to `sharedControlReply`.
 */
import { controlQuery, type Reply } from './http';
import { type ApiTraffic, clearRequests, latencyFrom } from './traffic';

/** What an emulator offers the shared controls. */
export interface ControlledSandbox {
	state: ApiTraffic<unknown>;
	/** How many tasks the emulator holds (in every group). */
	taskCount(): number;
	throttleNext(count: number, retryAfterSeconds?: number): void;
	/**
	 * At most `limit` requests per rolling window (the emulator's own default window), or none;
	 * `retryAfterSeconds` for an emulator whose refusals say when to retry.
	 */
	setRateLimit(limit: number | null, windowSeconds?: number, retryAfterSeconds?: number): void;
	throttleSnapshot(): unknown;
	/** Waits `ms` before answering each vendor API request from now on (0: no wait). */
	setLatency(ms: number): void;
	now(): Date;
	setClock(at: Date): void;
	advanceClock(seconds: number): void;
	/** Adds generated tasks (to a group, for vendors with groups); their IDs, or an error. */
	generateTasks(count: number, group?: string): unknown[] | string;
	seedTasks(bodies: unknown[], group?: string): unknown[] | string;
	snapshot(): unknown;
}

/**
 * Answers the shared controls:
 *   POST throttle?count=N[&retryAfter=S] | ?rate=N[&windowSeconds=S][&retryAfter=S] | ?off=true
 *   POST latency?ms=N                     → {ok, latencyMs}   (0 turns it off)
 *   POST clock?advanceSeconds=S | ?set=<ISO>
 *   POST seed?count=N[&group=<id>] | body {tasks: [...]}   → {ok, ids, tasks}
 *   GET  state
 *   GET  requests                         → the last requests logged (capped)
 *   GET  requests?count=true              → {count, byRoute}: every request since the last clear
 *   DELETE requests                       clears both; → []
 * `clock` adds what `clockExtra` returns to its answer (e.g. Copper's clock in Unix seconds).
 */
export function sharedControlReply(
	sandbox: ControlledSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
	clockExtra: () => Record<string, unknown> = () => ({}),
): Reply {
	const { param, number, ok } = controlQuery(url);
	switch (action) {
		case 'throttle':
			if (param('off') === 'true') {
				sandbox.throttleNext(0);
				sandbox.setRateLimit(null);
			} else if (param('rate') !== null) {
				sandbox.setRateLimit(number('rate') ?? 0, number('windowSeconds'), number('retryAfter'));
			} else {
				sandbox.throttleNext(number('count') ?? 1, number('retryAfter'));
			}
			return ok({ throttle: sandbox.throttleSnapshot() });
		case 'latency': {
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			const latencyMs = latencyFrom(number('ms'));
			if (typeof latencyMs === 'string') return { status: 400, body: { error: latencyMs } };
			sandbox.setLatency(latencyMs);
			return ok({ latencyMs });
		}
		case 'clock': {
			const target = param('set');
			if (target !== null) sandbox.setClock(new Date(target));
			else sandbox.advanceClock(number('advanceSeconds') ?? 0);
			return ok({ now: sandbox.now().toISOString(), ...clockExtra() });
		}
		case 'seed': {
			if (method !== 'POST') return { status: 405, body: { error: 'POST only' } };
			const count = number('count');
			const group = param('group') ?? undefined;
			const tasks = Array.isArray(body?.tasks) ? (body.tasks as unknown[]) : [];
			const ids =
				count !== undefined ? sandbox.generateTasks(count, group) : sandbox.seedTasks(tasks, group);
			return typeof ids === 'string'
				? { status: 422, body: { error: ids } }
				: ok({ ids, tasks: sandbox.taskCount() });
		}
		case 'state':
			return { status: 200, body: sandbox.snapshot() };
		case 'requests':
			if (method === 'DELETE') clearRequests(sandbox.state);
			if (param('count') === 'true') return { status: 200, body: sandbox.state.served };
			return { status: 200, body: sandbox.state.requests };
		default:
			return { status: 404, body: { error: `unknown sandbox control '${action}'` } };
	}
}

/**
 * An emulator's clock: the given clock (the machine's, or a test's), moved by the clock controls
 * (`advanceClock`, `setClock`) that every emulator offers.
 */
export function sandboxClock(base: () => Date) {
	let offsetMs = 0;
	const now = () => new Date(base().getTime() + offsetMs);
	return {
		now,
		advanceClock(seconds: number) {
			offsetMs += seconds * 1000;
		},
		setClock(at: Date) {
			if (!Number.isNaN(at.getTime())) offsetMs += at.getTime() - now().getTime();
		},
	};
}
