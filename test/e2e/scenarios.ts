/**
 * What the end-to-end checks of each vendor share, whichever way n8n runs (one process, or main
 * and worker in queue mode): the sandboxes, a stored execution, how a workflow is run, and the sink.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CopperSandboxClient } from './copper';
import type { CotalkerSandboxClient } from './cotalker';
import { type Vendor, sleep, waitFor } from './n8n';
import type { NexudusSandboxClient } from './nexudus';
import type { OnlyofficeSandboxClient } from './onlyoffice';

/** The clients of one run's vendor sandboxes. */
export interface Sandboxes {
	nexudus: NexudusSandboxClient;
	copper: CopperSandboxClient;
	onlyoffice: OnlyofficeSandboxClient;
	cotalker: CotalkerSandboxClient;
}

/** A stored execution: its status, its error if any, and each node's output items by node name. */
export type Execution = {
	status: string;
	error?: { name: string; message: string };
	nodes: Record<string, IDataObject[]>;
};

/** Runs a stored workflow once and gives the stored execution. */
export type RunWorkflow = (workflowId: string) => Promise<Execution>;

/** A vendor's end-to-end check: its name (as printed now) and its body. */
export interface VendorCheck {
	vendor: Vendor;
	name: string;
	body: () => Promise<void>;
}

/** The records the sink holds that were posted to `path`, oldest first. */
export async function sinkItems(port: number, path: string): Promise<IDataObject[]> {
	const response = await fetch(`http://127.0.0.1:${port}/__sink/items`);
	return ((await response.json()) as Array<{ url: string; body: IDataObject }>)
		.filter((item) => item.url === path)
		.map((item) => item.body);
}

/**
 * Waits until the sink holds at least `count` records posted to `path`, then a little longer for
 * any duplicate.
 */
export async function waitForSink(
	port: number,
	path: string,
	count: number,
	timeoutMs: number,
): Promise<IDataObject[]> {
	const read = async () => await sinkItems(port, path);
	await waitFor(
		`${count} records in the sink`,
		async () => ((await read()).length >= count ? true : undefined),
		timeoutMs,
	);
	await sleep(3000);
	return await read();
}
