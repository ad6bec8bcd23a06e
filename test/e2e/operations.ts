/* eslint-disable no-console -- local tooling, not shipped */
/**
 * The checks that run workflows from their Manual Trigger: each vendor's "every operation"
 * example, and the renewal of an expired token (Nexudus, ONLYOFFICE). How a workflow runs is the
 * caller's: `n8n execute` on one line, a webhook in queue mode.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectEqual, expectTrue } from './checks';
import {
	checkOperationsRequests as checkCopperRequests,
	checkOperationsRun as checkCopperRun,
} from './copper';
import {
	checkOperationsRequests as checkCotalkerRequests,
	checkOperationsRun as checkCotalkerRun,
} from './cotalker';
import type { Vendor } from './n8n';
import { checkOperationsRun as checkNexudusRun } from './nexudus';
import {
	checkOperationsRequests as checkOnlyofficeRequests,
	checkOperationsRun as checkOnlyofficeRun,
} from './onlyoffice';
import type { RunWorkflow, Sandboxes, VendorCheck } from './scenarios';

/** The "every operation" example workflow of each vendor (examples/<vendor>-operations.workflow.json). */
export const OPERATIONS_WORKFLOWS: Record<Vendor, string> = {
	nexudus: 'nexudusTour00001',
	copper: 'copperTour000001',
	onlyoffice: 'onlyofficeTour01',
	cotalker: 'cotalkerTour0001',
};

/** The one-call workflows of the token renewal checks, made by `renewalWorkflow`. */
export const RENEWAL_ID = 'e2eTokenRenewal1';
export const ONLYOFFICE_RENEWAL_ID = 'e2eOoRenewal0001';

/** What the checks of this file need: the n8n line (for messages), the sandboxes, how to run. */
export interface OperationsContext {
	version: string;
	sandboxes: Sandboxes;
	execute: RunWorkflow;
}

/** Each vendor's "every operation" check: Nexudus, Copper, ONLYOFFICE, Cotalker. */
export function operationChecks(context: OperationsContext): VendorCheck[] {
	return [
		{
			vendor: 'nexudus',
			name: 'every Nexudus operation of every resource runs in real n8n',
			body: async () => await nexudusOperations(context),
		},
		{
			vendor: 'copper',
			name: 'every Copper operation runs in real n8n, with the calls and bodies Copper documents',
			body: async () => await copperOperations(context),
		},
		{
			vendor: 'onlyoffice',
			name: 'every ONLYOFFICE operation of both resources runs in real n8n, with the calls, queries and bodies of the portal API',
			body: async () => await onlyofficeOperations(context),
		},
		{
			vendor: 'cotalker',
			name: 'every Cotalker operation of both resources runs in real n8n, with the calls and queries Cotalker documents',
			body: async () => await cotalkerOperations(context),
		},
	];
}

/**
 * The token renewal checks, Nexudus then ONLYOFFICE: they expire the token the operations checks
 * stored, so they run after those.
 */
export function renewalChecks(context: OperationsContext): VendorCheck[] {
	return [
		{
			vendor: 'nexudus',
			name: 'an expired bearer token is renewed on the next run, and the new token is kept',
			body: async () => await nexudusRenewal(context),
		},
		{
			vendor: 'onlyoffice',
			name: 'an expired ONLYOFFICE token is renewed with one sign-in on the next run, and the new token is kept',
			body: async () => await onlyofficeRenewal(context),
		},
	];
}

/** An operations example cut down to its trigger and one list call, with the same credential. */
export function renewalWorkflow(
	operationsJson: string,
	id: string,
	name: string,
	nodeName: string,
): IDataObject {
	const operations = JSON.parse(operationsJson) as {
		nodes: Array<IDataObject & { name: string; type: string }>;
		settings?: IDataObject;
	};
	const start = operations.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const list = operations.nodes.find((node) => node.name === nodeName)!;
	return {
		id,
		name,
		nodes: [start, list],
		connections: { [start.name]: { main: [[{ node: list.name, type: 'main', index: 0 }]] } },
		settings: operations.settings ?? { executionOrder: 'v1' },
	};
}

async function nexudusOperations({ execute }: OperationsContext): Promise<void> {
	const execution = await execute(OPERATIONS_WORKFLOWS.nexudus);
	expectEqual(execution.status, 'success', 'execution status');
	checkNexudusRun(execution.nodes);
}

async function copperOperations({
	sandboxes: { copper },
	execute,
}: OperationsContext): Promise<void> {
	const tasksBefore = await copper.tasks();
	await copper.clearRequests();
	const startedAt = Math.floor(Date.now() / 1000);
	const execution = await execute(OPERATIONS_WORKFLOWS.copper);
	const run = { tasksBefore, startedAt, endedAt: Math.ceil(Date.now() / 1000) };
	expectEqual(execution.status, 'success', 'execution status');
	const created = checkCopperRun(execution.nodes, run);
	checkCopperRequests(await copper.requests(), created, run);
	// The trigger check reads the calls n8n makes from its start on.
	await copper.clearRequests();
}

