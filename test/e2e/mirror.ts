/* eslint-disable no-console -- local tooling, not shipped */
/**
 * The ONLYOFFICE ↔ Cotalker status-mirroring example (examples/onlyoffice-cotalker-status.workflow
 * .json) in real n8n. Each side's flow runs by hand from a Manual Trigger and a Find of the task
 * with Simplify on, which outputs what the side's trigger emits for it: a closed ONLYOFFICE task
 * closes its Cotalker twin (through doing, to done), a Cotalker task moved back to open reopens
 * its ONLYOFFICE twin, and a twin already alike is left alone.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectEqual } from './checks';
import { PROJECTS, type CotalkerSandboxClient } from './cotalker';
import type { OnlyofficeSandboxClient } from './onlyoffice';

export const MIRROR_FILE = 'onlyoffice-cotalker-status.workflow.json';
export const FROM_ONLYOFFICE_ID = 'e2eMirrorFromOo1';
export const FROM_COTALKER_ID = 'e2eMirrorFromCt1';

const TITLE = 'Mirror e2e twin';
const DONE = '6a1e00000f00000000000003';
const OPEN = '6a1e00000f00000000000001';

interface WorkflowNode extends IDataObject {
	name: string;
	type: string;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, IDataObject>;
}

/**
 * One flow of the example, started by hand: its triggers replaced by a Manual Trigger and `find`,
 * connected to the flow's first node.
 */
function flowByHand(
	mirrorJson: string,
	id: string,
	first: string,
	find: WorkflowNode,
): IDataObject {
	const mirror = JSON.parse(mirrorJson) as Workflow;
	const start = 'Run by hand';
	const isTrigger = (node: WorkflowNode) => node.type.endsWith('Trigger');
	const triggers = new Set(mirror.nodes.filter(isTrigger).map((node) => node.name));
	return {
		id,
		name: `e2e: status mirroring from ${find.name}`,
		nodes: [
			...mirror.nodes.filter((node) => !isTrigger(node)),
			{
				id: 'manual',
				name: start,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [-480, 0],
				parameters: {},
			},
			find,
		],
		connections: {
			...Object.fromEntries(
				Object.entries(mirror.connections).filter(([name]) => !triggers.has(name)),
			),
			[start]: { main: [[{ node: find.name, type: 'main', index: 0 }]] },
			[find.name]: { main: [[{ node: first, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The two flows of the example, each started by hand (see flowByHand). */
export function mirrorFlowsByHand(mirrorJson: string): IDataObject[] {
	const credentialsOf = (type: string) =>
		(JSON.parse(mirrorJson) as Workflow).nodes.find((node) => node.type === type)!.credentials;
	return [
		flowByHand(mirrorJson, FROM_ONLYOFFICE_ID, 'Status in ONLYOFFICE', {
			id: 'find-closed',
			name: 'The closed ONLYOFFICE task',
			type: 'n8n-nodes-crm-tasks.onlyoffice',
			typeVersion: 1,
			position: [-240, 0],
			parameters: {
				resource: 'task',
				operation: 'find',
				filters: { filterValue: TITLE },
				returnAll: true,
				simplify: true,
			},
			credentials: credentialsOf('n8n-nodes-crm-tasks.onlyofficeTrigger'),
		}),
		flowByHand(mirrorJson, FROM_COTALKER_ID, 'Status in Cotalker', {
			id: 'find-moved',
			name: 'The moved Cotalker task',
			type: 'n8n-nodes-crm-tasks.cotalker',
			typeVersion: 1,
			position: [-240, 480],
			parameters: {
				resource: 'task',
				operation: 'find',
				taskGroup: { __rl: true, mode: 'id', value: PROJECTS },
				searchBy: 'keywords',
				filters: { search: TITLE },
				returnAll: true,
				simplify: true,
			},
			credentials: credentialsOf('n8n-nodes-crm-tasks.cotalkerTrigger'),
		}),
	];
}

/** What the mirroring check needs of the line it runs on. */
export interface MirrorLine {
	version: string;
	onlyoffice: OnlyofficeSandboxClient;
	cotalker: CotalkerSandboxClient;
	/** Runs a workflow once through `n8n execute`, failing unless it succeeds. */
	execute(workflowId: string): Promise<{ status: string }>;
}

/** The close and reopen calls ONLYOFFICE received. */
const statusCalls = async (onlyoffice: OnlyofficeSandboxClient) =>
	(await onlyoffice.requests())
		.filter((request) => /\/(close|reopen)$/.test(request.url.split('?')[0]))
		.map((request) => `${request.method} ${request.url.split('?')[0]}`);

/**
 * An ONLYOFFICE task and a Cotalker task share a title. Closing the ONLYOFFICE one and running its
 * flow closes the Cotalker twin; moving that back to open and running the Cotalker flow reopens
 * the ONLYOFFICE one; running it again changes nothing.
 */
export async function checkStatusMirroring(line: MirrorLine): Promise<void> {
	const { onlyoffice, cotalker } = line;
	const tasks = async () => (await onlyoffice.state()).tasks as IDataObject[];
	const source = (await tasks())[0];
	const ooId = source.id as number;
	await onlyoffice.renameTask(ooId, TITLE);
	const twin = await cotalker.createTask(PROJECTS, { name: TITLE });
	await onlyoffice.closeTask(ooId);

	expectEqual((await line.execute(FROM_ONLYOFFICE_ID)).status, 'success', 'ONLYOFFICE flow');
	const closedTwin = await cotalker.task(twin._id);
	expectEqual(
		[closedTwin.smState, closedTwin.closedAt !== null],
		[DONE, true],
		'the Cotalker twin of the closed ONLYOFFICE task: state, closed',
	);

	const reopenedTwin = await cotalker.moveTask(PROJECTS, twin._id);
	expectEqual(reopenedTwin.smState, OPEN, 'the Cotalker twin moved back to open');
	await onlyoffice.clearRequests();
	expectEqual((await line.execute(FROM_COTALKER_ID)).status, 'success', 'Cotalker flow');
	expectEqual(
		await statusCalls(onlyoffice),
		[`PUT /api/2.0/crm/task/${ooId}/reopen`],
		'ONLYOFFICE calls of the Cotalker flow',
	);
	const reopened = (await tasks()).find((task) => task.id === ooId);
	expectEqual(reopened?.isClosed ?? false, false, 'the ONLYOFFICE task, open');

	await onlyoffice.clearRequests();
	expectEqual((await line.execute(FROM_COTALKER_ID)).status, 'success', 'Cotalker flow again');
	expectEqual(await statusCalls(onlyoffice), [], 'ONLYOFFICE calls when the twins are alike');
	console.log(
		`[n8n ${line.version}] status mirroring: ONLYOFFICE task ${ooId} closed → Cotalker twin done; Cotalker twin reopened → ONLYOFFICE task reopened; alike → no call`,
	);
}
