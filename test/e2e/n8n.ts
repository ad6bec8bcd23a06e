/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- local tooling that drives real n8n, not shipped */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** The environment scripts/n8n/env.sh sets up for a real n8n, for one user folder and port. */
export function n8nEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
	const output = execFileSync('bash', ['-c', 'source scripts/n8n/env.sh && env -0'], {
		cwd: ROOT,
		env: { ...process.env, ...overrides },
	});
	return Object.fromEntries(
		output
			.toString()
			.split('\0')
			.filter(Boolean)
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
}

/** Runs a command to completion, failing loudly with its output when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): string {
	try {
		return execFileSync(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
	} catch (error) {
		const failed = error as { stdout?: Buffer; stderr?: Buffer; status?: number };
		throw new Error(
			`${command} ${args.join(' ')} exited ${failed.status}:\n${String(failed.stdout ?? '')}${String(failed.stderr ?? '')}`.slice(
				-4000,
			),
		);
	}
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
