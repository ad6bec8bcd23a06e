/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling, not shipped */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { listen, sendJson, type RunningServer } from '../../sandbox/http';

/** How the vendor fails a request: an HTTP status, or the connection dropped. */
export type Fault = number | 'network error';

/**
 * The failures every request is put through: the vendor refusing it (400, 401, 403, 404, 422),
 * throttling that outlasts the retry bound (the vendor's throttle status asking for an hour), a
 * server error, and no answer at all.
 */
export const failuresFor = (throttleStatus: number): Fault[] => [
	...new Set([400, 401, 403, 404, 422, throttleStatus, 429, 500]),
	'network error',
];

/** An emulator's request handler; each run may get a fresh emulator. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A loopback server in front of a vendor emulator that answers requests as the emulator does until
 * `failFrom(index, fault)` says otherwise: from the `index`th request of the run on (0 first), every
 * request fails with `fault`, so retries and token renewals fail as well and the failure is final.
 */
export class FaultyServer {
	private requests = 0;
	private failure?: { from: number; fault: Fault; message: string };
	/** How many requests the fault was applied to since the last `reset`. */
	failed = 0;

	private constructor(
		private emulator: Handler,
		private readonly server: RunningServer,
	) {}

	static async start(emulator: Handler): Promise<FaultyServer> {
		const ready: { server?: FaultyServer } = {};
		const server = await listen((req, res) => ready.server!.handle(req, res));
		ready.server = new FaultyServer(emulator, server);
		return ready.server;
	}

	get url() {
		return this.server.url;
	}

	/** Requests the run sent so far. */
	get sent() {
		return this.requests;
	}

	/** A new run: a fresh emulator, no failure unless `failFrom` follows. */
	reset(emulator: Handler) {
		this.emulator = emulator;
		this.requests = 0;
		this.failed = 0;
		this.failure = undefined;
	}

	/** `message` is what the vendor says in its error body (the injected failure by default). */
	failFrom(index: number, fault: Fault, message?: string) {
		this.failure = {
			from: index,
			fault,
			message:
				message ?? `Injected failure: ${typeof fault === 'number' ? `HTTP ${fault}` : fault}`,
		};
	}

	async close() {
		await this.server.close();
	}

	private handle(req: IncomingMessage, res: ServerResponse) {
		const index = this.requests++;
		const failure = this.failure;
		if (!failure || index < failure.from) return this.emulator(req, res);
		this.failed++;
		if (failure.fault === 'network error') {
			req.socket.destroy();
			return;
		}
		const status = failure.fault;
		// A Retry-After longer than any retry bound: throttling and server errors are not waited out.
		sendJson(res, status, { status, message: failure.message }, { 'Retry-After': '3600' });
	}
}
