/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- local tooling, not shipped */
/**
 * After every workflow of a line ran (operations, token renewals, credential tests, triggers), and
 * one more run per vendor that fails (a copy of its sandbox credential with wrong secrets): no
 * credential value, right or wrong, is in what n8n kept. Looked through: each stored execution
 * (read back from n8n's database), the database files themselves (executions, workflows,
 * settings; credentials are stored encrypted), and every log n8n wrote (the server's, each
 * `n8n execute` run's, and the event logs).
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { credentialSecrets } from '../helpers/reliability/credentialSecrets';
import { SecretScanner } from '../helpers/reliability/secretScan';
import { expectEqual } from './checks';
import { ROOT, run, runCapture, type Vendor } from './n8n';

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

interface SavedWorkflow {
	nodes: Array<IDataObject & { name: string; type: string; credentials?: IDataObject }>;
}

const PACKAGE = 'n8n-nodes-crm-tasks';

/** A wrong secret as a user would type it, distinctive so that finding it is no coincidence. */
const wrongSecret = (field: string) => `wrong ${field}/Qx7+Lm3&e2e-never-shown`;

/** The sandbox credential of `vendor` with every secret wrong, stored under its own ID. */
function withWrongSecrets(credential: StoredCredential, index: number): StoredCredential {
	const data = { ...credential.data };
	for (const { name } of credentialSecrets(credential.type, credential.data))
		data[name.split('.').pop()!] = wrongSecret(name);
	return { ...credential, id: `e2eWrongCred000${index}`, name: `${credential.name} (wrong)`, data };
}

/** The first node of the vendor's operations example, alone, with the wrong credential. */
function failingWorkflow(operations: SavedWorkflow, vendor: Vendor, wrong: StoredCredential) {
	const manual = operations.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const first = operations.nodes.find((node) => node.type === `${PACKAGE}.${vendor}`)!;
	const node = { ...first, credentials: { [wrong.type]: { id: wrong.id, name: wrong.name } } };
	return {
		id: wrong.id.replace('Cred', 'Flow'),
		name: `e2e: ${vendor} with wrong secrets`,
		nodes: [manual, node],
		connections: { [manual.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Runs, for each vendor, its first operation with a copy of its sandbox credential whose secrets
 * are wrong; each run must fail. Returns the credentials used, right and wrong.
 */
async function runWithWrongSecrets(
	folder: string,
	env: NodeJS.ProcessEnv,
	vendors: ReadonlySet<Vendor>,
): Promise<StoredCredential[]> {
	const fixtures = join(folder, 'fixtures');
	const sandbox = JSON.parse(
		readFileSync(join(fixtures, 'sandbox.credentials.json'), 'utf8'),
	) as StoredCredential[];
	const used: StoredCredential[] = [...sandbox];
	for (const [index, vendor] of [...vendors].entries()) {
		const operations = JSON.parse(
			readFileSync(join(fixtures, `${vendor}-operations.workflow.json`), 'utf8'),
		) as SavedWorkflow;
		const first = operations.nodes.find((node) => node.type === `${PACKAGE}.${vendor}`)!;
		const type = Object.keys(first.credentials ?? {})[0];
		const wrong = withWrongSecrets(sandbox.find((credential) => credential.type === type)!, index);
		const workflow = failingWorkflow(operations, vendor, wrong);
		const files = [
			join(fixtures, `${vendor}-wrong.credentials.json`),
			join(fixtures, `${vendor}-wrong.workflow.json`),
		];
		writeFileSync(files[0], JSON.stringify([wrong]));
		writeFileSync(files[1], JSON.stringify(workflow));
		await run('n8n', ['import:credentials', `--input=${files[0]}`], env);
		await run('n8n', ['import:workflow', `--input=${files[1]}`], env);
		const { stdout } = await runCapture('bash', ['scripts/n8n/execute.sh', workflow.id], env);
		const statuses = (JSON.parse(stdout || '[]') as Array<{ status: string }>).map((e) => e.status);
		expectEqual(statuses, ['error'], `${vendor} with wrong secrets: stored executions`);
		used.push(wrong);
	}
	return used;
}

/** Files of `folder` whose name matches, with their paths. */
const filesIn = (folder: string, name: RegExp) =>
	existsSync(folder)
		? readdirSync(folder)
				.filter((file) => name.test(file))
				.map((file) => join(folder, file))
		: [];

/**
 * Fails a run per vendor with wrong secrets, then scans what the n8n of `folder` stored and logged
 * for every credential value used; fails with each finding. Prints how much it scanned.
 */
export async function checkNoSecretsKept(
	version: string,
	folder: string,
	env: NodeJS.ProcessEnv,
	vendors: ReadonlySet<Vendor>,
): Promise<void> {
	const credentials = await runWithWrongSecrets(folder, env, vendors);
	const secrets = credentials.flatMap(({ type, data }) => credentialSecrets(type, data));
	// The control: the credentials as imported, in plain text, hold every secret looked for.
	const control = new SecretScanner(secrets);
	for (const file of filesIn(join(folder, 'fixtures'), /\.credentials\.json$/))
		control.scan(file, readFileSync(file, 'utf8'));
	expectEqual(
		[...new Set(control.findings.map((finding) => finding.secret))].sort(),
		[...new Set(secrets.map((secret) => secret.name))].sort(),
		'secrets the scan finds in the imported credentials (its control)',
	);
	const scanner = new SecretScanner(secrets);
	const executions = JSON.parse(
		await run('node', [join(ROOT, 'scripts', 'n8n', 'executions.cjs')], env),
	) as Array<{ id: string; workflowId: string; status: string }>;
	for (const execution of executions)
		scanner.scan(`execution ${execution.id} (workflow ${execution.workflowId})`, execution);
	const n8nFolder = join(folder, '.n8n');
	const files = [
		...filesIn(n8nFolder, /^database\.sqlite/),
		...filesIn(n8nFolder, /\.log$/),
		...filesIn(folder, /\.log$/),
	];
	// latin1 keeps every byte as one character, so text inside binary pages reads as written.
	for (const file of files) scanner.scan(file, readFileSync(file, 'latin1'));
	const failed = executions.filter((execution) => execution.status !== 'success').length;
	console.log(
		`[n8n ${version}] secrets: ${executions.length} executions (${failed} not successful) and ${files.length} files (database, logs) scanned, ${scanner.scannedChars} characters, for ${scanner.values.size} credential values: ${scanner.findings.length} found`,
	);
	expectEqual(scanner.findings, [], 'credential values found in what n8n kept');
}
