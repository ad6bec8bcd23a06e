/**
 * Workflows started by a webhook: in queue mode main enqueues a webhook's execution and a worker
 * runs it (`n8n execute` would run it in main, in regular mode).
 */
import type { IDataObject } from 'n8n-workflow';

type WorkflowNode = IDataObject & { name: string; type: string };
type Workflow = IDataObject & { id: string; nodes: WorkflowNode[] };

/** The production webhook path of a workflow made by `webhookStarted`. */
export const webhookPath = (workflowId: string) => `queue-${workflowId}`;

/**
 * The workflow with its Manual Trigger replaced by a Webhook node of the same name (so that its
 * connections stay), answering once the execution was queued or, with `lastNode`, finished.
 */
export function webhookStarted(
	workflowJson: string,
	responseMode: 'onReceived' | 'lastNode' = 'onReceived',
): Workflow {
	const workflow = JSON.parse(workflowJson) as Workflow;
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
