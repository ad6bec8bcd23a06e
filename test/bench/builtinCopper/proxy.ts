/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Sends n8n's built-in Copper node to the Copper sandbox without changing n8n or the machine.
 *
 * The built-in node always calls `https://api.copper.com/developer_api/v1`. An n8n process started
 * with `env` below sends its outbound HTTPS through this forward proxy: n8n 2.x resolves the proxy
 * from HTTPS_PROXY/NO_PROXY (proxy-from-env, in @n8n/backend-network) and opens a CONNECT tunnel
 * (https-proxy-agent). For `api.copper.com:443` the proxy answers the tunnel with TLS itself, with
 * a throwaway certificate the process trusts through NODE_EXTRA_CA_CERTS, and replays each request
 * (method, path and query, headers, body) on the sandbox over plain loopback HTTP. Any other host
 * gets 502, so nothing reaches the internet; loopback (our own nodes, the sandboxes, n8n's task
 * broker) stays direct through NO_PROXY.
 *
 *   const redirect = await startCopperRedirect(sandbox.url);
 *   spawn('n8n', [...], { env: { ...n8nEnv, ...redirect.env } });
 *   ...; redirect.requests(); await redirect.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import {
	createServer as createHttpServer,
	request as httpRequest,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { makeCertificate } from './certificate';

/** The host and port the built-in Copper node calls. */
export const COPPER_HOST = 'api.copper.com';
const COPPER_AUTHORITY = `${COPPER_HOST}:443`;

export interface CopperRedirect {
	/** What to add to the n8n process's environment (both spellings: lower case wins when both are set). */
	env: Record<string, string>;
	/** The proxy's own address, e.g. http://127.0.0.1:40123. */
	url: string;
	/** Where the certificate the n8n process must trust is (also in env.NODE_EXTRA_CA_CERTS). */
	certPath: string;
	/** Requests replayed on the sandbox so far. */
	requests(): number;
	/** TLS tunnels opened to api.copper.com so far (how well the client reuses its connections). */
	tunnels(): number;
	/** Tunnels or requests refused with 502 because they were for another host. */
	refused(): number;
	/** Stops the proxy, ends its tunnels and deletes the certificate. */
	close(): Promise<void>;
}

/** Starts the redirect on a free loopback port; `sandboxUrl` is the sandbox's origin. */
export async function startCopperRedirect(sandboxUrl: string): Promise<CopperRedirect> {
	const folder = mkdtempSync(join(tmpdir(), 'copper-redirect-'));
	const certificate = makeCertificate(COPPER_HOST, folder);
	const sockets = new Set<Socket>();
	const counts = { requests: 0, tunnels: 0, refused: 0 };

	const replay = (req: IncomingMessage, res: ServerResponse) => {
		counts.requests += 1;
		const target = new URL(req.url ?? '/', sandboxUrl);
		const upstream = httpRequest(
			target,
			{ method: req.method, headers: { ...req.headers, host: target.host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
			res.end(`Copper redirect: the sandbox did not answer (${error.message})`);
		});
		req.pipe(upstream);
	};
	// Never listens: it only speaks TLS on the tunnels the proxy hands it.
	const copper = createHttpsServer({ key: certificate.key, cert: certificate.cert }, replay);

	const proxy = createHttpServer((req, res) => {
		// A plain-HTTP request in absolute form: not for Copper, which is HTTPS only.
		counts.refused += 1;
		res.writeHead(502, { 'Content-Type': 'text/plain' });
		res.end(`Copper redirect: only https://${COPPER_HOST} is served, not ${req.url}`);
	});
	proxy.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
		if (req.url !== COPPER_AUTHORITY) {
			counts.refused += 1;
			socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		counts.tunnels += 1;
		socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
		if (head.length > 0) socket.unshift(head);
		copper.emit('connection', socket);
	});

	await new Promise<void>((resolve, reject) => {
		proxy.once('error', reject);
		proxy.listen(0, '127.0.0.1', resolve);
	});
	const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	const direct = '127.0.0.1,localhost,::1';
	return {
		url,
		certPath: certificate.certPath,
		env: {
			HTTPS_PROXY: url,
			https_proxy: url,
			// Plain HTTP to anywhere but loopback is refused too, so that no call leaves the machine.
			HTTP_PROXY: url,
			http_proxy: url,
			NO_PROXY: direct,
			no_proxy: direct,
			NODE_EXTRA_CA_CERTS: certificate.certPath,
		},
		requests: () => counts.requests,
		tunnels: () => counts.tunnels,
		refused: () => counts.refused,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => proxy.close(() => resolve()));
			rmSync(folder, { recursive: true, force: true });
		},
	};
}
