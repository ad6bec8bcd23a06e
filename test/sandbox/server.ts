/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- local tooling, not shipped */
/**
 * Starts every vendor sandbox on a fixed loopback port (`npm run sandbox`, i.e.
 * `tsx test/sandbox/server.ts`). Stops on SIGINT/SIGTERM.
 *
 * To add a vendor: write `test/sandbox/<vendor>.ts` exporting a factory whose result has
 * `start(port, host)`, then add an entry to SANDBOXES below.
 * Ports can be overridden with SANDBOX_<NAME>_PORT, the host with SANDBOX_HOST.
 */
import type { RunningServer } from './http';
import { createNexudusSandbox, NEXUDUS_ADMIN_EMAIL, NEXUDUS_ADMIN_PASSWORD } from './nexudus';
import { createSink } from './sink';

interface SandboxEntry {
	name: string;
	defaultPort: number;
	start(port: number, host: string): Promise<RunningServer>;
	notes: string;
}

const SANDBOXES: SandboxEntry[] = [
	{
		name: 'nexudus',
		defaultPort: 5101,
		start: async (port, host) => await createNexudusSandbox().start(port, host),
		notes: `Basic ${NEXUDUS_ADMIN_EMAIL} / ${NEXUDUS_ADMIN_PASSWORD}; controls under /__sandbox`,
	},
	// { name: 'copper', defaultPort: 5102, ... },
	// { name: 'onlyoffice', defaultPort: 5103, ... },
	// { name: 'cotalker', defaultPort: 5104, ... },
	{
		name: 'sink',
		defaultPort: 5199,
		start: async (port, host) => await createSink().start(port, host),
		notes: 'POST anything; GET/DELETE /__sink/items',
	},
];

function portFor(entry: SandboxEntry): number {
	const override = process.env[`SANDBOX_${entry.name.toUpperCase()}_PORT`];
	return override ? Number(override) : entry.defaultPort;
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
