/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/** The examples as an end-to-end run imports them: pointed at its own sandboxes and sink. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './n8n';
import { ONLYOFFICE_RENEWAL_ID, RENEWAL_ID, renewalWorkflow } from './operations';

/** The ports a run gives its sandboxes and sink. */
export interface SandboxPorts {
	nexudus: number;
	copper: number;
	onlyoffice: number;
	cotalker: number;
	sink: number;
}

/** The ports the examples use: those derived from the default N8N_PORT 5678 (scripts/n8n/env.sh). */
const EXAMPLE_PORTS: SandboxPorts = {
	nexudus: 5688,
	copper: 5689,
	onlyoffice: 5690,
	cotalker: 5691,
	sink: 5697,
};

/** The SANDBOX_*_PORT settings of scripts/n8n/env.sh for `ports`. */
export const sandboxSettings = (ports: SandboxPorts): Record<string, string> => ({
	SANDBOX_NEXUDUS_PORT: String(ports.nexudus),
	SANDBOX_COPPER_PORT: String(ports.copper),
	SANDBOX_ONLYOFFICE_PORT: String(ports.onlyoffice),
	SANDBOX_COTALKER_PORT: String(ports.cotalker),
	SANDBOX_SINK_PORT: String(ports.sink),
});

/** An example's text with the example ports replaced by `ports`. */
export function onPorts(text: string, ports: SandboxPorts): string {
	let result = text;
	for (const key of Object.keys(EXAMPLE_PORTS) as Array<keyof SandboxPorts>)
		result = result.split(`127.0.0.1:${EXAMPLE_PORTS[key]}`).join(`127.0.0.1:${ports[key]}`);
	return result;
}

/** Writes the named files of examples/ into `folder`, on `ports`; returns the folder. */
export function writeExamples(folder: string, files: string[], ports: SandboxPorts): string {
	mkdirSync(folder, { recursive: true });
	for (const file of files)
		writeFileSync(
			join(folder, file),
			onPorts(readFileSync(join(ROOT, 'examples', file), 'utf8'), ports),
		);
	return folder;
}

/** Each vendor's examples that both end-to-end runners import: the credentials, operations and triggers. */
export const VENDOR_EXAMPLES = [
	'sandbox.credentials.json',
	'nexudus-operations.workflow.json',
	'nexudus-trigger.workflow.json',
	'copper-operations.workflow.json',
	'copper-trigger.workflow.json',
	'onlyoffice-operations.workflow.json',
	'onlyoffice-trigger.workflow.json',
	'cotalker-operations.workflow.json',
	'cotalker-trigger.workflow.json',
];

/**
 * Writes the one-call workflows of the token renewal checks beside the operations examples they
 * are cut from; returns their file names.
 */
export function writeRenewalWorkflows(folder: string): string[] {
	const renewals: Array<[string, string, string, string, string]> = [
		[
			'renewal.workflow.json',
			'nexudus-operations.workflow.json',
			RENEWAL_ID,
			'e2e: one Nexudus call',
			'List newest tasks',
		],
		[
			'onlyoffice-renewal.workflow.json',
			'onlyoffice-operations.workflow.json',
			ONLYOFFICE_RENEWAL_ID,
			'e2e: one ONLYOFFICE call',
			'List task categories',
		],
	];
	for (const [file, operations, id, name, nodeName] of renewals)
		writeFileSync(
			join(folder, file),
			JSON.stringify(
				renewalWorkflow(readFileSync(join(folder, operations), 'utf8'), id, name, nodeName),
			),
		);
	return renewals.map(([file]) => file);
}
