/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * An HTTPS agent that reaches api.copper.com through the redirect's CONNECT tunnel and trusts only
 * the redirect's certificate: what n8n's https-proxy-agent does with HTTPS_PROXY and
 * NODE_EXTRA_CA_CERTS, for measuring and testing the redirect from this process.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

import { COPPER_HOST, type CopperRedirect } from './proxy';

export class TunnelAgent extends HttpsAgent {
	/**
	 * `keepAlive` true reuses one tunnel for request after request; false opens a new tunnel, with
	 * its TLS handshake, for each (as n8n 2.40.7 does: measured, one tunnel for each of its requests).
	 */
	constructor(
		private readonly redirect: Pick<CopperRedirect, 'url' | 'certPath'>,
		keepAlive: boolean,
	) {
		super({ keepAlive, maxSockets: 1 });
	}

	/** Node's agent waits for `done` when this returns nothing, as it does here. */
	createConnection(
		_options: RequestOptions,
		done?: (error: Error | null, stream: Duplex) => void,
	): undefined {
		if (!done) throw new Error('TunnelAgent only connects asynchronously, with a callback');
		// Node reads no stream when there is an error; its types ask for one all the same.
		const fail = (error: Error) => done(error, undefined as unknown as Duplex);
		const proxy = new URL(this.redirect.url);
		httpRequest({
			host: proxy.hostname,
			port: proxy.port,
			method: 'CONNECT',
			path: `${COPPER_HOST}:443`,
		})
			.on('connect', (answer, socket: Socket) => {
				if (answer.statusCode !== 200) {
					socket.destroy();
					return fail(new Error(`the redirect answered CONNECT with ${answer.statusCode}`));
				}
				const secure = tlsConnect({
					socket,
					servername: COPPER_HOST,
					ca: readFileSync(this.redirect.certPath),
				});
				secure.once('secureConnect', () => done(null, secure));
				secure.once('error', fail);
			})
			.on('error', fail)
			.end();
		return undefined;
	}
}
