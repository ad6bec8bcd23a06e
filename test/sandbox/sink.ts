/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * A request sink for end-to-end runs: workflows post what a trigger emitted to it (e.g. via an
 * HTTP Request node), and the test reads it back.
 *
 *   any method /<anything>   → stored, answers {"ok":true}
 *   GET    /__sink/items     → stored requests, oldest first
 *   DELETE /__sink/items     → clears them
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { listen, readBody, type RunningServer, sendJson } from './http';

export interface SinkItem {
	at: string;
	method: string;
	url: string;
	body: unknown;
}

export interface Sink {
	items: SinkItem[];
	handler(req: IncomingMessage, res: ServerResponse): void;
	start(port?: number, host?: string): Promise<RunningServer>;
}

function parseBody(raw: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export function createSink(): Sink {
	const sink: Sink = {
		items: [],
		handler(req, res) {
			const url = req.url ?? '/';
			if (url.startsWith('/__sink/items')) {
				if (req.method === 'DELETE') sink.items = [];
				sendJson(res, 200, sink.items);
				return;
			}
			readBody(req)
				.then((raw) => {
					sink.items.push({
						at: new Date().toISOString(),
						method: req.method ?? 'GET',
						url,
						body: parseBody(raw),
					});
					sendJson(res, 200, { ok: true });
				})
				.catch(() => sendJson(res, 500, { ok: false }));
		},
		start: async (port = 0, host = '127.0.0.1') => await listen(sink.handler, port, host),
	};
	return sink;
}
