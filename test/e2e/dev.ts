/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- local tooling, not shipped */
/**
 * npm run test:dev: proves that two `npm run dev` instances with different settings run side by
 * side, each with working sandboxes, and that `npm run dev` keeps what the user changed.
 * 1. Starts `npm run dev` for n8n 2.40.7 and for n8n 1.123.81 at once, each with its own N8N_PORT
 *    (every other port derives from it) and folder.
 * 2. In each, tests the imported sandbox credentials (Nexudus, Copper, ONLYOFFICE and Cotalker)
 *    through n8n's REST API, and checks that each call reached that instance's own sandbox and not
 *    the other one's; the other vendors' example workflows are imported beside the Nexudus ones.
 * 3. Edits an example workflow of the first instance while it is stopped, restarts it: the edit is
 *    kept; restarts it with --reset: the example is back.
 * 4. Ctrl-C stops each instance with every process and port it opened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { Checks, expectEqual, expectTrue } from './checks';
import { ROOT, n8nEnvironment, run, sleep } from './n8n';

const checks = new Checks();
const work = mkdtempSync(join(tmpdir(), 'crm-tasks-dev-'));
const OWNER = { email: 'dev@crm-tasks.test', password: 'Sandbox-dev-1' };
const WORKFLOW_ID = 'nexudusTour00001';
const EXAMPLE_NAME = 'Nexudus Spaces: every operation';
/** The sandbox credentials dev imports, each with the offset of its sandbox's port from N8N_PORT. */
const SANDBOX_CREDENTIALS = [
	{ id: 'nexudusSandbox01', vendor: 'Nexudus', portOffset: 10 },
	{ id: 'copperSandbox01', vendor: 'Copper', portOffset: 11 },
	{ id: 'onlyofficeSandbox01', vendor: 'ONLYOFFICE', portOffset: 12 },
	{ id: 'cotalkerSandbox01', vendor: 'Cotalker', portOffset: 13 },
];
/** The example workflows of the vendors added after Nexudus, which must be imported too. */
const VENDOR_EXAMPLES = [
	{ vendor: 'Copper', ids: ['copperTour000001', 'copperTrigger001'] },
	{ vendor: 'ONLYOFFICE', ids: ['onlyofficeTour01', 'onlyofficeTrig01'] },
	{ vendor: 'Cotalker', ids: ['cotalkerTour0001', 'cotalkerTrigger1'] },
];

interface Instance {
	version: string;
	port: number;
	folder: string;
	child?: ChildProcess;
	output: string;
}

/** The ports an instance opens, as scripts/n8n/env.sh derives them from N8N_PORT. */
const portsOf = (port: number) => [
	port,
	port + 1,
	port + 2,
	port + 10,
	port + 11,
	port + 12,
	port + 13,
	port + 19,
];

/** Whether anything accepts connections on 127.0.0.1:port. */
const isOpen = async (port: number) =>
	await new Promise<boolean>((resolvePromise) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolvePromise(true);
		});
		socket.once('error', () => resolvePromise(false));
	});

/** An N8N_PORT whose derived ports are all free (and not among `taken`). */
async function freeBase(taken: number[]): Promise<number> {
	for (;;) {
		const base = 20000 + Math.floor(Math.random() * 400) * 100;
		if (taken.some((port) => Math.abs(port - base) < 40)) continue;
		const open = await Promise.all(portsOf(base).map(isOpen));
		if (!open.some(Boolean)) return base;
	}
}

async function start(instance: Instance, ...args: string[]): Promise<void> {
	instance.output = '';
	const child = spawn('bash', ['scripts/dev.sh', ...args], {
		cwd: ROOT,
		env: {
			...process.env,
			N8N_VERSION: instance.version,
			N8N_PORT: String(instance.port),
			N8N_USER_FOLDER: instance.folder,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	instance.child = child;
	await new Promise<void>((resolvePromise, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`npm run dev not ready:\n${instance.output.slice(-2000)}`)),
			600_000,
		);
		const onData = (chunk: Buffer) => {
			instance.output += chunk.toString();
			if (/is ready: http/.test(instance.output)) {
				clearTimeout(timer);
				resolvePromise();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`npm run dev exited ${code}:\n${instance.output.slice(-2000)}`));
		});
	});
}