async function onlyofficeOperations({
	sandboxes: { onlyoffice },
	execute,
}: OperationsContext): Promise<void> {
	const state = await onlyoffice.state();
	await onlyoffice.clearRequests();
	const startedAt = Date.now();
	const execution = await execute(OPERATIONS_WORKFLOWS.onlyoffice);
	const run = {
		tasksBefore: state.tasks as IDataObject[],
		categoriesBefore: state.categories as IDataObject[],
		startedAt,
		endedAt: Date.now(),
	};
	expectEqual(execution.status, 'success', 'execution status');
	const made = checkOnlyofficeRun(execution.nodes, run);
	checkOnlyofficeRequests(await onlyoffice.requests(), {
		task: made.task.id as number,
		category: made.category.id as number,
	});
	// The deleted category's task moved to the category the workflow named.
	const after = await onlyoffice.state();
	const moved = (after.tasks as IDataObject[]).find((task) => task.id === made.second.id);
	expectEqual(
		(moved?.category as IDataObject | undefined)?.id,
		33,
		'category of the task in the deleted category',
	);
	expectTrue(
		!(after.categories as IDataObject[]).some((category) => category.id === made.category.id),
		'the deleted category is gone',
	);
}

async function cotalkerOperations({
	sandboxes: { cotalker },
	execute,
}: OperationsContext): Promise<void> {
	await cotalker.clearRequests();
	const startedAt = Date.now();
	const execution = await execute(OPERATIONS_WORKFLOWS.cotalker);
	const run = { after: await cotalker.state(), startedAt, endedAt: Date.now() };
	expectEqual(execution.status, 'success', 'execution status');
	const made = checkCotalkerRun(execution.nodes, run);
	checkCotalkerRequests(await cotalker.requests(), made, run);
	// The trigger check reads the calls n8n makes from its start on.
	await cotalker.clearRequests();
}

async function nexudusRenewal({
	version,
	sandboxes: { nexudus },
	execute,
}: OperationsContext): Promise<void> {
	// The operations run above signed in once and stored the token in the credential.
	await nexudus.control('POST', '/__sandbox/expire-tokens');
	await nexudus.control('DELETE', '/__sandbox/requests');
	const renewed = await execute(RENEWAL_ID);
	expectEqual(renewed.status, 'success', 'status of the run after the token expired');
	const calls = (await nexudus.requests()).map(
		(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
	);
	console.log(`[n8n ${version}] calls after the token expired: ${calls.join(', ')}`);
	// Refused with the expired token (n8n may try it more than once), one sign-in, then the same
	// call again with the new token.
	expectTrue(
		/^(GET \/api\/crm\/coworkertasks 401,)+POST \/api\/token 200,GET \/api\/crm\/coworkertasks 200$/.test(
			calls.join(','),
		),
		`requests of the run after the token expired: expected 401, one sign-in, 200; got ${JSON.stringify(calls)}`,
	);

	await nexudus.control('DELETE', '/__sandbox/requests');
	expectEqual((await execute(RENEWAL_ID)).status, 'success', 'status of the next run');
	expectEqual(
		(await nexudus.requests()).map((request) => `${request.method} ${request.url.split('?')[0]}`),
		['GET /api/crm/coworkertasks'],
		'requests of the next run (the renewed token was stored)',
	);
}

async function onlyofficeRenewal({
	version,
	sandboxes: { onlyoffice },
	execute,
}: OperationsContext): Promise<void> {
	// The operations run above signed in once and stored the token in the credential.
	const signIns = async () => (await onlyoffice.state()).signIns as number;
	await onlyoffice.control('POST', '/__sandbox/expire-tokens');
	await onlyoffice.clearRequests();
	const before = await signIns();
	const renewed = await execute(ONLYOFFICE_RENEWAL_ID);
	expectEqual(renewed.status, 'success', 'status of the run after the token expired');
	expectEqual(renewed.nodes['List task categories']?.length, 4, 'categories listed');
	const calls = (await onlyoffice.requests()).map(
		(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
	);
	console.log(`[n8n ${version}] ONLYOFFICE calls after the token expired: ${calls.join(', ')}`);
	expectEqual((await signIns()) - before, 1, 'sign-ins of the run after the token expired');
	expectTrue(
		/^(GET \/api\/2\.0\/crm\/task\/category 401,)+POST \/api\/2\.0\/authentication 201,GET \/api\/2\.0\/crm\/task\/category 200$/.test(
			calls.join(','),
		),
		`requests of the run after the token expired: expected 401, one sign-in, 200; got ${JSON.stringify(calls)}`,
	);

	await onlyoffice.clearRequests();
	expectEqual((await execute(ONLYOFFICE_RENEWAL_ID)).status, 'success', 'status of the next run');
	expectEqual((await signIns()) - before, 1, 'sign-ins after the next run (none more)');
	expectEqual(
		(await onlyoffice.requests()).map(
			(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
		),
		['GET /api/2.0/crm/task/category 200'],
		'requests of the next run (the renewed token was stored)',
	);
	// The trigger check reads the calls n8n makes from its start on.
	await onlyoffice.clearRequests();
}
