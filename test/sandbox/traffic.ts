/* eslint-disable @n8n/community-nodes/no-restricted-globals -- local tooling, not shipped */
/**
 * What every emulator keeps of the vendor API requests it serves, and the latency it adds:
 * - `requests`, the last requests in full (capped, for tests to read them);
 * - `served`, how many requests it served since the log was last cleared, in all and by route: a
 *   count that does not wrap at the log's cap, for a benchmark making thousands of requests;
 * - `latencyMs`, a wait before every vendor API answer (never before a `/__sandbox/` control),
 *   to play a vendor across a network.
 */

/** How many requests the log keeps, the last ones (the count goes on past it). */
export const MAX_LOGGED_REQUESTS = 2000;

export interface ServedRequests {
	count: number;
	/** By method and path, ids in the path read `{id}`: `GET /api/v2/task-groups/{id}/tasks`. */
	byRoute: Record<string, number>;
}

export interface ApiTraffic<Entry> {
	requests: Entry[];
	served: ServedRequests;
	latencyMs: number;
}

/** An id in a path: a number, a Mongo ObjectId or a GUID. */
const ID_SEGMENT =
	/^(\d+|[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** No request served yet, no latency: what an emulator starts with and resets to. */
export function quietTraffic<Entry>(): ApiTraffic<Entry> {
	return { requests: [], served: { count: 0, byRoute: {} }, latencyMs: 0 };
}

/** Forgets the logged requests and their count (`DELETE /__sandbox/requests`). */
export function clearRequests<Entry>(traffic: ApiTraffic<Entry>): void {
	traffic.requests = [];
	traffic.served = { count: 0, byRoute: {} };
}

/** `GET /api/v2/task-groups/{id}/tasks` for `GET /api/v2/task-groups/6a1e…/tasks?page=2`. */
export function routeOf(method: string, url: string): string {
	const path = url
		.split('?')[0]
		.split('/')
		.map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
		.join('/');
	return `${method} ${path}`;
}

/**
 * Logs and counts a vendor API request on its arrival, then waits the latency (at least
 * `latencyMs`, even where a timer fires a little early) before the emulator answers it.
 */
export async function admitRequest<Entry extends { method: string; url: string }>(
	traffic: ApiTraffic<Entry>,
	entry: Entry,
): Promise<void> {
	traffic.requests.push(entry);
	if (traffic.requests.length > MAX_LOGGED_REQUESTS) traffic.requests.shift();
	const route = routeOf(entry.method, entry.url);
	traffic.served.count++;
	traffic.served.byRoute[route] = (traffic.served.byRoute[route] ?? 0) + 1;
	const until = performance.now() + traffic.latencyMs;
	for (let left = traffic.latencyMs; left > 0; left = until - performance.now()) {
		await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
	}
}

/** A latency from the control's `ms`: a whole number of milliseconds, 0 for none. */
export function latencyFrom(ms: number | undefined): number | string {
	if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
		return 'latency needs ms=<milliseconds, 0 or more>';
	}
	return Math.round(ms);
}

/** Notes on a logged request its answer's status and when it was sent, once it is sent. */
export function logAnswer(
	res: { statusCode: number; on(event: 'finish', listener: () => void): unknown },
	entry: { status?: number; finishedAt?: number },
): void {
	res.on('finish', () => {
		entry.status = res.statusCode;
		entry.finishedAt = Date.now();
	});
}
