import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import nock from 'nock';

import example from '../../examples/nexudus-operations.workflow.json';
import { checkOperationsRun } from '../e2e/nexudus';
import { createAdditionalData } from '../helpers/additionalData';
import { PackageNodeTypes } from '../helpers/nodeTypes';
import {
	createNexudusSandbox,
	NEXUDUS_ADMIN_EMAIL,
	NEXUDUS_ADMIN_PASSWORD,
	type RunningServer,
} from '../sandbox/nexudus';

const TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * Runs a saved workflow through n8n-core's WorkflowExecute as a manual execution, starting where its
 * manual trigger would hand over one empty item (the trigger itself belongs to n8n-nodes-base).
 */
async function runWorkflow(
	saved: { nodes: INode[]; connections: IWorkflowBase['connections'] },
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ outputs: Record<string, IDataObject[]>; error?: Error }> {
	const trigger = saved.nodes.find((node) => node.type === TRIGGER)!;
	const nodes = saved.nodes.filter((node) => node !== trigger);
	const connections = { ...saved.connections };
	const first = connections[trigger.name].main[0]![0].node;
	delete connections[trigger.name];
	const workflowData = {
		id: 'example',
		name: 'Example',
		active: false,
		isArchived: false,
		nodes,
		connections,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		nodes,
		connections,
		nodeTypes: new PackageNodeTypes(),
		active: false,
	});
	const { additionalData } = createAdditionalData(structuredClone(credentials));
	const hooks = new ExecutionLifecycleHooks('manual', 'example-execution', workflowData);
	additionalData.hooks = hooks;
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	const start = nodes.find((node) => node.name === first)!;
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await done;
	const outputs = Object.fromEntries(
		Object.entries(run.data.resultData.runData).map(([name, tasks]) => [
			name,
			(tasks[0]?.data?.main?.[0] ?? []).map((item) => item.json),
		]),
	);
	return { outputs, error: run.data.resultData.error };
}

describe('Nexudus › the example workflow against the sandbox', () => {
	let server: RunningServer;

	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		server = await createNexudusSandbox({ now: () => new Date('2026-11-20T08:00:00Z') }).start(0);
	});
	afterEach(async () => {
		await server.close();
	});

	it('runs every operation and passes the end-to-end checks', async () => {
		const saved = structuredClone(example) as unknown as {
			nodes: INode[];
			connections: IWorkflowBase['connections'];
		};
		const credentials = {
			nexudusSpacesApi: {
				authentication: 'basicAuth',
				email: NEXUDUS_ADMIN_EMAIL,
				password: NEXUDUS_ADMIN_PASSWORD,
				baseUrl: `${server.url}/api`,
				accessToken: '',
			},
		};

		const { outputs, error } = await runWorkflow(saved, credentials);

		expect(error?.message).toBeUndefined();
		checkOperationsRun(outputs);
	});

	it('executes once only the nodes that follow a node with several items', () => {
		const saved = example as unknown as { nodes: Array<INode & { executeOnce?: boolean }> };
		const once = saved.nodes.filter((node) => node.executeOnce).map((node) => node.name);
		expect(once).toEqual([
			'Find tasks by ID',
			'Tasks due in December',
			'List task commands',
			'Reopen task',
			'Find history entry by ID',
			'Moves in November',
			'List history commands',
			'Set history system ID',
		]);
		const pickedByList = JSON.stringify(saved.nodes).match(
			/"mode":"list","value":"[^"]*"(?!,"cachedResultName")/g,
		);
		expect(pickedByList).toBeNull();
	});
});
