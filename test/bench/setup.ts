/**
 * What the benchmark sets up for each vendor before n8n starts: two emulators (one whose tasks
 * Return All reads, one the trigger watches, so that the bulk of the first does not weigh on the
 * polls), their credentials, the workflows, and for Copper the redirect that lets n8n's built-in
 * Copper node reach the emulator.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startCopperRedirect } from './builtinCopper/proxy';
import type { PollingSubject } from './polling';
import { type BenchSandbox, VENDOR_BENCHES, type Vendor, type VendorBench } from './vendors';
import {
	type BenchWorkflow,
	type Contender,
	pollingWorkflow,
	returnAllWorkflow,
} from './workflows';

export interface VendorSetup {
	bench: VendorBench;
	list: { sandbox: BenchSandbox; url: string; headers: Record<string, string> };
	poll: PollingSubject;
	runs: Partial<Record<Contender, BenchWorkflow>>;
}

export interface BenchSetup {
	vendors: VendorSetup[];
	credentials: Array<{
		id: string;
		name: string;
		type: string;
		data: ICredentialDataDecryptedObject;
	}>;
	workflows: BenchWorkflow[];
	/** What the n8n process needs beside its usual environment: the Copper redirect's. */
	env: Record<string, string>;
}

/** The seconds of the minute the triggers poll at, one vendor after the other. */
const POLL_SECONDS_APART = 15;

const credential = (id: string, type: string, data: ICredentialDataDecryptedObject) => ({
	id,
	name: id,
	type,
	data,
});

/** Starts the emulators (`closers` gets what stops them) and describes the rest. */
export async function prepareVendors(
	vendors: Vendor[],
	sinkUrl: string,
	closers: Array<() => Promise<unknown>>,
): Promise<BenchSetup> {
	const setup: BenchSetup = { vendors: [], credentials: [], workflows: [], env: {} };
	for (const [index, vendor] of vendors.entries()) {
		const bench = VENDOR_BENCHES[vendor];
		const listSandbox = bench.createSandbox();
		const listServer = await listSandbox.start(0, '127.0.0.1');
		const pollSandbox = bench.createSandbox();
		const pollServer = await pollSandbox.start(0, '127.0.0.1');
		closers.push(
			async () => await listServer.close(),
			async () => await pollServer.close(),
		);
		const listId = `bench${vendor}list`.slice(0, 16);
		const pollId = `bench${vendor}poll`.slice(0, 16);
		setup.credentials.push(
			credential(listId, bench.credentialType, bench.credential(listServer.url)),
			credential(pollId, bench.credentialType, bench.credential(pollServer.url)),
		);
		const headers = await bench.authHeaders(listServer.url);
		const runs: VendorSetup['runs'] = {
			node: returnAllWorkflow(bench, 'node', listServer.url, listId, headers),
			httpRequest: returnAllWorkflow(bench, 'httpRequest', listServer.url, listId, headers),
		};
		if (vendor === 'copper') {
			const redirect = await startCopperRedirect(listServer.url);
			closers.push(async () => await redirect.close());
			const { apiKey, email } = bench.credential(listServer.url);
			setup.credentials.push(credential('benchcopperbuilt', 'copperApi', { apiKey, email }));
			runs.copperBuiltIn = returnAllWorkflow(
				bench,
				'copperBuiltIn',
				listServer.url,
				'benchcopperbuilt',
				headers,
			);
			setup.env = redirect.env;
		}
		const second = 5 + index * POLL_SECONDS_APART;
		const trigger = pollingWorkflow(bench, second, pollId, `${sinkUrl}/bench`);
		setup.workflows.push(...Object.values(runs), trigger);
		setup.vendors.push({
			bench,
			list: { sandbox: listSandbox, url: listServer.url, headers },
			poll: {
				bench,
				sandbox: pollSandbox,
				url: pollServer.url,
				workflowId: String(trigger.workflow.id),
				second,
			},
			runs,
		});
	}
	return setup;
}
