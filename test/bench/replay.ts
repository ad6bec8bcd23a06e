/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/** Hands the requests a run of our node made to the plain fetch loop (fetchLoop.ts), in its own process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, run } from '../e2e/n8n';
import type { FetchLoopResult, FetchPlan } from './fetchLoop';
import type { BenchSandbox } from './vendors';

/** The API requests the emulator answered with success, sign-ins left out. */
export function servedRequests(sandbox: BenchSandbox): FetchPlan['requests'] {
	return sandbox.state.requests
		.filter(
			(request) => (request.status ?? 200) < 300 && !/authentication|token/i.test(request.url),
		)
		.map(({ method, url, body }) => ({ method, url, body }));
}

/** Runs the plain fetch loop over `requests` on n8n's Node, and returns what it measured. */
export async function replayRequests(
	env: NodeJS.ProcessEnv,
	baseUrl: string,
	headers: Record<string, string>,
	requests: FetchPlan['requests'],
): Promise<FetchLoopResult> {
	const folder = mkdtempSync(join(tmpdir(), 'crm-tasks-bench-'));
	try {
		const file = join(folder, 'plan.json');
		writeFileSync(file, JSON.stringify({ baseUrl, headers, requests } satisfies FetchPlan));
		const output = await run(
			join(ROOT, 'node_modules', '.bin', 'tsx'),
			['test/bench/fetchLoop.ts', file],
			{
				...env,
				NODE_OPTIONS: '',
			},
		);
		return JSON.parse(output.trim().split('\n').pop()!) as FetchLoopResult;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
