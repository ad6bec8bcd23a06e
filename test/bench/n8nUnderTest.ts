/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling that drives real n8n, not shipped */
/**
 * The real n8n the benchmark measures: installed by scripts/n8n/install.sh, the pack installed
 * from its tarball as a community package, started by scripts/n8n/start.sh with a full garbage
 * collection on SIGUSR2 (gcOnSignal.cjs). Timings come from n8n's own event log (its node started
 * and finished events), so that they are n8n's execution time, not the HTTP round trip around it.
 */
import { request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'flatted';
import type { IDataObject } from 'n8n-workflow';

import {
	ROOT,
	freePorts,
	installPackage,
	isLine1,
	n8nEnvironment,
	ownerSession,
	run,
	sleep,
} from '../e2e/n8n';

interface LoggedEvent {
	ts: string;
	eventName: string;
	payload: { workflowId?: string; executionId?: string; nodeName?: string };
}

export interface N8nSetup {
	version: string;
	folder: string;
	tarball: string;
	credentials: IDataObject[];
	workflows: IDataObject[];
	/** Workflows active from the start (webhooks and triggers). */
	active: string[];
	env?: Record<string, string>;
}

export class N8nUnderTest {
	private cookie = '';

	private constructor(
		readonly base: string,
		readonly folder: string,
		readonly env: NodeJS.ProcessEnv,
		readonly version: string,
	) {}

	/** Installs the pack, imports the credentials and workflows, activates some, and starts n8n. */
	static async start(setup: N8nSetup): Promise<N8nUnderTest> {
		const [port, brokerPort, executeBrokerPort] = await freePorts(3);
		const env = await n8nEnvironment({
			N8N_VERSION: setup.version,
			N8N_USER_FOLDER: setup.folder,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_EXECUTE_BROKER_PORT: String(executeBrokerPort),
			N8N_LOG_LEVEL: 'warn',
			NODE_OPTIONS: `--expose-gc --require ${join(ROOT, 'test/bench/gcOnSignal.cjs')}`,
			...setup.env,
		});
		await installPackage(setup.folder, setup.tarball, env);
		const files = join(setup.folder, 'imports');
		mkdirSync(files, { recursive: true });
		writeFileSync(join(files, 'credentials.json'), JSON.stringify(setup.credentials));
		await run('n8n', ['import:credentials', `--input=${join(files, 'credentials.json')}`], env);
		for (const workflow of setup.workflows) {
			const file = join(files, `${String(workflow.id)}.json`);
			writeFileSync(file, JSON.stringify(workflow));
			await run('n8n', ['import:workflow', `--input=${file}`], env);
		}
		for (const id of setup.active) {
			if (isLine1(setup.version))
				await run('n8n', ['update:workflow', `--id=${id}`, '--active=true'], env);
			else await run('n8n', ['publish:workflow', `--id=${id}`], env);
		}
		await run('bash', ['scripts/n8n/start.sh'], env);
		const n8n = new N8nUnderTest(`http://127.0.0.1:${port}`, setup.folder, env, setup.version);
		n8n.cookie = await ownerSession(n8n.base);
		return n8n;
	}

	/** The process id of n8n's main process (scripts/n8n/start.sh wrote it). */
	get pid(): number {
		return Number(readFileSync(join(this.folder, 'n8n.pid'), 'utf8').trim());
	}

	async stop(): Promise<void> {
		await run('bash', ['scripts/n8n/stop.sh'], this.env).catch(() => undefined);
	}

	/** Calls a webhook-started workflow and returns what it answered (its last node's first item). */
	async callWebhook(path: string, workflowId: string): Promise<IDataObject> {
		// node:http rather than fetch, whose client gives up after 5 minutes without an answer: n8n's
		// built-in Copper node needs about that long for 100,000 tasks with 50 ms of latency.
		const { status, text } = await new Promise<{ status: number; text: string }>((done, fail) => {
			const request = httpRequest(`${this.base}/webhook/${path}`, { method: 'POST' }, (answer) => {
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () =>
					done({ status: answer.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
				);
				answer.on('error', fail);
			});
			request.on('error', fail);
			request.end();
		});
		if (status >= 300)
			throw new Error(
				`webhook ${path}: HTTP ${status} ${text.slice(0, 500)}; ${await this.lastError(workflowId)}`,
			);
		return JSON.parse(text) as IDataObject;
	}

	/** The error of the workflow's last execution, as n8n stored it. */
	private async lastError(workflowId: string): Promise<string> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.rest('GET', `/executions?filter=${filter}&limit=1`);
		const [last] = (list.results as IDataObject[] | undefined) ?? [];
		if (!last) return 'no execution stored';
		const execution = await this.rest('GET', `/executions/${String(last.id)}`);
		const data = parse(String(execution.data ?? '[{}]')) as {
			resultData?: { error?: IDataObject };
		};
		const error = data.resultData?.error ?? {};
		return `execution ${String(last.id)}: ${String(error.message)} ${String(error.description ?? '')}`;
	}

	/** n8n's internal REST API, signed in as the owner. */
	async rest(method: string, path: string, body?: unknown): Promise<IDataObject> {
		const response = await fetch(`${this.base}/rest${path}`, {
			method,
			headers: { Cookie: this.cookie, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: IDataObject }).data;
	}

	/** The static data n8n stored for a workflow (its triggers' state). */
	async staticData(workflowId: string): Promise<IDataObject> {
		const workflow = await this.rest('GET', `/workflows/${workflowId}`);
		return (workflow.staticData as IDataObject | null) ?? {};
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/** Every event n8n logged for the workflow since `since`. */
	private events(workflowId: string, since: number): LoggedEvent[] {
		const folder = join(this.folder, '.n8n');
		if (!existsSync(folder)) return [];
		return readdirSync(folder)
			.filter((name) => name.startsWith('n8nEventLog') && name.endsWith('.log'))
			.flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n'))
			.filter((line) => line.includes(`"workflowId":"${workflowId}"`))
			.map((line) => JSON.parse(line) as LoggedEvent)
			.filter((event) => Date.parse(event.ts) >= since);
	}

	/**
	 * The time n8n logged from the start of node `first` to the end of node `last` in the
	 * workflow's first execution since `since`, in ms; waits for n8n to write its events.
	 */
	async nodeSpan(workflowId: string, since: number, first: string, last: string): Promise<number> {
		for (let attempt = 0; attempt < 50; attempt++) {
			const events = this.events(workflowId, since);
			const started = events.find(
				(event) => event.eventName === 'n8n.node.started' && event.payload.nodeName === first,
			);
			const finished = events.find(
				(event) =>
					event.eventName === 'n8n.node.finished' &&
					event.payload.nodeName === last &&
					event.payload.executionId === started?.payload.executionId,
			);
			if (started && finished) return Date.parse(finished.ts) - Date.parse(started.ts);
			await sleep(200);
		}
		throw new Error(`n8n logged no run of ${first} → ${last} in workflow ${workflowId}`);
	}

	/** When n8n logged the start of each execution of the workflow since `since` (ms). */
	executionStarts(workflowId: string, since: number): number[] {
		return this.events(workflowId, since)
			.filter((event) => event.eventName === 'n8n.workflow.started')
			.map((event) => Date.parse(event.ts));
	}
}
