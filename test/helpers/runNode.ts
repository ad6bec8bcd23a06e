import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	NodeError,
} from 'n8n-workflow';

import type { PackageNodeTypes } from './nodeTypes';
import { outputsOf, runWorkflow } from './runWorkflow';
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
	const node: INode = {
		...testNode(NODE_NAME, options.type, options.parameters, Object.keys(options.credentials)),
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const { run, storedCredentials } = await runWorkflow({
		nodes: [node],
		connections: {},
		start: node,
		input: options.input ?? [{}],
		credentials: options.credentials,
		nodeTypes: options.nodeTypes,
	});
	return {
		json: outputsOf(run)[NODE_NAME] ?? [],
		error: (run.data.resultData.error as NodeError | undefined) ?? undefined,
		storedCredentials,
	};
}

/** What a test may change of one run of a vendor's node. */
export type OperationRunOptions = Partial<
	Pick<NodeRunOptions, 'credentials' | 'input' | 'continueOnFail'>
>;

/**
 * Runs one operation of a vendor's node: `runner(type, credentials)(resource, operation,
 * parameters)`, with the vendor's usual credentials unless the test gives others.
 */
export const nodeRunner =
	(type: string, credentials: NodeRunOptions['credentials']) =>
	async (
		resource: string,
		operation: string,
		parameters: INodeParameters = {},
		options: OperationRunOptions = {},
	) =>
		await runNode({
			type,
			parameters: { resource, operation, ...parameters },
			credentials: options.credentials ?? credentials,
			input: options.input,
			continueOnFail: options.continueOnFail,
		});

/** A record picked in a resource locator, by ID or from the list. */
export const picked = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });
