import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IRun,
	IWorkflowBase,
	NodeError,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import { PackageNodeTypes } from './nodeTypes';
import { testNode } from './testNode';

export interface NodeRun {
	/** The JSON of every item on the node's first output. */
	json: IDataObject[];
	/** The error that stopped the workflow, if any. */
	error?: NodeError;
	/** Credential data as stored after the run (e.g. a renewed token). */
	storedCredentials: Record<string, ICredentialDataDecryptedObject>;
}

export interface NodeRunOptions {
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Input items; one empty item when omitted, as after a Manual Trigger. */
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** The node types the workflow knows; the package's nodes when omitted. */
	nodeTypes?: PackageNodeTypes;
}

const NODE_NAME = 'Node under test';

/** Runs one node inside a workflow through n8n-core's WorkflowExecute, as a manual execution. */
export async function runNode(options: NodeRunOptions): Promise<NodeRun> {
	const nodeTypes = options.nodeTypes ?? new PackageNodeTypes();
	const node: INode = {
		...testNode(NODE_NAME, options.type, options.parameters, Object.keys(options.credentials)),
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'Test workflow',
		active: false,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes,
		active: false,
	});

	const stored = structuredClone(options.credentials);
	const { additionalData } = createAdditionalData(stored);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	additionalData.hooks = hooks;
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});

	const input = (options.input ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await done;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	return {
		json: items.map((item) => item.json),
		error: (run.data.resultData.error as NodeError | undefined) ?? undefined,
		storedCredentials: stored,
	};
}
