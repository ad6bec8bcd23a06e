/**
 * The Cotalker example workflows in-process, on every `npm test`: examples/cotalker-operations
 * runs through n8n-core's WorkflowExecute against the Cotalker emulator and must pass the same
 * checks as in real n8n (test/e2e/cotalker.ts); both examples pick records the way the editor
 * saves them.
 */
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
} from 'n8n-workflow';
import nock from 'nock';

import operations from '../../examples/cotalker-operations.workflow.json';
import trigger from '../../examples/cotalker-trigger.workflow.json';
import { sandboxCredentials } from './credentials';
import { outputsOf, runWorkflow } from '../helpers/runWorkflow';
import {
	createCotalkerSandbox,
	type CotalkerSandbox,
	type RunningServer,
} from '../sandbox/cotalker';
import { type CotalkerState, checkOperationsRequests, checkOperationsRun } from '../e2e/cotalker';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

type Saved = { nodes: Array<INode & { executeOnce?: boolean }>; connections: IConnections };

/** Runs a saved workflow from the node its manual trigger hands one empty item to. */
async function runExample(
	saved: Saved,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ outputs: Record<string, IDataObject[]>; error?: Error }> {
	const manual = saved.nodes.find((node) => node.type === MANUAL_TRIGGER)!;
	const nodes = saved.nodes.filter((node) => node !== manual);
	const connections = { ...saved.connections };
	const first = connections[manual.name].main[0]![0].node;
	delete connections[manual.name];
	const start = nodes.find((node) => node.name === first)!;
	const { run } = await runWorkflow({ nodes, connections, start, input: [{}], credentials });
	return { outputs: outputsOf(run), error: run.data.resultData.error };
}

describe('Cotalker › the example workflows', () => {
	let sandbox: CotalkerSandbox;
	let server: RunningServer;

	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		// The example's Range reads the last hour by $now: the emulator runs on the real clock.
		sandbox = createCotalkerSandbox();
		server = await sandbox.start(0);
	});
	afterEach(async () => {
		await server.close();
	});

	it.each([
		['as the emulator answers by default', {}],
		[
			'with the open questions answered the other way: lists under another key, a create as {task}',
			{ arrayKey: 'results', createWrap: true },
		],
	])(
		'runs every operation against the emulator and passes the end-to-end checks, %s',
		async (_, shape) => {
			sandbox.setShape(shape);
			const startedAt = Date.now();
			const { outputs, error } = await runExample(
				structuredClone(operations) as unknown as Saved,
				sandboxCredentials(server.url),
			);
			const run = {
				after: sandbox.snapshot() as unknown as CotalkerState,
				startedAt,
				endedAt: Date.now(),
			};

			expect(error?.message).toBeUndefined();
			const made = checkOperationsRun(outputs, run);
			checkOperationsRequests(sandbox.state.requests, made, run);
		},
	);

	it('executes each Cotalker node once, and names what it picked from a list', () => {
		const saved = operations as unknown as Saved;
		const cotalkerNodes = saved.nodes.filter((node) => node.type !== MANUAL_TRIGGER);
		expect(cotalkerNodes.filter((node) => !node.executeOnce).map((node) => node.name)).toEqual([]);
		for (const example of [operations, trigger]) {
			const pickedByList = JSON.stringify(example).match(
				/"mode":"list","value":"[^"]*"(?!,"cachedResultName")/g,
			);
			expect(pickedByList).toBeNull();
		}
	});
});
