/* eslint-disable no-console -- local tooling, not shipped */
/**
 * The Copper → Nexudus sync example (examples/copper-nexudus-sync.workflow.json) in real n8n: each
 * Copper change reaches Nexudus exactly once, as one Nexudus task per Copper task (its idempotency
 * key `[copper:<id>]` in System ID), also when the sync runs again over the same tasks.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectEqual } from './checks';
import type { CopperSandboxClient } from './copper';
import { waitFor } from './n8n';
import type { NexudusSandboxClient } from './nexudus';

export const SYNC_ID = 'copperNexSync001';
export const SYNC_RERUN_ID = 'e2eSyncRerun0001';
export const SYNC_FILE = 'copper-nexudus-sync.workflow.json';

const TRIGGER = 'Copper task created or changed';
const COPIED_TASKS = 2;

interface WorkflowNode extends IDataObject {
	name: string;
	type: string;
	parameters: IDataObject;
	position: number[];
}

/**
 * The sync run again by hand over the same tasks: its trigger swapped for a Manual Trigger and a
 * Copper List of the most recently changed tasks with Simplify on, which outputs what the trigger
 * emitted for them.
 */
export function syncRerunWorkflow(syncJson: string): IDataObject {
	const sync = JSON.parse(syncJson) as { nodes: WorkflowNode[]; connections: IDataObject };
	const trigger = sync.nodes.find((node) => node.name === TRIGGER)!;
	const start = 'Run again by hand';
	return {
		...sync,
		id: SYNC_RERUN_ID,
		name: 'e2e: the sync again over the same tasks',
		nodes: [
			...sync.nodes.filter((node) => node !== trigger),
			{
				id: 'manual',
				name: start,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [-240, 0],
				parameters: {},
			},
			{
				...trigger,
				type: 'n8n-nodes-crm-tasks.copper',
				parameters: {
					resource: 'task',
					operation: 'list',
					sortBy: 'date_modified',
					sortDirection: 'desc',
					returnAll: false,
					limit: COPIED_TASKS,
					simplify: true,
				},
			},
		],
		connections: {
			...sync.connections,
			[start]: { main: [[{ node: TRIGGER, type: 'main', index: 0 }]] },
		},
		active: false,
	};
}

/** What the sync check needs of the line it runs on. */
export interface SyncLine {
	version: string;
	copper: CopperSandboxClient;
	nexudus: NexudusSandboxClient;
	/** Runs a workflow once through `n8n execute`, failing unless it succeeds. */
	execute(workflowId: string): Promise<{ status: string }>;
}

/** The Nexudus copies of a Copper task, found by the key the sync stores in System ID. */
async function copiesOf(nexudus: NexudusSandboxClient, copperId: unknown): Promise<IDataObject[]> {
	const key = encodeURIComponent(`[copper:${String(copperId)}]`);
	const page = await nexudus.get(`/api/crm/coworkertasks?CoworkerTask_SystemId=${key}&size=100`);
	const listed = page.Records as IDataObject[];
	return await Promise.all(listed.map(async (task) => await nexudus.task(task.Id as number)));
}

/** The Nexudus writes of tasks since the request log was cleared, as `POST` and `PUT` counts. */
async function taskWrites(nexudus: NexudusSandboxClient) {
	const writes = (await nexudus.requests()).filter(
		(request) => request.url.split('?')[0] === '/api/crm/coworkertasks' && request.status === 200,
	);
	const count = (method: string) => writes.filter((request) => request.method === method).length;
	return { created: count('POST'), updated: count('PUT') };
}

/** Waits until every Copper task has exactly one Nexudus copy that `matches` it, and returns them. */
async function waitForCopies(
	nexudus: NexudusSandboxClient,
	tasks: IDataObject[],
	matches: (copy: IDataObject, task: IDataObject) => boolean,
): Promise<IDataObject[][]> {
	return await waitFor(
		'the Nexudus copies of the Copper tasks',
		async () => {
			const copies = await Promise.all(tasks.map(async (task) => await copiesOf(nexudus, task.id)));
			const done = copies.every((found, index) =>
				found.some((copy) => matches(copy, tasks[index])),
			);
			return done ? copies : undefined;
		},
		150_000,
	);
}

const sameName = (copy: IDataObject, task: IDataObject) => copy.Name === task.name;

/**
 * With the sync active: two Copper tasks are created, then one of them renamed and completed. Each
 * change must reach Nexudus once: two creations, then one update, and one copy per task. A run by
 * hand over the same tasks must then update both copies and create none.
 */
export async function checkCopperNexudusSync(line: SyncLine): Promise<void> {
	const { copper, nexudus } = line;
	await nexudus.control('DELETE', '/__sandbox/requests');
	const first = await copper.createTask({ name: 'Sync e2e: first', details: 'From Copper' });
	const second = await copper.createTask({ name: 'Sync e2e: second', due_date: 1_798_761_600 });

	const created = await waitForCopies(nexudus, [first, second], sameName);
	expectEqual(
		created.map((copies) => copies.length),
		[1, 1],
		'Nexudus copies of each new Copper task',
	);
	const [firstCopy, secondCopy] = created.map((copies) => copies[0]);
	expectEqual(
		[firstCopy.SystemId, firstCopy.Notes, secondCopy.SystemId, secondCopy.DueDate],
		[
			`[copper:${String(first.id)}]`,
			'From Copper',
			`[copper:${String(second.id)}]`,
			'2027-01-01T00:00:00Z',
		],
		'key, notes and due date of the copies',
	);
	expectEqual(
		await taskWrites(nexudus),
		{ created: 2, updated: 0 },
		'Nexudus writes for two new tasks',
	);

	const renamed = await copper.updateTask(first.id as number, {
		name: 'Sync e2e: first, renamed',
		status: 'Completed',
	});
	const [[updatedCopy], [unchangedCopy]] = await waitForCopies(
		nexudus,
		[renamed, second],
		(copy, task) => sameName(copy, task) && copy.Completed === (task.status === 'Completed'),
	);
	expectEqual(updatedCopy.Id, firstCopy.Id, 'the renamed task updates its own copy');
	expectEqual(unchangedCopy, secondCopy, 'the other copy, untouched');
	expectEqual(
		await taskWrites(nexudus),
		{ created: 2, updated: 1 },
		'Nexudus writes after one change of a copied task',
	);

	const rerun = await line.execute(SYNC_RERUN_ID);
	expectEqual(rerun.status, 'success', 'status of the sync run again by hand');
	const after = await Promise.all(
		[first, second].map(async (task) => await copiesOf(nexudus, task.id)),
	);
	expectEqual(
		after.map((copies) => copies.map((copy) => [copy.Id, copy.Name, copy.Completed])),
		[[[firstCopy.Id, renamed.name, true]], [[secondCopy.Id, second.name, false]]],
		'one copy per task after the sync ran again, as it was',
	);
	const writes = await taskWrites(nexudus);
	expectEqual(
		writes,
		{ created: 2, updated: 3 },
		'Nexudus writes after the run again (updates only)',
	);
	console.log(
		`[n8n ${line.version}] sync: 2 Copper tasks created and 1 changed gave ${writes.created} Nexudus creations and 1 update; the run again over both updated them (${writes.updated} updates in all) and created none`,
	);
}
