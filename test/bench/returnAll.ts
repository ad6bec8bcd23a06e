/**
 * Return All in real n8n: one run of a contender's workflow, measured by n8n's event log (time),
 * the emulator (requests) and Linux (n8n's peak resident memory above its idle level, after a
 * full garbage collection).
 */
import type { IDataObject } from 'n8n-workflow';

import { sleep } from '../e2e/n8n';
import { clearRequests } from '../sandbox/traffic';
import { collectGarbage, peakMb, residentMb, resetPeak } from './memory';
import type { N8nUnderTest } from './n8nUnderTest';
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
