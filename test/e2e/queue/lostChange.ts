/* eslint-disable no-console -- local tooling that drives real n8n, not shipped */
/**
 * What becomes of a change whose execution fails on a worker that lacks the pack: main's poll
 * succeeded, so its cursor moved on, and the failed execution is stored without the trigger's
 * items, so that retrying it brings nothing back.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectEqual, expectTrue } from '../checks';
import type { CopperSandboxClient } from '../copper';
import { ownerSession, sleep, waitFor } from '../n8n';
import { sinkItems } from '../scenarios';
import { TRIGGER_WORKFLOWS } from '../triggers';
import type { ExecutionStore } from './executions';
import type { LoggedProcess } from './process';

export interface LostChangeContext {
	label: string;
	store: ExecutionStore;
	copper: CopperSandboxClient;
	sinkPort: number;
	mainPort: number;
	healthPort: number;
	/** Replaces the running worker with one whose nodes folder lacks the pack. */
	startBareWorker: () => Promise<LoggedProcess>;
	/** Replaces the running worker with one that has the pack. */
	startWorker: () => Promise<LoggedProcess>;
}

/** What was measured; the check fails when it differs from what the README states. */
export interface LostChange {
	healthWithoutPack: number;
	failedStatus: string;
	failedError: string;
	deliveredBeforeRetry: number;
	retryStatus: string;
	deliveredAfterRetry: number;
	laterChangeDelivered: number;
	/** The trigger's rows in `poller_state`; null where n8n has no such table (1.x). */
	pollerStateRows: number | null;
}

const COPPER_PATH = '/copper-trigger';

export async function measureLostChange(context: LostChangeContext): Promise<LostChange> {
	const { store, copper, sinkPort, label } = context;
	const workflowId = TRIGGER_WORKFLOWS.copper;
	const delivered = async (id: unknown) =>
		(await sinkItems(sinkPort, COPPER_PATH)).filter((task) => task.id === id).length;
	const copperPolls = async () =>
		(await copper.requests()).filter(
			(request) => (request.body as IDataObject | undefined)?.sort_by === 'date_modified',
		).length;

	await context.startBareWorker();
	const health = await fetch(`http://127.0.0.1:${context.healthPort}/healthz`);

	// A change, polled by main and enqueued: the worker without the pack fails its execution.
	const since = await store.maxId();
	const lost = await copper.createTask({
		name: `Queue e2e: made for a worker without the pack (${label})`,
	});
	const failed = await waitFor(
		'the failed execution of the Copper trigger',
		async () => await store.firstFinished(since, workflowId),
		150_000,
	);
	const failedExecution = await store.read(failed.id);

	// The pack is back: the next poll starts from the moved cursor.
	await context.startWorker();
	const polls = await copperPolls();
	await waitFor(
		'a poll after the worker came back',
		async () => ((await copperPolls()) > polls ? true : undefined),
		90_000,
	);
	await sleep(5000);
	const deliveredBeforeRetry = await delivered(lost.id);

	// Retrying the failed execution, as an operator would try first.
	const base = `http://127.0.0.1:${context.mainPort}`;
	const cookie = await ownerSession(base);
	const beforeRetry = await store.maxId();
	const retried = await fetch(`${base}/rest/executions/${failed.id}/retry`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', cookie },
		body: JSON.stringify({ loadWorkflow: false }),
	});
	expectTrue(
		retried.ok,
		`retry of execution ${failed.id}: HTTP ${retried.status} ${await retried.clone().text()}`,
	);
	const retry = await waitFor(
		'the retry to finish',
		async () => await store.firstFinished(beforeRetry, workflowId),
		90_000,
	);
	await sleep(2000);
	const deliveredAfterRetry = await delivered(lost.id);

	// And a change made now is delivered once.
	const later = await copper.createTask({
		name: `Queue e2e: made after the pack was back (${label})`,
	});
	await waitFor(
		'the later change in the sink',
		async () => ((await delivered(later.id)) > 0 ? true : undefined),
		90_000,
	);
	await sleep(3000);
	const pollerState = await store
		.query('select count(*) as rows from poller_state where "workflowId" = $1', [workflowId])
		.catch(() => [{ rows: null }]);

	const measured: LostChange = {
		healthWithoutPack: health.status,
		failedStatus: failed.status,
		failedError: failedExecution.error?.message ?? '',
		deliveredBeforeRetry,
		retryStatus: retry.status,
		deliveredAfterRetry,
		laterChangeDelivered: await delivered(later.id),
		pollerStateRows: pollerState[0]?.rows === null ? null : Number(pollerState[0]?.rows),
	};
	console.log(`[queue] ${label}: ${JSON.stringify(measured)}`);
	return measured;
}

/** What the README states of a worker without the pack, whatever the cursor setting: the change is lost. */
export function expectLost(measured: LostChange): void {
	expectEqual(measured.healthWithoutPack, 200, 'health check of the worker without the pack');
	expectEqual(
		measured.failedStatus,
		'error',
		'status of the execution the worker without the pack ran',
	);
	expectTrue(
		measured.failedError.includes('Unrecognized node type'),
		`error of that execution: ${measured.failedError}`,
	);
	expectEqual(
		measured.deliveredBeforeRetry,
		0,
		'deliveries of the change before the retry (the cursor moved on)',
	);
	expectEqual(measured.retryStatus, 'error', 'status of the retry of the failed execution');
	expectEqual(
		measured.deliveredAfterRetry,
		0,
		'deliveries of the change after the failed execution was retried (it was stored without its items)',
	);
	expectEqual(
		measured.laterChangeDelivered,
		1,
		'deliveries of a change made once the pack was back',
	);
}
