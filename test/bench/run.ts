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
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, buildTarball, installN8n, sleep } from '../e2e/n8n';
import { createSink } from '../sandbox/sink';
import { startCopperRedirect } from './builtinCopper/proxy';
import { N8nUnderTest } from './n8nUnderTest';
import { options } from './options';
import { measurePoll, type PollingSubject } from './polling';
import { measureStateOverPolls } from './pollState';
import { replayRequests, servedRequests } from './replay';
import { type BenchResults, type ReturnAllRow, markdownReport, throughputChart } from './report';
import { runReturnAll } from './returnAll';
import { type BenchSandbox, VENDOR_BENCHES, type VendorBench } from './vendors';
import {
	type BenchWorkflow,
	type Contender,
	pollingWorkflow,
	returnAllWorkflow,
} from './workflows';

const RESULTS = join(ROOT, 'results', 'bench');

interface VendorSetup {
	bench: VendorBench;
	list: { sandbox: BenchSandbox; url: string; headers: Record<string, string> };
	poll: PollingSubject;
	runs: Partial<Record<Contender, BenchWorkflow>>;
}

const credential = (id: string, bench: VendorBench, url: string) => ({
	id,
	name: id,
	type: bench.credentialType,
	data: bench.credential(url),
});

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
		console.log(`bench: installing n8n ${options.n8nVersion} and packing the pack`);
		await installN8n(options.n8nVersion);
		const tarball = await buildTarball(work);

		const sink = createSink();
		const sinkServer = await sink.start(0, '127.0.0.1');
		closers.push(async () => await sinkServer.close());
		const setups: VendorSetup[] = [];
		const credentials = [];
		const workflows: BenchWorkflow[] = [];
		/** What the n8n process needs beside its usual environment: the Copper redirect. */
		let n8nEnv: Record<string, string> = {};
		for (const [index, vendor] of options.vendors.entries()) {
			const bench = VENDOR_BENCHES[vendor];
			const listSandbox = bench.createSandbox();
			const listServer = await listSandbox.start(0, '127.0.0.1');
			const pollSandbox = bench.createSandbox();
			const pollServer = await pollSandbox.start(0, '127.0.0.1');
			closers.push(
				async () => await listServer.close(),
				async () => await pollServer.close(),
			);
			const listId = `bench${vendor}list`.slice(0, 16);
			const pollId = `bench${vendor}poll`.slice(0, 16);
			credentials.push(
				credential(listId, bench, listServer.url),
				credential(pollId, bench, pollServer.url),
			);
			const headers = await bench.authHeaders(listServer.url);
			const runs: VendorSetup['runs'] = {
				node: returnAllWorkflow(bench, 'node', listServer.url, listId, headers),
				httpRequest: returnAllWorkflow(bench, 'httpRequest', listServer.url, listId, headers),
			};
			if (vendor === 'copper') {
				const redirect = await startCopperRedirect(listServer.url);
				closers.push(async () => await redirect.close());
				credentials.push({
					id: 'benchcopperbuilt',
					name: 'benchcopperbuilt',
					type: 'copperApi',
					data: { apiKey: bench.credential('').apiKey, email: bench.credential('').email },
				});
				runs.copperBuiltIn = returnAllWorkflow(
					bench,
					'copperBuiltIn',
					listServer.url,
					'benchcopperbuilt',
					headers,
				);
				n8nEnv = redirect.env;
			}
			const second = 5 + index * 15;
			const trigger = pollingWorkflow(bench, second, pollId, `${sinkServer.url}/bench`);
			workflows.push(...Object.values(runs), trigger);
			setups.push({
				bench,
				list: { sandbox: listSandbox, url: listServer.url, headers },
				poll: {
					bench,
					sandbox: pollSandbox,
					url: pollServer.url,
					workflowId: String(trigger.workflow.id),
					second,
				},
				runs,
			});
		}

		const polling = options.phases.has('polling');
		n8n = await N8nUnderTest.start({
			version: options.n8nVersion,
			folder: join(work, 'n8n'),
			tarball,
			credentials,
			workflows: workflows.map((run) => run.workflow),
			active: workflows.filter((run) => run.path || polling).map((run) => String(run.workflow.id)),
			env: n8nEnv,
		});
		console.log(`bench: n8n ${options.n8nVersion} ready (pid ${n8n.pid})`);

		if (polling) {
			// The activation polls take each trigger's baseline.
			await sleep(10_000);
			for (const changes of options.changes) {
				for (const setup of setups) {
					const row = await measurePoll(n8n, sink, setup.poll, changes, (k) =>
						setup.bench.pollTarget(k, setup.poll.sandbox.taskCount()),
					);
					results.polls.push(row);
					console.log(`bench: poll ${JSON.stringify(row)}`);
				}
			}
			for (const setup of setups) await n8n.deactivate(setup.poll.workflowId);
		}

		if (options.phases.has('returnAll')) {
			for (const setup of setups) {
				// A first run, not measured: the token, the JIT and the caches warm up.
				for (const run of Object.values(setup.runs))
					await runReturnAll(n8n, setup.list.sandbox, run);
			}
			for (const size of options.sizes) {
				for (const setup of setups) {
					const { sandbox } = setup.list;
					const listed = setup.bench.listedTasks(sandbox);
					if (listed < size) sandbox.generateTasks(size - listed);
				}
				for (const latency of options.latencies) {
					for (const setup of setups) {
						const { sandbox, url, headers } = setup.list;
						sandbox.setLatency(latency);
						const node = await runReturnAll(n8n, sandbox, setup.runs.node!);
						const replayed = servedRequests(sandbox);
						const floor = await replayRequests(n8n.env, url, headers, replayed);
						const http = await runReturnAll(n8n, sandbox, setup.runs.httpRequest!);
						const builtIn = setup.runs.copperBuiltIn
							? await runReturnAll(n8n, sandbox, setup.runs.copperBuiltIn)
							: undefined;
						const measure = (run: {
							requests: number;
							ms: number;
							peakMb: number;
							idleMb: number;
						}) => ({
							requests: run.requests,
							ms: run.ms,
							memoryMb: run.peakMb - run.idleMb,
						});
						const row: ReturnAllRow = {
							vendor: setup.bench.displayName,
							tasks: setup.bench.listedTasks(sandbox),
							latencyMs: latency,
							minimum: Math.ceil(setup.bench.listedTasks(sandbox) / setup.bench.maxPageSize),
							node: measure(node),
							fetchLoop: {
								requests: floor.requests,
								ms: floor.ms,
								memoryMb: floor.peakMb - floor.idleMb,
							},
							httpRequest: measure(http),
							...(builtIn
								? {
										builtIn: {
											...measure(builtIn),
											records: builtIn.records,
											distinct: builtIn.distinct,
										},
									}
								: {}),
						};
						if (node.records !== row.tasks || node.distinct !== row.tasks)
							throw new Error(
								`${setup.bench.displayName}: our node returned ${node.records} records (${node.distinct} distinct) of ${row.tasks}`,
							);
						results.returnAll.push(row);
						console.log(`bench: return all ${JSON.stringify(row)}`);
						sandbox.setLatency(0);
					}
				}
			}
		}
		await n8n.stop();
		n8n = undefined;

		if (options.phases.has('state')) {
			for (const setup of setups) {
				const row = await measureStateOverPolls(setup.bench, options.statePolls);
				results.state.push(row);
				console.log(`bench: state ${JSON.stringify(row)}`);
			}
		}

		mkdirSync(RESULTS, { recursive: true });
		const report = markdownReport(results);
		writeFileSync(join(RESULTS, 'results.md'), `# Benchmark\n\n${report}\n`);
		writeFileSync(join(RESULTS, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
		if (results.returnAll.length > 0)
			writeFileSync(join(RESULTS, 'throughput.svg'), `${throughputChart(results.returnAll)}\n`);
		if (options.updateReadme) {
			const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
			const marked = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;
			if (!marked.test(readme))
				throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
			writeFileSync(
				join(ROOT, 'README.md'),
				readme.replace(marked, (_all, open: string, close: string) => `${open}${report}${close}`),
			);
		}
		console.log(
			`bench: done in ${Math.round((Date.now() - started) / 1000)} s; results in ${RESULTS}`,
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
