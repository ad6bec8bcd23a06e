/**
 * Return All in real n8n: each contender's workflow run once, measured by n8n's event log (time),
 * the emulator (requests) and Linux (n8n's peak resident memory above its idle level, after a
 * full garbage collection); and the plain fetch loop over the requests our node sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { sleep } from '../e2e/n8n';
import { clearRequests } from '../sandbox/traffic';
import { collectGarbage, peakMb, residentMb, resetPeak } from './memory';
import type { N8nUnderTest } from './n8nUnderTest';
import { replayRequests, servedRequests } from './replay';
import type { Measure, ReturnAllRow } from './report';
import type { VendorSetup } from './setup';
import type { BenchSandbox } from './vendors';
import type { BenchWorkflow } from './workflows';

export interface ReturnAllRun {
	requests: number;
	ms: number;
	records: number;
	distinct: number;
	idleMb: number;
	peakMb: number;
}

/** Reads the Summarize node's counts from the webhook's answer. */
function counts(answer: IDataObject) {
	const entries = Object.entries(answer);
	const value = (prefix: string) =>
		Number(entries.find(([key]) => key.startsWith(prefix))?.[1] ?? 0);
	return { records: value('count_'), distinct: value('unique_count_') };
}

export async function runReturnAll(
	n8n: N8nUnderTest,
	sandbox: BenchSandbox,
	run: BenchWorkflow,
): Promise<ReturnAllRun> {
	collectGarbage(n8n.pid);
	await sleep(1500);
	resetPeak(n8n.pid);
	const idleMb = residentMb(n8n.pid);
	clearRequests(sandbox.state);
	const since = Date.now() - 50;
	const answer = await n8n.callWebhook(run.path!, String(run.workflow.id)).catch((error: Error) => {
		const sent = sandbox.state.requests
			.slice(0, 3)
			.map((request) => `${request.method} ${request.url} ${JSON.stringify(request.body ?? '')}`);
		throw new Error(`${error.message}\nfirst requests: ${sent.join('\n')}`);
	});
	const peak = peakMb(n8n.pid);
	const ms = await n8n.nodeSpan(String(run.workflow.id), since, run.firstNode, run.lastNode);
	return {
		requests: sandbox.state.served.count,
		ms,
		...counts(answer),
		idleMb,
		peakMb: peak,
	};
}

const measureOf = (run: ReturnAllRun): Measure => ({
	requests: run.requests,
	ms: run.ms,
	memoryMb: run.peakMb - run.idleMb,
});

/** Runs every contender once, unmeasured: the token, the JIT and the caches warm up. */
export async function warmUp(n8n: N8nUnderTest, vendor: VendorSetup): Promise<void> {
	for (const run of Object.values(vendor.runs)) await runReturnAll(n8n, vendor.list.sandbox, run);
}

/** Every contender's Return All of the vendor's tasks, with `latencyMs` of latency. */
export async function measureReturnAll(
	n8n: N8nUnderTest,
	vendor: VendorSetup,
	latencyMs: number,
): Promise<ReturnAllRow> {
	const { bench, list, runs } = vendor;
	const tasks = bench.listedTasks(list.sandbox);
	list.sandbox.setLatency(latencyMs);
	try {
		const node = await runReturnAll(n8n, list.sandbox, runs.node!);
		if (node.records !== tasks || node.distinct !== tasks)
			throw new Error(
				`${bench.displayName}: our node returned ${node.records} records (${node.distinct} distinct) of ${tasks}`,
			);
		const replayed = servedRequests(list.sandbox);
		const floor = await replayRequests(n8n.env, list.url, list.headers, replayed);
		const http = await runReturnAll(n8n, list.sandbox, runs.httpRequest!);
		const builtIn = runs.copperBuiltIn
			? await runReturnAll(n8n, list.sandbox, runs.copperBuiltIn)
			: undefined;
		return {
			vendor: bench.displayName,
			tasks,
			latencyMs,
			minimum: Math.ceil(tasks / bench.maxPageSize),
			node: measureOf(node),
			fetchLoop: { requests: floor.requests, ms: floor.ms, memoryMb: floor.peakMb - floor.idleMb },
			httpRequest: measureOf(http),
			...(builtIn && {
				builtIn: { ...measureOf(builtIn), records: builtIn.records, distinct: builtIn.distinct },
			}),
		};
	} finally {
		list.sandbox.setLatency(0);
	}
}
