/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- local tooling, not shipped */
/**
 * npm run bench: what our nodes cost against the floor, in real n8n (options.ts says what runs).
 * 1. Installs real n8n (scripts/n8n/install.sh), builds and packs the pack, starts the emulators
 *    in this process (with the Copper redirect for n8n's built-in Copper node) and n8n with the
 *    pack installed as a community package, the benchmark's credentials and workflows imported.
 * 2. Polling: each vendor's trigger, active, polls once a minute at its own second; one poll per
 *    vendor and k is measured after k new tasks (polling.ts).
 * 3. Return All for each size and latency: this pack's node, the HTTP Request node with its
 *    pagination, n8n's built-in Copper node, and a plain fetch loop sending the very requests our
 *    node sent (returnAll.ts, fetchLoop.ts).
 * 4. The trigger's state over many polls, in-process (pollState.ts).
 * Writes results/bench/{results.md,results.json,throughput.svg}, and the report into README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildTarball, installN8n } from '../e2e/n8n';
import { createSink } from '../sandbox/sink';
import { N8nUnderTest } from './n8nUnderTest';
import { options } from './options';
import { measurePolling } from './polling';
import { measureStateOverPolls } from './pollState';
import type { BenchResults } from './report';
import { RESULTS_FOLDER, lastResults, mergeResults, writeResults } from './results';
import { measureReturnAll, warmUp } from './returnAll';
import { prepareVendors } from './setup';
import { VENDOR_BENCHES } from './vendors';

async function main(): Promise<void> {
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'crm-tasks-bench-'));
	const closers: Array<() => Promise<unknown>> = [];
	let n8n: N8nUnderTest | undefined;
	// Stopped by hand: n8n runs on in the background otherwise.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			void (n8n?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
		});
	}
	const results: BenchResults = {
		n8nVersion: options.n8nVersion,
		machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version} for the emulators`,
		returnAll: [],
		polls: [],
		state: [],
	};
	try {
		// Only the state over many polls runs without n8n.
		if (options.phases.has('polling') || options.phases.has('returnAll')) {
			console.log(`bench: installing n8n ${options.n8nVersion} and packing the pack`);
			await installN8n(options.n8nVersion);
			const tarball = await buildTarball(work);
			const sink = createSink();
			const sinkServer = await sink.start(0, '127.0.0.1');
			closers.push(async () => await sinkServer.close());
			const setup = await prepareVendors(options.vendors, sinkServer.url, closers);

			const polling = options.phases.has('polling');
			n8n = await N8nUnderTest.start({
				version: options.n8nVersion,
				folder: join(work, 'n8n'),
				tarball,
				credentials: setup.credentials,
				workflows: setup.workflows.map((run) => run.workflow),
				active: setup.workflows
					.filter((run) => run.path || polling)
					.map((run) => String(run.workflow.id)),
				env: setup.env,
			});
			console.log(`bench: n8n ${options.n8nVersion} ready (pid ${n8n.pid})`);

			if (polling) {
				await measurePolling(n8n, sink, setup.vendors, options.changes, (row) => {
					results.polls.push(row);
					console.log(`bench: poll ${JSON.stringify(row)}`);
				});
			}
			if (options.phases.has('returnAll')) {
				for (const vendor of setup.vendors) await warmUp(n8n, vendor);
				for (const size of options.sizes) {
					for (const { bench, list } of setup.vendors) {
						const listed = bench.listedTasks(list.sandbox);
						if (listed < size) list.sandbox.generateTasks(size - listed);
					}
					for (const latency of options.latencies) {
						for (const vendor of setup.vendors) {
							const row = await measureReturnAll(n8n, vendor, latency);
							results.returnAll.push(row);
							console.log(`bench: return all ${JSON.stringify(row)}`);
						}
					}
				}
			}
			await n8n.stop();
			n8n = undefined;
		}

		if (options.phases.has('state')) {
			for (const vendor of options.vendors) {
				const row = await measureStateOverPolls(VENDOR_BENCHES[vendor], options.statePolls);
				results.state.push(row);
				console.log(`bench: state ${JSON.stringify(row)}`);
			}
		}
		const vendorNames = options.vendors.map((vendor) => VENDOR_BENCHES[vendor].displayName);
		writeResults(
			mergeResults(lastResults(), results, options.phases, vendorNames),
			options.updateReadme,
		);
		console.log(
			`bench: done in ${Math.round((Date.now() - started) / 1000)} s; results in ${RESULTS_FOLDER}`,
		);
	} finally {
		if (n8n) await n8n.stop();
		for (const close of closers.reverse()) await close().catch(() => undefined);
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
