/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- local tooling that drives real n8n, not shipped */
/**
 * Proof that n8n's built-in Copper node runs, unchanged, in real n8n 2.40.7 against the Copper
 * sandbox through the redirect (proxy.ts), and what its Return All costs:
 *
 *   npx tsx test/bench/builtinCopper/prove.ts [task counts, default 250 1000]
 *
 * For each count: a sandbox holding exactly that many tasks, one run of the workflow, then the
 * requests the sandbox received, the items n8n returned and the unique task ids among them.
 * Last, what the redirect adds per request. Everything runs in a scratch folder under /tmp, on
 * free ports, and is stopped and removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createCopperSandbox, type CopperState } from '../../sandbox/copper';
import { freePorts, n8nEnvironment } from '../../e2e/n8n';
import { executeBuiltinCopper, importBuiltinCopper } from './execute';
import { measureOverhead } from './overhead';
import { startCopperRedirect } from './proxy';

const N8N_VERSION = '2.40.7';
const OVERHEAD_SEARCHES = 200;

/** The sandbox's request log, identical requests counted together, in order of first arrival. */
function requestSummary(log: CopperState['requests']): string[] {
	const counts = new Map<string, number>();
	for (const entry of log) {
		const line = `${entry.method} ${entry.url} body ${JSON.stringify(entry.body ?? null)} → ${entry.status}`;
		counts.set(line, (counts.get(line) ?? 0) + 1);
	}
	return [...counts].map(([line, count]) => `${count} × ${line}`);
}

async function main(counts: number[]): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'builtin-copper-'));
	const [n8nPort, brokerPort, executeBrokerPort] = await freePorts(3);
	// No seeded tasks, so that the sandbox holds exactly the count asked for.
	const sandbox = createCopperSandbox({ seed: false });
	const server = await sandbox.start(0);
	const redirect = await startCopperRedirect(server.url);
	try {
		const env = {
			...(await n8nEnvironment({
				N8N_VERSION,
				N8N_USER_FOLDER: folder,
				N8N_PORT: String(n8nPort),
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				N8N_EXECUTE_BROKER_PORT: String(executeBrokerPort),
			})),
			...redirect.env,
		};
		console.log(`n8n ${N8N_VERSION} in ${folder}; sandbox ${server.url}; redirect ${redirect.url}`);
		console.log(`n8n's environment gains: ${JSON.stringify(redirect.env)}`);
		await importBuiltinCopper(env);

		for (const count of counts) {
			sandbox.reset({ seed: false });
			sandbox.generateTasks(count);
			const before = { requests: redirect.requests(), tunnels: redirect.tunnels() };
			const { items, executionMs } = await executeBuiltinCopper(env);
			const log = sandbox.state.requests;
			const unique = new Set(items.map((item) => item.id)).size;
			console.log(`\n${count} tasks in the sandbox:`);
			console.log(`  requests received by the sandbox: ${log.length}`);
			for (const line of requestSummary(log)) console.log(`    ${line}`);
			console.log(
				`  through the redirect: ${redirect.requests() - before.requests} requests over ${redirect.tunnels() - before.tunnels} TLS tunnels`,
			);
			console.log(`  items returned: ${items.length}; unique task ids among them: ${unique}`);
			console.log(`  n8n execution time: ${executionMs} ms`);
		}
		console.log(`\nrefused (not api.copper.com): ${redirect.refused()}`);

		sandbox.reset({ seed: false });
		sandbox.generateTasks(200);
		const overhead = await measureOverhead(redirect, server.url, OVERHEAD_SEARCHES);
		const round = (ms: number) => ms.toFixed(2);
		console.log(`\nper search of 200 tasks, mean of ${OVERHEAD_SEARCHES}:`);
		console.log(`  straight to the sandbox:       ${round(overhead.directMs)} ms`);
		console.log(`  through one kept-alive tunnel: ${round(overhead.tunnelledMs)} ms`);
		console.log(`  through a new tunnel each:     ${round(overhead.newTunnelEachMs)} ms`);
	} finally {
		await redirect.close();
		await server.close();
		rmSync(folder, { recursive: true, force: true });
	}
}

const counts = process.argv.slice(2).map(Number);
main(counts.length > 0 ? counts : [250, 1000]).catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
