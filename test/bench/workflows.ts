/**
 * The workflows the benchmark imports into n8n, built from each vendor's data (vendors.ts):
 * - Return All, one per contender: Webhook → the contender's node(s) → Summarize (the count of
 *   records and of distinct IDs, which the webhook answers). Executions are not saved, so that
 *   storing 100,000 items does not weigh on the measure; timings come from n8n's event log.
 * - Polling: the vendor's trigger on a once-a-minute schedule at its own second → Summarize → a
 *   POST of the counts to the benchmark's sink.
 */
import type { IDataObject } from 'n8n-workflow';

import type { VendorBench } from './vendors';

export type Contender = 'node' | 'httpRequest' | 'copperBuiltIn';

export const CONTENDER_NAMES: Record<Contender, string> = {
	node: 'this pack’s node',
	httpRequest: 'HTTP Request node',
	copperBuiltIn: 'n8n’s Copper node',
};

/** A workflow the benchmark runs, and the nodes whose span it times. */
export interface BenchWorkflow {
	workflow: IDataObject;
	/** The webhook path that starts it (Return All only). */
	path?: string;
	firstNode: string;
	lastNode: string;
}

const PACKAGE = 'n8n-nodes-crm-tasks';
const SETTINGS = {
	executionOrder: 'v1',
	saveDataSuccessExecution: 'none',
	saveManualExecutions: false,
};

const node = (
	name: string,
	type: string,
	typeVersion: number,
	parameters: IDataObject,
	x: number,
	extra: IDataObject = {},
) => ({
	id: `${name.replace(/\W/g, '-').toLowerCase()}`,
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});

/** Chains nodes one after the other. */
function chain(id: string, name: string, nodes: IDataObject[]): IDataObject {
	const connections: IDataObject = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[String(nodes[index].name)] = {
			main: [[{ node: String(nodes[index + 1].name), type: 'main', index: 0 }]],
		};
	}
	return { id, name, nodes, connections, settings: SETTINGS, active: false, pinData: {} };
}

const summarize = (idField: string, x: number) =>
	node(
		'Count records',
		'n8n-nodes-base.summarize',
		1.1,
		{
			fieldsToSummarize: {
				values: [
					{ aggregation: 'count', field: idField },
					{ aggregation: 'countUnique', field: idField },
				],
			},
			options: {},
		},
		x,
	);

const entries = (values: IDataObject) =>
	Object.entries(values).map(([name, value]) => ({ name, value: String(value) }));

/** The HTTP Request node set up to page the vendor's list, as a user would (plus Split Out). */
function httpRequestNodes(
	bench: VendorBench,
	url: string,
	headers: Record<string, string>,
): IDataObject[] {
	const paging = bench.httpRequest;
	const request = node(
		'HTTP Request',
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: paging.method,
			url: `${url}${paging.path}`,
			sendQuery: Object.keys(paging.query).length > 0,
			queryParameters: { parameters: entries(paging.query) },
			sendHeaders: true,
			headerParameters: { parameters: entries(headers) },
			...(paging.body
				? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(paging.body) }
				: {}),
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [paging.page] },
						paginationCompleteWhen: 'other',
						completeExpression: paging.complete,
					},
				},
			},
		},
		200,
	);
	if (!paging.recordsAt) return [request];
	const split = node(
		'Split Out',
		'n8n-nodes-base.splitOut',
		1,
		{
			fieldToSplitOut: paging.recordsAt,
			include: 'noOtherFields',
			options: {},
		},
		400,
	);
	return [request, split];
}

/** Webhook → contender → Count records. */
export function returnAllWorkflow(
	bench: VendorBench,
	contender: Contender,
	url: string,
	credentialId: string,
	headers: Record<string, string>,
): BenchWorkflow {
	const path = `bench-${bench.vendor}-${contender}`;
	const webhook = node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
		0,
		{ webhookId: path },
	);
	let measured: IDataObject[];
	if (contender === 'node') {
		measured = [
			node('Return All', `${PACKAGE}.${bench.vendor}`, 1, bench.listParameters, 200, {
				credentials: { [bench.credentialType]: { id: credentialId, name: credentialId } },
			}),
		];
	} else if (contender === 'httpRequest') {
		measured = httpRequestNodes(bench, url, headers);
	} else {
		measured = [
			node(
				'Copper',
				'n8n-nodes-base.copper',
				1,
				{ resource: 'task', operation: 'getAll', returnAll: true, filterFields: {} },
				200,
				{
					credentials: { copperApi: { id: credentialId, name: credentialId } },
				},
			),
		];
	}
	const idField = contender === 'copperBuiltIn' ? 'id' : bench.idField;
	const workflow = chain(
		path.replace(/-/g, '').slice(0, 16).padEnd(16, '0'),
		`Benchmark: ${bench.displayName}, ${CONTENDER_NAMES[contender]}`,
		[webhook, ...measured, summarize(idField, 600)],
	);
	return {
		workflow,
		path,
		firstNode: String(measured[0].name),
		lastNode: String(measured[measured.length - 1].name),
	};
}

/** The vendor's trigger, polling once a minute at `second` → Count records → the sink. */
export function pollingWorkflow(
	bench: VendorBench,
	second: number,
	credentialId: string,
	sinkUrl: string,
): BenchWorkflow {
	const trigger = node(
		'Trigger',
		`${PACKAGE}.${bench.vendor}Trigger`,
		1,
		{
			pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] },
			...bench.triggerParameters,
		},
		0,
		{ credentials: { [bench.credentialType]: { id: credentialId, name: credentialId } } },
	);
	const post = node(
		'Report counts',
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: `${sinkUrl}/${bench.vendor}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
		400,
	);
	const workflow = chain(
		`benchpoll${bench.vendor}`.slice(0, 16).padEnd(16, '0'),
		`Benchmark: ${bench.displayName} trigger`,
		[trigger, summarize(bench.idField, 200), post],
	);
	return { workflow, firstNode: 'Trigger', lastNode: 'Report counts' };
}
