import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
} from 'n8n-workflow';
import nock from 'nock';

import example from '../../examples/nexudus-operations.workflow.json';
import { checkOperationsRun } from '../e2e/nexudus';
import { outputsOf, runWorkflow } from '../helpers/runWorkflow';
import { createNexudusSandbox, type RunningServer } from '../sandbox/nexudus';
import { sandboxCredentials } from './credentials';

const TRIGGER = 'n8n-nodes-base.manualTrigger';

/**
 * Runs a saved workflow through n8n-core's WorkflowExecute as a manual execution, starting where its
 * manual trigger would hand over one empty item (the trigger itself belongs to n8n-nodes-base).
 */
async function runExample(
	saved: { nodes: INode[]; connections: IConnections },
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ outputs: Record<string, IDataObject[]>; error?: Error }> {
	const trigger = saved.nodes.find((node) => node.type === TRIGGER)!;
	const nodes = saved.nodes.filter((node) => node !== trigger);
	const connections = { ...saved.connections };
	const first = connections[trigger.name].main[0]![0].node;
	delete connections[trigger.name];
	const start = nodes.find((node) => node.name === first)!;
	const { run } = await runWorkflow({ nodes, connections, start, input: [{}], credentials });
	return { outputs: outputsOf(run), error: run.data.resultData.error };
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
			connections: IConnections;
		};
		const { outputs, error } = await runExample(saved, sandboxCredentials(server.url));

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
