/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling that drives real n8n, not shipped */
/**
 * Workflows started by a webhook: in queue mode main enqueues a webhook's execution and a worker
 * runs it (`n8n execute` would run it in main, in regular mode).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

type WorkflowNode = IDataObject & { name: string; type: string };
type Workflow = IDataObject & { id: string; nodes: WorkflowNode[] };

/** The production webhook path of a workflow made by `webhookStarted`. */
export const webhookPath = (workflowId: string) => `queue-${workflowId}`;

interface WebhookOptions {
	/** `onReceived` answers once the execution was queued, `lastNode` once it finished. */
	responseMode?: 'onReceived' | 'lastNode';
	/** A new id and name, for a second workflow made from the same file. */
	as?: { id: string; name: string };
}

/**
 * The workflow with its Manual Trigger replaced by a Webhook node of the same name (so that its
 * connections stay).
 */
export function webhookStarted(
	workflowJson: string,
	{ responseMode = 'onReceived', as }: WebhookOptions = {},
): Workflow {
	const workflow = { ...(JSON.parse(workflowJson) as Workflow), ...as };
	const start = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!start) throw new Error(`workflow ${workflow.id} has no Manual Trigger to replace`);
	const path = webhookPath(workflow.id);
	const webhook: WorkflowNode = {
		id: start.id,
		name: start.name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: start.position,
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode, options: {} },
	};
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => (node === start ? webhook : node)),
	};
}

/** Rewrites each workflow file of `folder` in `files` to start from a webhook. */
export function writeWebhookStarted(folder: string, files: string[]): void {
	for (const file of files)
		writeFileSync(
			join(folder, file),
			JSON.stringify(webhookStarted(readFileSync(join(folder, file), 'utf8'))),
		);
}

/**
 * Calls the production webhook of a workflow made by `webhookStarted` on main; returns the body
 * of its answer, which must come within `timeoutMs`. Each call has a connection of its own, so
 * that no kept-alive connection that n8n is closing is reused.
 */
export async function callWebhook(
	mainPort: number,
	workflowId: string,
	timeoutMs = 120_000,
): Promise<string> {
	const body = '{}';
	return await new Promise((resolve, reject) => {
		const call = request(
			{
				host: '127.0.0.1',
				port: mainPort,
				path: `/webhook/${webhookPath(workflowId)}`,
				method: 'POST',
				agent: false,
				headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (text += chunk));
				response.on('error', reject);
				response.on('end', () =>
					(response.statusCode ?? 0) < 400
						? resolve(text)
						: reject(new Error(`webhook of ${workflowId}: HTTP ${response.statusCode} ${text}`)),
				);
			},
		);
		call.setTimeout(timeoutMs, () =>
			call.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
		);
		call.on('error', (error) =>
			reject(new Error(`webhook of ${workflowId}: ${error.message}`, { cause: error })),
		);
		call.end(body);
	});
}
