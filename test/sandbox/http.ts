/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/** Small `node:http` helpers shared by the vendor sandboxes. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RunningServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

/** What a sandbox route answers: a status, a JSON body, and any extra headers. */
export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** How a `/__sandbox/<action>` control request reads its query, and what it answers when done. */
export function controlQuery(url: URL) {
	const param = (name: string) => url.searchParams.get(name);
	return {
		param,
		number: (name: string) => (param(name) === null ? undefined : Number(param(name))),
		ok: (extra: Record<string, unknown> = {}): Reply => ({
			status: 200,
			body: { ok: true, ...extra },
		}),
	};
}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends a JSON answer. Node dates it (HTTP `Date`) by the real clock unless a `Date` is among
 * `headers` or was set on `res` beforehand (as an emulator with its own clock does).
 */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** Listens on `host:port` (port 0 picks a free port) and resolves once the server is bound. */
export async function listen(
	handler: RequestHandler,
	port = 0,
	host = '127.0.0.1',
): Promise<RunningServer> {
	const server = createServer(handler);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host}:${address.port}`,
		port: address.port,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}
