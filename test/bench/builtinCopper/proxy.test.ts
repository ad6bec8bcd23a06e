/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import nock from 'nock';

import {
	COPPER_API_KEY,
	COPPER_APPLICATION,
	COPPER_USER_EMAIL,
	createCopperSandbox,
	type CopperSandbox,
	type RunningServer,
} from '../../sandbox/copper';
import { type CopperRedirect, startCopperRedirect } from './proxy';
import { TunnelAgent } from './tunnel';

const COPPER_HEADERS = {
	'Content-Type': 'application/json',
	'X-PW-AccessToken': COPPER_API_KEY,
	'X-PW-Application': COPPER_APPLICATION,
	'X-PW-UserEmail': COPPER_USER_EMAIL,
};

interface Answer {
	status: number;
	headers: Record<string, unknown>;
	body: string;
}

async function send(
	request: typeof httpRequest,
	url: string,
	options: Parameters<typeof httpRequest>[1],
	body?: string,
): Promise<Answer> {
	return await new Promise((resolve, reject) => {
		const req = request(url, options, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** A CONNECT to `authority` through the redirect; resolves with the status it answers. */
async function connectStatus(redirect: CopperRedirect, authority: string): Promise<number> {
	const proxy = new URL(redirect.url);
	return await new Promise((resolve, reject) => {
		httpRequest({ host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: authority })
			.on('connect', (answer, socket) => {
				socket.destroy();
				resolve(answer.statusCode ?? 0);
			})
			.on('error', reject)
			.end();
	});
}

describe('the Copper redirect (n8n built-in Copper node → Copper sandbox)', () => {
	// Real sockets only: nock (test/helpers/setup.ts) intercepts every http request, and its
	// interceptor neither passes CONNECT on nor lets a tunnelled api.copper.com through. Its own
	// afterAll restores it once more, which is harmless; the next file loads nock anew.
	beforeAll(() => nock.restore());

	let sandbox: CopperSandbox;
	let server: RunningServer;
	let redirect: CopperRedirect;
	let agent: TunnelAgent;

	beforeEach(async () => {
		sandbox = createCopperSandbox({ seed: false });
		sandbox.generateTasks(30);
		server = await sandbox.start(0);
		redirect = await startCopperRedirect(server.url);
		agent = new TunnelAgent(redirect, true);
	});

	afterEach(async () => {
		agent.destroy();
		await redirect.close();
		await server.close();
	});

	it('gives the n8n process a proxy for HTTPS and HTTP, loopback direct, and its certificate', () => {
		expect(redirect.env).toEqual({
			HTTPS_PROXY: redirect.url,
			https_proxy: redirect.url,
			HTTP_PROXY: redirect.url,
			http_proxy: redirect.url,
			NO_PROXY: '127.0.0.1,localhost,::1',
			no_proxy: '127.0.0.1,localhost,::1',
			NODE_EXTRA_CA_CERTS: redirect.certPath,
		});
		expect(redirect.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('replays a request for https://api.copper.com on the sandbox: method, path, query, headers, body', async () => {
		const answer = await send(
			httpsRequest,
			'https://api.copper.com/developer_api/v1/tasks/search?page_size=200',
			{ method: 'POST', headers: COPPER_HEADERS, agent },
			JSON.stringify({ page_size: 7, page_number: 2 }),
		);

		expect(answer.status).toBe(200);
		expect(answer.headers['x-pw-total']).toBe('30');
		expect(JSON.parse(answer.body)).toEqual(sandbox.listTasks().slice(7, 14));
		expect(
			sandbox.state.requests.map(({ method, url, body, status }) => ({
				method,
				url,
				body,
				status,
			})),
		).toEqual([
			{
				method: 'POST',
				url: '/developer_api/v1/tasks/search?page_size=200',
				body: { page_size: 7, page_number: 2 },
				status: 200,
			},
		]);
		expect([redirect.requests(), redirect.tunnels(), redirect.refused()]).toEqual([1, 1, 0]);
	});

	it("relays the sandbox's refusal as it is", async () => {
		const answer = await send(httpsRequest, 'https://api.copper.com/developer_api/v1/users/me', {
			headers: { ...COPPER_HEADERS, 'X-PW-AccessToken': 'wrong' },
			agent,
		});

		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({
			status: 401,
			message: 'API Key and Email combination is invalid',
		});
	});

	it('reuses one tunnel for requests one after the other when the client keeps it alive', async () => {
		for (let i = 0; i < 3; i++) {
			const answer = await send(httpsRequest, 'https://api.copper.com/developer_api/v1/account', {
				headers: COPPER_HEADERS,
				agent,
			});
			expect(answer.status).toBe(200);
		}

		expect([redirect.requests(), redirect.tunnels()]).toEqual([3, 1]);
	});

	it('refuses every other host with 502, tunnelled or plain, and forwards nothing', async () => {
		expect(await connectStatus(redirect, 'example.com:443')).toBe(502);
		expect(await connectStatus(redirect, 'api.copper.com:8443')).toBe(502);
		const plain = await send(httpRequest, redirect.url, {
			path: 'http://api.copper.com/developer_api/v1/account',
			headers: { Host: 'api.copper.com' },
		});

		expect(plain.status).toBe(502);
		expect([redirect.requests(), redirect.tunnels(), redirect.refused()]).toEqual([0, 0, 3]);
		expect(sandbox.state.requests).toEqual([]);
	});

	it('deletes its certificate when closed', async () => {
		expect(existsSync(redirect.certPath)).toBe(true);
		await redirect.close();
		expect(existsSync(redirect.certPath)).toBe(false);
		// afterEach closes it again: closing twice must be harmless.
	});
});