/** Ctrl-C, as a user stops it; resolves once dev.sh has exited. */
async function stop(instance: Instance): Promise<void> {
	const child = instance.child;
	if (!child || child.exitCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	process.kill(-child.pid!, 'SIGINT');
	await Promise.race([exited, sleep(30_000)]);
	instance.child = undefined;
}

async function session(base: string): Promise<string> {
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`sign-in as ${OWNER.email} failed: HTTP ${login.status}`);
	return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

async function sandboxCalls(port: number): Promise<number> {
	const response = await fetch(`http://127.0.0.1:${port}/__sandbox/requests`);
	return ((await response.json()) as unknown[]).length;
}

async function workflowName(instance: Instance): Promise<string> {
	const base = `http://127.0.0.1:${instance.port}`;
	const response = await fetch(`${base}/rest/workflows/${WORKFLOW_ID}`, {
		headers: { cookie: await session(base) },
	});
	return ((await response.json()) as { data: { name: string } }).data.name;
}

async function main() {
	const first = await freeBase([]);
	const second = await freeBase([first]);
	const instances: Instance[] = [
		{ version: '2.40.7', port: first, folder: join(work, 'a'), output: '' },
		{ version: '1.123.81', port: second, folder: join(work, 'b'), output: '' },
	];
	try {
		await checks.check(
			`two npm run dev start side by side (n8n 2.40.7 on N8N_PORT=${first}, n8n 1.123.81 on N8N_PORT=${second})`,
			async () => {
				await Promise.all(instances.map(async (instance) => await start(instance)));
				for (const instance of instances) {
					expectTrue(
						instance.output.includes(`Nexudus http://127.0.0.1:${instance.port + 10}/api`) &&
							instance.output.includes(
								`Copper http://127.0.0.1:${instance.port + 11}/developer_api/v1`,
							) &&
							instance.output.includes(
								`ONLYOFFICE http://127.0.0.1:${instance.port + 12}/api/2.0`,
							) &&
							instance.output.includes(`Cotalker http://127.0.0.1:${instance.port + 13}/api`),
						`n8n ${instance.version} names its own sandboxes:\n${instance.output}`,
					);
				}
			},
		);

		for (const [index, instance] of instances.entries()) {
			const other = instances[1 - index];
			for (const credential of SANDBOX_CREDENTIALS) {
				await checks.check(
					`n8n ${instance.version}: the ${credential.vendor} sandbox credential works, against its own sandbox only`,
					async () => {
						const base = `http://127.0.0.1:${instance.port}`;
						const cookie = await session(base);
						const response = await fetch(
							`${base}/rest/credentials/${credential.id}?includeData=true`,
							{
								headers: { cookie },
							},
						);
						const stored = ((await response.json()) as { data: IDataObject }).data;
						const sandboxes = [instance.port, other.port].map(
							(port) => port + credential.portOffset,
						);
						const before = [await sandboxCalls(sandboxes[0]), await sandboxCalls(sandboxes[1])];
						const tested = await fetch(`${base}/rest/credentials/test`, {
							method: 'POST',
							headers: { 'Content-Type': 'application/json', cookie },
							body: JSON.stringify({ credentials: stored }),
						});
						expectEqual(
							((await tested.json()) as { data: IDataObject }).data,
							{ status: 'OK', message: 'Connection successful!' },
							'credential test',
						);
						const after = [await sandboxCalls(sandboxes[0]), await sandboxCalls(sandboxes[1])];
						expectTrue(after[0] > before[0], 'its own sandbox received the call');
						expectEqual(after[1], before[1], "calls to the other instance's sandbox");
					},
				);
			}
			for (const examples of VENDOR_EXAMPLES) {
				await checks.check(
					`n8n ${instance.version}: the ${examples.vendor} example workflows are imported`,
					async () => {
						const base = `http://127.0.0.1:${instance.port}`;
						const cookie = await session(base);
						for (const id of examples.ids) {
							const response = await fetch(`${base}/rest/workflows/${id}`, {
								headers: { cookie },
							});
							expectTrue(response.ok, `GET workflow ${id}: HTTP ${response.status}`);
						}
					},
				);
			}
		}

		const [edited] = instances;
		await checks.check(
			'a restart keeps an edited example workflow, and --reset restores it',
			async () => {
				await stop(edited);
				const env = await n8nEnvironment({
					N8N_VERSION: edited.version,
					N8N_USER_FOLDER: edited.folder,
				});
				await run(
					'node',
					[
						'-e',
						`const s = require(process.env.N8N_INSTALL_DIR + '/n8n/node_modules/sqlite3');
						const db = new s.Database(process.env.N8N_USER_FOLDER + '/.n8n/database.sqlite');
						db.run("update workflow_entity set name = 'Edited by the user' where id = '${WORKFLOW_ID}'", (e) => { if (e) throw e; db.close(); });`,
					],
					env,
				);
				await start(edited);
				expectTrue(
					edited.output.includes('kept the example workflows'),
					`dev says it kept the examples:\n${edited.output}`,
				);
				expectEqual(await workflowName(edited), 'Edited by the user', 'name after a restart');
				await stop(edited);
				await start(edited, '--reset');
				expectEqual(await workflowName(edited), EXAMPLE_NAME, 'name after --reset');
			},
		);

		await checks.check('Ctrl-C stops each instance and frees every port it opened', async () => {
			await Promise.all(instances.map(async (instance) => await stop(instance)));
			await sleep(1000);
			for (const instance of instances) {
				const open = [];
				for (const port of portsOf(instance.port)) if (await isOpen(port)) open.push(port);
				expectEqual(open, [], `ports still open after stopping n8n ${instance.version}`);
			}
		});
	} finally {
		for (const instance of instances) {
			if (instance.child?.pid) {
				try {
					process.kill(-instance.child.pid, 'SIGTERM');
				} catch {
					// Already gone.
				}
			}
		}
	}
}

main()
	.catch(async (error) => {
		await checks.check('the dev instances run completes', () => {
			throw error;
		});
	})
	.finally(() => {
		rmSync(work, { recursive: true, force: true });
		checks.finish();
	});
