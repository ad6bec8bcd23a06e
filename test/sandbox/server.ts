/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- local tooling, not shipped */
/**
 * Starts every vendor sandbox on a loopback port (`npm run sandbox`, i.e.
 * `tsx test/sandbox/server.ts`). Stops on SIGINT/SIGTERM.
 *
 * To add a vendor: write `test/sandbox/<vendor>.ts` exporting a factory whose result has
 * `start(port, host)`, then add an entry to SANDBOXES below.
 * Ports derive from the one setting N8N_PORT (default 5678), as in scripts/n8n/env.sh:
 * N8N_PORT + the entry's offset. SANDBOX_<NAME>_PORT sets one port, SANDBOX_HOST the host.
 */
import { COPPER_API_KEY, COPPER_USER_EMAIL, createCopperSandbox } from './copper';
import { COTALKER_TOKEN, createCotalkerSandbox } from './cotalker';
import type { RunningServer } from './http';
import { createNexudusSandbox, NEXUDUS_ADMIN_EMAIL, NEXUDUS_ADMIN_PASSWORD } from './nexudus';
import { createOnlyofficeSandbox, ONLYOFFICE_PASSWORD, ONLYOFFICE_USER_NAME } from './onlyoffice';
import { createSink } from './sink';

interface SandboxEntry {
	name: string;
	/** Added to N8N_PORT: the same offsets as scripts/n8n/env.sh. */
	portOffset: number;
	start(port: number, host: string): Promise<RunningServer>;
	notes: string;
}

const SANDBOXES: SandboxEntry[] = [
	{
		name: 'nexudus',
		portOffset: 10,
		start: async (port, host) => await createNexudusSandbox().start(port, host),
		notes: `Basic ${NEXUDUS_ADMIN_EMAIL} / ${NEXUDUS_ADMIN_PASSWORD}; controls under /__sandbox`,
	},
	{
		name: 'copper',
		portOffset: 11,
		start: async (port, host) => await createCopperSandbox().start(port, host),
		notes: `X-PW-AccessToken ${COPPER_API_KEY}, X-PW-UserEmail ${COPPER_USER_EMAIL}; controls under /__sandbox`,
	},
	{
		name: 'onlyoffice',
		portOffset: 12,
		start: async (port, host) => await createOnlyofficeSandbox().start(port, host),
		notes: `POST /api/2.0/authentication {userName: ${ONLYOFFICE_USER_NAME}, password: ${ONLYOFFICE_PASSWORD}}, then Authorization: <token> (no scheme); JSON with Accept: application/json or .json, else XML; controls under /__sandbox`,
	},
	{
		name: 'cotalker',
		portOffset: 13,
		start: async (port, host) => await createCotalkerSandbox().start(port, host),
		notes: `Authorization: Bearer ${COTALKER_TOKEN}, Admin: true (required on writes and admin reads); /api/v1|v2/...; controls under /__sandbox`,
	},
	{
		name: 'sink',
		portOffset: 19,
		start: async (port, host) => await createSink().start(port, host),
		notes: 'POST anything; GET/DELETE /__sink/items',
	},
];

function portFor(entry: SandboxEntry): number {
	const override = process.env[`SANDBOX_${entry.name.toUpperCase()}_PORT`];
	if (override) return Number(override);
	return Number(process.env.N8N_PORT ?? 5678) + entry.portOffset;
}

async function main(): Promise<void> {
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const running: RunningServer[] = [];
	for (const entry of SANDBOXES) {
		const server = await entry.start(portFor(entry), host);
		running.push(server);
		console.log(`${entry.name.padEnd(10)} ${server.url}  (${entry.notes})`);
	}
	console.log('sandboxes ready; Ctrl-C to stop');
	const stop = (signal: string) => {
		console.log(`${signal}: stopping sandboxes`);
		Promise.all(running.map(async (server) => await server.close())).then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
