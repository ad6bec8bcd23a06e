import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { PackageNodeTypes } from './nodeTypes';

export interface WorkflowRunOptions {
	nodes: INode[];
	connections: IConnections;
	/** The node the execution starts at, handed `input` as a trigger would hand it its items. */
	start: INode;
	input: IDataObject[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node types the workflow knows; the package's nodes when omitted. */
	nodeTypes?: PackageNodeTypes;
}

export interface WorkflowRun {
	run: IRun;
	/** Credential data as stored after the run (e.g. a renewed token). */
	storedCredentials: Record<string, ICredentialDataDecryptedObject>;
}

/** Runs a workflow through n8n-core's WorkflowExecute as a manual execution. */
export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRun> {
	const workflowData = {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes: options.nodes,
		connections: options.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: options.nodes,
		connections: options.connections,
		nodeTypes: options.nodeTypes ?? new PackageNodeTypes(),
		active: false,
	});

	const storedCredentials = structuredClone(options.credentials);
	const { additionalData } = createAdditionalData(storedCredentials);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	additionalData.hooks = hooks;
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const input = options.input.map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: options.start, data: { main: [input] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	return { run: await done, storedCredentials };
}

/** The JSON of every item on each node's first output, by node name. */
export const outputsOf = (run: IRun): Record<string, IDataObject[]> =>
	Object.fromEntries(
		Object.entries(run.data.resultData.runData).map(([name, tasks]) => [
			name,
			(tasks[0]?.data?.main?.[0] ?? []).map((item) => item.json),
		]),
	);
