/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- local tooling that drives real n8n, not shipped */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Checks } from './checks';

export const ROOT = resolve(__dirname, '../..');

/** The pack's npm name: its node types are `<name>.<node>`. */
export const PACKAGE_NAME = 'n8n-nodes-crm-tasks';

/** The n8n lines the suite runs on, newest first; E2E_N8N_VERSIONS=2.40.7 picks one. */
export const N8N_VERSIONS = (process.env.E2E_N8N_VERSIONS ?? '2.40.7,1.123.81')
	.split(',')
	.map((version) => version.trim())
	.filter(Boolean);

/** The vendors the suite checks. */
export const VENDORS = ['nexudus', 'copper', 'onlyoffice', 'cotalker'] as const;
export type Vendor = (typeof VENDORS)[number];

/**
 * The vendors whose operations, credential tests and triggers run; E2E_VENDORS=cotalker picks one
 * (installing, loading and the node list are checked whatever the choice).
 */
export const E2E_VENDORS: ReadonlySet<Vendor> = (() => {
	const chosen = (process.env.E2E_VENDORS ?? VENDORS.join(','))
		.split(',')
		.map((vendor) => vendor.trim().toLowerCase())
		.filter(Boolean);
	const unknown = chosen.filter((vendor) => !(VENDORS as readonly string[]).includes(vendor));
	if (unknown.length > 0 || chosen.length === 0)
		throw new Error(
			`E2E_VENDORS: choose among ${VENDORS.join(', ')} (got ${chosen.join(', ') || 'none'})`,
		);
	return new Set(chosen as Vendor[]);
})();

/** Whether `version` is on n8n's 1.x line, whose CLI and settings differ in places. */
export const isLine1 = (version: string) => version.startsWith('1.');

/** The environment scripts/n8n/env.sh sets up for a real n8n, for one user folder and port set. */
export async function n8nEnvironment(
	overrides: Record<string, string>,
): Promise<NodeJS.ProcessEnv> {
	const output = await run('bash', ['-c', 'source scripts/n8n/env.sh && env -0'], {
		...process.env,
		...overrides,
	});
	return Object.fromEntries(
		output
			.split('\0')
			.filter(Boolean)
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
}

/**
 * Runs a command to completion without blocking the other n8n line, failing loudly with its
 * output when it fails.
 */
export async function run(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	cwd = ROOT,
): Promise<string> {
	return await new Promise((resolvePromise, reject) => {
		execFile(
			command,
			args,
			{ cwd, env, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout: string, stderr: string) => {
				if (!error) return resolvePromise(stdout);
				const status = (error as { code?: number | string }).code;
				reject(
					new Error(
						`${command} ${args.join(' ')} exited ${String(status)}:\n${stdout}${stderr}`.slice(
							-4000,
						),
					),
				);
			},
		);
	});
}

/** Runs a command to completion and returns its exit code and output, whatever the code. */
export async function runCapture(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
	return await new Promise((resolvePromise) => {
		execFile(
			command,
			args,
			{ cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout: string, stderr: string) => {
				const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
				resolvePromise({ code, stdout, stderr });
			},
		);
	});
}

/** Starts a long-running process and resolves once it printed `ready`. */
export async function startProcess(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	ready: RegExp,
	timeoutMs: number,
): Promise<ChildProcess> {
	// Its own process group, so that stopProcess ends it with everything it started.
	const child = spawn(command, args, {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	return await new Promise((resolvePromise, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${command} not ready:\n${output.slice(-2000)}`)),
			timeoutMs,
		);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (ready.test(output)) {
				clearTimeout(timer);
				resolvePromise(child);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${command} exited ${code}:\n${output.slice(-2000)}`));
		});
	});
}

/** Ports that are free on 127.0.0.1 right now, all different. */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from(
			{ length: count },
			async () =>
				await new Promise<ReturnType<typeof createServer>>((resolvePromise, reject) => {
					const server = createServer();
					server.once('error', reject);
					server.listen(0, '127.0.0.1', () => resolvePromise(server));
				}),
		),
	);
	const ports = servers.map((server) => (server.address() as { port: number }).port);
	await Promise.all(
		servers.map(async (server) => await new Promise((done) => server.close(() => done(null)))),
	);
	return ports;
}

/** The ports of `ports` something listens on right now. */
export async function takenPorts(ports: number[]): Promise<number[]> {
	const free = await Promise.all(
		ports.map(
			async (port) =>
				await new Promise<boolean>((done) => {
					const server = createServer();
					server.once('error', () => done(false));
					server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
				}),
		),
	);
	return ports.filter((_, index) => !free[index]);
}

export const sleep = async (ms: number) => await new Promise((done) => setTimeout(done, ms));

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(1000);
	}
}

/** Ends a process started by startProcess, with its children, and lets go of its output. */
export function stopProcess(child: ChildProcess): void {
	try {
		if (child.pid) process.kill(-child.pid, 'SIGTERM');
	} catch {
		// Already gone.
	}
	child.stdout?.destroy();
	child.stderr?.destroy();
	child.unref();
}

/**
 * Installs the pack's `npm pack` tarball into an n8n user folder's nodes folder, as n8n installs a
 * community package; returns the installed package.json.
 */
export async function installPackage(
	userFolder: string,
	tarball: string,
	env: NodeJS.ProcessEnv,
): Promise<{ name: string; dependencies?: Record<string, string> }> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	await run(
		'npm',
		['install', '--no-audit', '--no-fund', '--legacy-peer-deps', tarball],
		env,
		nodesFolder,
	);
	return JSON.parse(
		readFileSync(join(nodesFolder, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
	) as { name: string; dependencies?: Record<string, string> };
}

/** Sets up n8n's owner on a fresh instance, or signs in, and returns the session cookie. */
export async function ownerSession(base: string): Promise<string> {
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

/** Runs scripts/n8n/install.sh for one version, passing its progress lines through. */
export async function installN8n(version: string): Promise<void> {
	const child = spawn('bash', ['scripts/n8n/install.sh'], {
		cwd: ROOT,
		env: { ...process.env, N8N_VERSION: version },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const relay = (chunk: Buffer) => {
		output += chunk.toString();
		for (const line of chunk.toString().split('\n')) {
			if (line.startsWith('install.sh')) console.log(line);
		}
	};
	child.stdout.on('data', relay);
	child.stderr.on('data', relay);
	const code = await new Promise<number | null>((done) => child.on('close', done));
	if (code !== 0)
		throw new Error(`installing n8n ${version} failed (exit ${code}):\n${output.slice(-3000)}`);
}

/** Builds the pack and makes its `npm pack` tarball in `folder`; returns the tarball's path. */
export async function buildTarball(folder: string): Promise<string> {
	await run('npm', ['run', 'build', '--silent'], process.env);
	const packed = await run('npm', ['pack', '--silent', '--pack-destination', folder], process.env);
	return join(folder, packed.trim().split('\n').pop()!);
}

/**
 * The first two checks of an end-to-end run: each n8n line installed, and the pack built and
 * packed; returns the tarball's path, or throws when either failed.
 */
export async function installAndPack(
	checks: Checks,
	versions: string[],
	work: string,
): Promise<string> {
	const installed = await checks.check(`real n8n ${versions.join(' and ')} installed`, async () => {
		await Promise.all(versions.map(async (version) => await installN8n(version)));
	});
	if (!installed) throw new Error('n8n is not installed: see above');
	let tarball = '';
	await checks.check('the pack builds, and npm pack makes its tarball', async () => {
		tarball = await buildTarball(work);
	});
	if (!tarball) throw new Error('no tarball to install');
	return tarball;
}
