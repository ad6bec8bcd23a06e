/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- local tooling, not shipped */
/**
 * The floor the benchmark measures against: a plain fetch loop, in its own Node process (the
 * Node n8n runs on), sending one after the other the very requests a run of our node sent, each
 * signed with the vendor's headers, and keeping every parsed answer as a node keeps its records.
 *   tsx test/bench/fetchLoop.ts <plan.json>    prints {ms, requests, idleMb, peakMb} as JSON
 * The plan: {baseUrl, headers, requests: [{method, url, body?}]}.
 */
import { readFileSync } from 'node:fs';

import { peakMb, residentMb, resetPeak } from './memory';

export interface FetchPlan {
	baseUrl: string;
	headers: Record<string, string>;
	requests: Array<{ method: string; url: string; body?: unknown }>;
}

export interface FetchLoopResult {
	ms: number;
	requests: number;
	idleMb: number;
	peakMb: number;
}

async function main(): Promise<void> {
	const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as FetchPlan;
	const send = async (request: FetchPlan['requests'][number]) => {
		const response = await fetch(`${plan.baseUrl}${request.url}`, {
			method: request.method,
			headers: {
				...plan.headers,
				...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
		});
		if (!response.ok) throw new Error(`${request.method} ${request.url}: HTTP ${response.status}`);
		return (await response.json()) as unknown;
	};
	// Warm up, as n8n is: Node loads its fetch on first use and opens the connection it keeps.
	if (plan.requests.length > 0) await send(plan.requests[0]);
	resetPeak(process.pid);
	const idleMb = residentMb(process.pid);
	const kept: unknown[] = [];
	const started = performance.now();
	for (const request of plan.requests) kept.push(await send(request));
	const result: FetchLoopResult = {
		ms: Math.round(performance.now() - started),
		requests: kept.length,
		idleMb,
		peakMb: peakMb(process.pid),
	};
	console.log(JSON.stringify(result));
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
