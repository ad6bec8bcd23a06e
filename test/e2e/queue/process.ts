/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- local tooling that drives real servers, not shipped */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

import { ROOT, sleep } from '../n8n';

/**
 * A server the queue-mode suite started: its whole output kept in memory and in `logFile`, and a
 * stop that waits until its process group is gone.
 */
export class LoggedProcess {
	private output = '';
	private exited: Promise<number | null>;

	private constructor(
		readonly name: string,
		private readonly child: ChildProcess,
		readonly logFile: string,
	) {
		const file = createWriteStream(logFile, { flags: 'a' });
		const keep = (chunk: Buffer) => {
			this.output += chunk.toString();
			file.write(chunk);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		this.exited = new Promise((done) =>
			child.on('exit', (code) => {
				file.end();
				done(code);
			}),
		);
	}

	/** Starts `command` in its own process group and resolves once its output matches `ready`. */
	static async start(options: {
		name: string;
		command: string;
		args: string[];
		env: NodeJS.ProcessEnv;
		logFile: string;
		ready: RegExp;
		timeoutMs: number;
	}): Promise<LoggedProcess> {
		const child = spawn(options.command, options.args, {
			cwd: ROOT,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const started = new LoggedProcess(options.name, child, options.logFile);
		const deadline = Date.now() + options.timeoutMs;
		let running = true;
		void started.exited.then(() => (running = false));
		while (!options.ready.test(started.output)) {
			if (!running)
				throw new Error(`${options.name} exited while starting:\n${started.output.slice(-2000)}`);
			if (Date.now() > deadline) {
				await started.stop();
				throw new Error(
					`${options.name} not ready after ${options.timeoutMs / 1000} s:\n${started.output.slice(-2000)}`,
				);
			}
			await sleep(100);
		}
		return started;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/** Everything the process printed so far. */
	log(): string {
		return this.output;
	}

	/**
	 * Sends `signal` to the process group and waits until the process exited (a graceful stop);
	 * after `graceMs` the group is killed.
	 */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 60_000): Promise<void> {
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		const send = (what: NodeJS.Signals) => {
			try {
				if (this.child.pid) process.kill(-this.child.pid, what);
			} catch {
				// Already gone.
			}
		};
		send(signal);
		const stopped = await Promise.race([
			this.exited.then(() => true),
			sleep(graceMs).then(() => false),
		]);
		if (!stopped) {
			send('SIGKILL');
			await this.exited;
		}
		// Children of the group that outlived their parent.
		for (let tries = 0; tries < 50 && groupAlive(this.child.pid); tries++) await sleep(100);
		if (groupAlive(this.child.pid)) send('SIGKILL');
	}
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number | undefined): boolean {
	if (!pid) return false;
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}
