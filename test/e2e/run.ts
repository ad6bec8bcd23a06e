/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- local tooling, not shipped */
/**
 * npm run test:e2e: the pack in real n8n, headless, against the vendor sandboxes.
 * 1. Installs real n8n into its cache (scripts/n8n/install.sh) and the pack into n8n's nodes
 *    folder from the `npm pack` tarball, as a user would.
 * 2. Checks that n8n loads every node, its AI tool variant and the credential.
 * 3. Runs the "every operation" example workflow through `n8n execute` and checks each node.
 * 4. Activates the trigger workflow, changes records in the sandbox between polls, and checks
 *    that the sink received exactly those changes, each once.
 * Any failure to install or start n8n fails the run; nothing is skipped.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { IDataObject } from 'n8n-workflow';

import { Checks, expectEqual } from './checks';
import { ROOT, n8nEnvironment, run, sleep, startProcess, stopProcess, waitFor } from './n8n';
import { NexudusSandboxClient, changeKey, checkOperationsRun } from './nexudus';

const N8N_PORT = '5690';
const NEXUDUS_PORT = '5111';
const SINK_PORT = '5198';
const PACKAGE = 'n8n-nodes-crm-tasks';

const checks = new Checks();
const work = mkdtempSync(join(tmpdir(), 'crm-tasks-e2e-'));
const children: ChildProcess[] = [];

async function main() {
	console.log(`e2e work folder: ${work}`);
	run('bash', ['scripts/n8n/install.sh'], process.env);
	const env = n8nEnvironment({ N8N_USER_FOLDER: join(work, 'n8n'), N8N_PORT });
	const n8n = (...args: string[]) => run('n8n', args, env);
	const nexudus = new NexudusSandboxClient(`http://127.0.0.1:${NEXUDUS_PORT}`);

	await checks.check('the npm pack tarball installs into n8n as a community package', () => {
		run('npm', ['run', 'build'], process.env);
		const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], process.env)
			.trim()
			.split('\n')
			.pop()!;
		const nodesFolder = join(work, 'n8n', '.n8n', 'nodes');
		mkdirSync(nodesFolder, { recursive: true });
		writeFileSync(
			join(nodesFolder, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
		run(
			'npm',
			['install', '--no-audit', '--no-fund', '--legacy-peer-deps', join(work, tarball)],
			env,
			nodesFolder,
		);
		const installed = JSON.parse(
			readFileSync(join(nodesFolder, 'node_modules', PACKAGE, 'package.json'), 'utf8'),
		);
		expectEqual(installed.dependencies ?? {}, {}, 'runtime dependencies of the installed package');
	});

	children.push(
		await startProcess(
			join(ROOT, 'node_modules', '.bin', 'tsx'),
			['test/sandbox/server.ts'],
			{ ...process.env, SANDBOX_NEXUDUS_PORT: NEXUDUS_PORT, SANDBOX_SINK_PORT: SINK_PORT },
			/sandboxes ready/,
			60_000,
		),
	);

	const fixtures = join(work, 'fixtures');
	mkdirSync(fixtures);
	const withPorts = (text: string) =>
		text
			.replace(/127\.0\.0\.1:5101/g, `127.0.0.1:${NEXUDUS_PORT}`)
			.replace(/127\.0\.0\.1:5199/g, `127.0.0.1:${SINK_PORT}`);
	for (const file of [
		'sandbox.credentials.json',
		'nexudus-operations.workflow.json',
		'nexudus-trigger.workflow.json',
	]) {
		writeFileSync(
			join(fixtures, file),
			withPorts(readFileSync(join(ROOT, 'examples', file), 'utf8')),
		);
	}
	n8n('import:credentials', `--input=${join(fixtures, 'sandbox.credentials.json')}`);
	n8n('import:workflow', `--input=${join(fixtures, 'nexudus-operations.workflow.json')}`);
	n8n('import:workflow', `--input=${join(fixtures, 'nexudus-trigger.workflow.json')}`);
	n8n('publish:workflow', '--id=nexudusTrigger01');

	await checks.check('n8n loads every node of the pack, and the action node as an AI tool', () => {
		const file = join(work, 'nodes.json');
		n8n('export:nodes', `--output=${file}`);
		const names = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>)
			.map((node) => node.name)
			.filter((name) => name.startsWith(`${PACKAGE}.`))
			.sort();
		expectEqual(
			names,
			[`${PACKAGE}.nexudus`, `${PACKAGE}.nexudusTool`, `${PACKAGE}.nexudusTrigger`],
			'node types',
		);
	});

	await checks.check('every Nexudus operation of every resource runs in real n8n', () => {
		const output = run('bash', ['scripts/n8n/execute.sh', 'nexudusTour00001'], env);
		const executions = JSON.parse(output) as Array<{
			status: string;
			nodes: Record<string, IDataObject[]>;
		}>;
		const execution = executions[executions.length - 1];
		expectEqual(execution.status, 'success', 'execution status');
		checkOperationsRun(execution.nodes);
	});

	run('bash', ['scripts/n8n/start.sh'], env);
	const base = `http://127.0.0.1:${N8N_PORT}`;

	await checks.check(
		"the stored credential passes its test in n8n, and a wrong password fails with Nexudus' reason",
		async () => {
			const cookie = await ownerSession(base);
			const [stored] = JSON.parse(readFileSync(join(fixtures, 'sandbox.credentials.json'), 'utf8'));
			const test = async (data: IDataObject) => {
				const response = await fetch(`${base}/rest/credentials/test`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', cookie },
					body: JSON.stringify({ credentials: { ...stored, data: { ...stored.data, ...data } } }),
				});
				return ((await response.json()) as { data: IDataObject }).data;
			};
			expectEqual(
				await test({}),
				{ status: 'OK', message: 'Connection successful!' },
				'bearer token test',
			);
			expectEqual(
				await test({ authentication: 'basicAuth' }),
				{ status: 'OK', message: 'Connection successful!' },
				'basic auth test',
			);
			expectEqual(
				await test({ password: 'wrong' }),
				{
					status: 'Error',
					message: 'Nexudus did not issue an access token: The user name or password is incorrect.',
				},
				'wrong password',
			);
		},
	);

	await checks.check(
		'the activated Nexudus trigger delivers exactly the changes made between polls, each once',
		async () => {
			const polls = async () =>
				(await nexudus.requests()).filter((request) =>
					/from_CoworkerTask_UpdatedOn=.*dir=1|dir=1.*from_CoworkerTask_UpdatedOn/.test(
						request.url,
					),
				).length;
			// The activation poll reads what exists; changes made after it are news.
			await waitFor(
				'the activation poll',
				async () => ((await polls()) > 0 ? true : undefined),
				60_000,
			);
			await sleep(1500);
			const seedId = await nexudus.firstTaskId();
			const first = await nexudus.createTask('Trigger e2e: first');
			const second = await nexudus.createTask('Trigger e2e: second');
			const seedUpdated = await nexudus.updateTask(seedId, { Notes: 'Changed by the e2e suite' });
			const expected = [first, second, seedUpdated].map(changeKey);
			const afterFirstRound = await waitForSink(expected.length, 150_000);
			expectEqual(
				afterFirstRound.map(changeKey).sort(),
				[...expected].sort(),
				'first round of changes',
			);

			const firstUpdated = await nexudus.updateTask(first.Id as number, { Completed: true });
			const all = await waitForSink(expected.length + 1, 150_000);
			expectEqual(
				all.map(changeKey).sort(),
				[...expected, changeKey(firstUpdated)].sort(),
				'all changes, each once',
			);
			expectEqual(all[all.length - 1], firstUpdated, 'the trigger emits the full record');
		},
	);
}

/** Sets up n8n's owner on a fresh instance, or signs in, and returns the session cookie. */
async function ownerSession(base: string): Promise<string> {
	const owner = {
		email: 'e2e@crm-tasks.test',
		firstName: 'E2E',
		lastName: 'Owner',
		password: 'Sandbox-e2e-1',
	};
	await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(owner),
	});
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!login.ok) throw new Error(`n8n login failed: HTTP ${login.status}`);
	return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Waits until the sink holds at least `count` records, then a little longer for any duplicate. */
async function waitForSink(count: number, timeoutMs: number): Promise<IDataObject[]> {
	const read = async () => {
		const response = await fetch(`http://127.0.0.1:${SINK_PORT}/__sink/items`);
		return ((await response.json()) as Array<{ body: IDataObject }>).map((item) => item.body);
	};
	await waitFor(
		`${count} records in the sink`,
		async () => ((await read()).length >= count ? true : undefined),
		timeoutMs,
	);
	await sleep(3000);
	return await read();
}

main()
	.catch(async (error) => {
		await checks.check('the end-to-end run completes', () => {
			throw error;
		});
	})
	.finally(() => {
		try {
			run(
				'bash',
				['scripts/n8n/stop.sh'],
				n8nEnvironment({ N8N_USER_FOLDER: join(work, 'n8n'), N8N_PORT }),
			);
		} catch {
			// n8n was never started.
		}
		for (const child of children) stopProcess(child);
		if (process.env.E2E_KEEP !== 'true') rmSync(work, { recursive: true, force: true });
		checks.finish();
	});
