import type { ICredentialDataDecryptedObject, IConnections, INode } from 'n8n-workflow';

import { runWorkflow, type WorkflowRun } from '../runWorkflow';

/** A workflow as saved in examples/: its manual trigger belongs to n8n-nodes-base. */
export interface SavedWorkflow {
	nodes: INode[];
	connections: IConnections;
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * The example with `nodes` run after its last node, one after the other (for operations it does
 * not show). Each runs once, whatever the number of items before it.
 */
export function followedBy(saved: SavedWorkflow, ...nodes: INode[]): SavedWorkflow {
	const connections = structuredClone(saved.connections);
	let last = saved.nodes.find((node) => !connections[node.name])!;
	for (const node of nodes) {
		connections[last.name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		last = node;
	}
	return {
		nodes: [...saved.nodes, ...nodes.map((node) => ({ ...node, executeOnce: true }))],
		connections,
	};
}

/** The (resource, operation) pairs a workflow's nodes of `type` run. */
export const operationsRun = (saved: SavedWorkflow, type: string) =>
	saved.nodes
		.filter((node) => node.type === type)
		.map((node) => `${String(node.parameters.resource)} ${String(node.parameters.operation)}`);

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
