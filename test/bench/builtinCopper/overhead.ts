/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * What the redirect costs per request: the same Copper search sent many times straight to the
 * sandbox and through the proxy's tunnel, one after the other, each way timed in this process.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { COPPER_API_KEY, COPPER_APPLICATION, COPPER_USER_EMAIL } from '../../sandbox/copper';
import { COPPER_HOST, type CopperRedirect } from './proxy';
import { TunnelAgent } from './tunnel';

const SEARCH_PATH = '/developer_api/v1/tasks/search';
const HEADERS = {
	'Content-Type': 'application/json',
	'X-PW-AccessToken': COPPER_API_KEY,
	'X-PW-Application': COPPER_APPLICATION,
	'X-PW-UserEmail': COPPER_USER_EMAIL,
};

export interface Overhead {
	/** Mean milliseconds per search sent straight to the sandbox (kept-alive connection). */
	directMs: number;
	/** The same through one kept-alive tunnel, as a client that reuses connections sees it. */
	tunnelledMs: number;
	/** The same with a new tunnel and TLS handshake per request, as a client that does not. */
	newTunnelEachMs: number;
}

async function search(send: typeof httpRequest, url: string, agent: HttpAgent): Promise<void> {
	const body = JSON.stringify({ page_size: 200 });
	await new Promise<void>((resolve, reject) => {
		const req = send(url, { method: 'POST', headers: HEADERS, agent }, (res) => {
			res.resume();
			res.on('end', () =>
				res.statusCode === 200 ? resolve() : reject(new Error(`search answered ${res.statusCode}`)),
			);
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function meanMs(times: number, once: () => Promise<void>): Promise<number> {
	await once(); // Warm-up: the first connection and the JIT are not what is being measured.
	const started = process.hrtime.bigint();
	for (let i = 0; i < times; i++) await once();
	return Number(process.hrtime.bigint() - started) / 1e6 / times;
}

/** Times `times` searches (page_size 200) each way against the sandbox at `sandboxUrl`. */
export async function measureOverhead(
	redirect: CopperRedirect,
	sandboxUrl: string,
	times: number,
): Promise<Overhead> {
	const direct = new HttpAgent({ keepAlive: true, maxSockets: 1 });
	const kept = new TunnelAgent(redirect, true);
	const fresh = new TunnelAgent(redirect, false);
	const copperUrl = `https://${COPPER_HOST}${SEARCH_PATH}`;
	try {
		return {
			directMs: await meanMs(
				times,
				async () => await search(httpRequest, `${sandboxUrl}${SEARCH_PATH}`, direct),
			),
			tunnelledMs: await meanMs(times, async () => await search(httpsRequest, copperUrl, kept)),
			newTunnelEachMs: await meanMs(
				times,
				async () => await search(httpsRequest, copperUrl, fresh),
			),
		};
	} finally {
		for (const agent of [direct, kept, fresh]) agent.destroy();
	}
}
