import type { ICredentialDataDecryptedObject, IConnections, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowRun } from '../runWorkflow';

/** A workflow as saved in examples/: its manual trigger belongs to n8n-nodes-base. */
export interface SavedWorkflow {
	nodes: INode[];
	connections: IConnections;
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * Runs a saved example workflow through n8n-core's WorkflowExecute as a manual execution, from the
 * node its manual trigger hands one empty item to; returns the whole run, as n8n would store it.
 */
export async function runExample(
	saved: SavedWorkflow,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<WorkflowRun> {
	const manual = saved.nodes.find((node) => node.type === MANUAL_TRIGGER)!;
	const { [manual.name]: handOver, ...connections } = saved.connections;
	const start = saved.nodes.find((node) => node.name === handOver.main[0]![0].node)!;
	return await runWorkflow({
		nodes: saved.nodes.filter((node) => node !== manual),
		connections,
		start,
		input: [{}],
		credentials,
	});
}
