/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- local tooling that drives real n8n, not shipped */
/**
 * n8n's built-in Copper node (n8n-nodes-base.copper, task Get Many with Return All) in a real n8n:
 * import its credential and workflow (the JSON files beside this one) into a user folder, then run
 * it once with `n8n execute` and read the stored execution back.
 */
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { run, runCapture } from '../../e2e/n8n';
import workflow from './builtin-copper.workflow.json';

export const BUILTIN_COPPER_WORKFLOW_ID = workflow.id;
/** The node whose output items are the tasks returned. */
const COPPER_NODE = 'Copper';

export interface BuiltinCopperRun {
	/** The tasks the node returned, as items, repeats included. */
	items: IDataObject[];
	/** n8n's own execution time (stoppedAt − startedAt of the stored execution), not CLI start-up. */
	executionMs: number;
}

interface StoredExecution {
	status: string;
	startedAt: string;
	stoppedAt: string;
	error?: { name: string; message: string };
	nodes: Record<string, IDataObject[]>;
}

/** Imports the credential and the workflow into the n8n user folder that `env` names. */
export async function importBuiltinCopper(env: NodeJS.ProcessEnv): Promise<void> {
	await run(
		'n8n',
		['import:credentials', `--input=${join(__dirname, 'builtin-copper.credentials.json')}`],
		env,
	);
	await run(
		'n8n',
		['import:workflow', `--input=${join(__dirname, 'builtin-copper.workflow.json')}`],
		env,
	);
}

/**
 * Runs the workflow once. `env` must carry the redirect's variables (startCopperRedirect), since
 * the built-in node only knows https://api.copper.com.
 */
export async function executeBuiltinCopper(env: NodeJS.ProcessEnv): Promise<BuiltinCopperRun> {
	const { code, stdout, stderr } = await runCapture(
		'bash',
		['scripts/n8n/execute.sh', BUILTIN_COPPER_WORKFLOW_ID],
		env,
	);
	let executions: StoredExecution[] = [];
	try {
		executions = JSON.parse(stdout) as StoredExecution[];
	} catch {
		// No execution was stored: n8n's own words are in stderr.
	}
	const execution = executions[executions.length - 1];
	if (code !== 0 || execution?.status !== 'success') {
		throw new Error(
			execution
				? `built-in Copper run ${execution.status}: ${execution.error?.name}: ${execution.error?.message}`
				: `n8n execute exited ${code}:\n${stderr.slice(-2000)}`,
		);
	}
	return {
		items: execution.nodes[COPPER_NODE] ?? [],
		executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
	};
}
