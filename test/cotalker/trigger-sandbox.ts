import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import {
	COTALKER_TOKEN,
	type CotalkerSandbox,
	type CotalkerSandboxOptions,
	type CotTask,
	createCotalkerSandbox,
	TASK_GROUP_IDS,
} from '../sandbox/cotalker';
import { cotalkerError, THROTTLE_MESSAGE } from '../sandbox/cotalker/replies';
import { listen, type RunningServer, sendJson } from '../sandbox/http';
import { TRIGGER, sandboxCredentials } from './credentials';

/** Cotalker's clock when a test starts. */
export const START = new Date('2026-05-04T09:00:00.000Z');

export const PROJECTS = TASK_GROUP_IDS.projects;
export const SUPPORT = TASK_GROUP_IDS.support;

/** A task group picked in the Task Groups list. */
export const pickedGroup = (value: string) => ({ taskGroup: { __rl: true, mode: 'list', value } });

/** The trigger's parameters: an event, its task groups and its filters. */
export const triggerParameters = (
	event: string,
	groups: string[] = [PROJECTS],
	filters: INodeParameters = {},
): INodeParameters => ({
	taskGroups: { group: groups.map(pickedGroup) },
	event,
	filters,
});

/** One change a test made, as Cotalker stamped it: the ground truth polls are checked against. */
export interface LoggedChange {
	id: string;
	kind: 'created' | 'updated' | 'stateChanged';
	task: CotTask;
}

/**
 * How a task list request can fail instead of reaching Cotalker:
 * - a status, sent without Retry-After, with Cotalker's error body (a 5xx, or a 429 from a proxy
 *   that gives no wait) or with `body` as `contentType` (e.g. a proxy's HTML page);
 * - `connection reset`: the connection drops before any answer;
 * - `no answer`: the request hangs until the client gives up (a timeout) or the emulator closes.
 */
export type ListFault =
	| { status: number; contentType?: string; body?: string }
	| 'connection reset'
	| 'no answer';

type Request = Parameters<CotalkerSandbox['handler']>[0];
type Response = Parameters<CotalkerSandbox['handler']>[1];
const isTaskList = (req: Request) =>
	req.method === 'GET' && /\/api\/v2\/task-groups\/[^/]+\/tasks(\?|$)/.test(req.url ?? '');

/**
 * The Cotalker emulator (test/sandbox/cotalker.ts) on the loopback, wrapped for trigger tests:
 * tasks created, edited and moved through Cotalker's API as a user would, each change logged as
 * Cotalker stamped it, and a hook that runs before a task list request reaches Cotalker, to change
 * tasks while a poll pages. The emulator lists tasks in a scrambled order and its clock only moves
 * when told.
 */
export class CotalkerForTrigger {
	readonly sandbox: CotalkerSandbox;
	readonly changes: LoggedChange[] = [];
	/** Runs before each task list request reaches Cotalker, with its number (from 0, counted while it is set). */
	beforeList: ((index: number, url: URL) => Promise<void> | void) | undefined;
	/** Runs after beforeList: a fault to answer that task list request with instead of the tasks. */
	failList: ((url: URL) => ListFault | undefined) | undefined;
	/** Whether answers carry a Date header (Cotalker's clock); without one the trigger does without. */
	dated = true;
	/** How far the Date header's clock is from the clock Cotalker stamps tasks with. */
	dateOffsetMs = 0;
	private server!: RunningServer;
	private lists = 0;

	private constructor(options: CotalkerSandboxOptions) {
		this.sandbox = createCotalkerSandbox({ seed: false, now: () => START, ...options });
	}

	/** The emulators started and not yet closed, for closeEveryCotalker. */
	private static readonly running = new Set<CotalkerForTrigger>();

	static async start(options: CotalkerSandboxOptions = {}): Promise<CotalkerForTrigger> {
		const cotalker = new CotalkerForTrigger(options);
		cotalker.server = await listen((req, res) => void cotalker.handle(req, res), 0, '127.0.0.1');
		CotalkerForTrigger.running.add(cotalker);
		return cotalker;
	}

	/** Closes every emulator a test started and left open. */
	static async closeAll() {
		await Promise.all(
			[...CotalkerForTrigger.running].map(async (cotalker) => await cotalker.close()),
		);
	}

	private async handle(req: Request, res: Response) {
		if (isTaskList(req)) {
			const url = new URL(req.url ?? '/', 'http://sandbox.local');
			// Numbered from the first request the hook sees.
			if (this.beforeList) await this.beforeList(this.lists++, url);
			const fault = this.failList?.(url);
			if (fault) return CotalkerForTrigger.fail(res, fault);
		}
		// Cotalker dates its answers by its own clock, like any web server (Node would otherwise
		// send this machine's time, months away from the emulator's clock).
		if (this.dated) {
			const date = new Date(this.sandbox.now().getTime() + this.dateOffsetMs);
			res.setHeader('Date', date.toUTCString());
		} else res.sendDate = false;
		this.sandbox.handler(req, res);
	}

	private static fail(res: Response, fault: ListFault) {
		if (fault === 'connection reset') res.socket?.destroy();
		// 'no answer': the response is left open; closing the emulator drops its connection.
		if (typeof fault !== 'object') return;
		const { status, contentType, body } = fault;
		if (body !== undefined) {
			res.writeHead(status, { 'Content-Type': contentType ?? 'text/plain' });
			res.end(body);
			return;
		}
		const message = status === 429 ? THROTTLE_MESSAGE : 'The server failed, try again';
		const reply = cotalkerError(status, message);
		sendJson(res, reply.status, reply.body);
	}

	get url() {
		return this.server.url;
	}

	credentials(): Record<string, ICredentialDataDecryptedObject> {
		return sandboxCredentials(this.url);
	}

	/** An active trigger on this emulator. */
	activate(event = 'anyChange', groups: string[] = [PROJECTS], filters: INodeParameters = {}) {
		return new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters(event, groups, filters),
			credentials: this.credentials(),
		});
	}

	/** Moves Cotalker's clock on by milliseconds (or back, for a change stamped late). */
	tickMs(ms: number) {
		this.sandbox.advanceClock(ms / 1000);
	}

	tick(seconds: number) {
		this.sandbox.advanceClock(seconds);
	}

	/** Creates tasks now (all stamped with the same millisecond); returns their IDs. */
	create(group: string, ...bodies: Array<string | IDataObject>): string[] {
		const ids = this.sandbox.seedTasks(
			bodies.map((body) => (typeof body === 'string' ? { name: body } : body)),
			group,
		);
		if (typeof ids === 'string') throw new Error(ids);
		for (const id of ids) this.changes.push({ id, kind: 'created', task: this.task(id) });
		return ids;
	}

	/** Creates `count` tasks named `<prefix> <n>` in the same millisecond. */
	createMany(group: string, count: number, prefix = 'Burst'): string[] {
		return this.create(group, ...Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`));
	}

	private async api(method: string, path: string, body?: IDataObject): Promise<unknown> {
		const response = await fetch(`${this.url}/api${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${COTALKER_TOKEN}`,
				Admin: 'true',
				'Content-Type': 'application/json',
			},
			body: body && JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`${method} ${path}: ${await response.text()}`);
		return await response.json();
	}

	/** Edits a task through Cotalker's API (a partial PATCH), as a user would. */
	async update(id: string, body: IDataObject) {
		const task = this.task(id);
		await this.api('PATCH', `/v1/tasks/${task.taskGroup}/task/${id}`, body);
		const kind = 'smState' in body ? 'stateChanged' : 'updated';
		this.changes.push({ id, kind, task: this.task(id) });
	}

	/** Moves a task to the first of its allowed next states. */
	async move(id: string) {
		const task = this.task(id);
		const next = (await this.api(
			'GET',
			`/v1/tasks/${task.taskGroup}/sm/nextsmstate?taskId=${id}`,
		)) as IDataObject[];
		await this.update(id, { smState: next[0]._id as string });
	}

	/** The task as it is now in Cotalker, which is how the trigger emits it. */
	task(id: string): CotTask {
		const task = this.sandbox.getTask(id);
		if (!task) throw new Error(`No task ${id}`);
		return task;
	}

	/** The task list requests sent so far, as their path and query. */
	get listRequests(): string[] {
		return this.sandbox.state.requests
			.filter((request) => request.method === 'GET' && request.url.includes('/tasks?'))
			.map((request) => request.url);
	}

	/** Every API request sent so far, as `METHOD url` (the tests' own changes included). */
	get requests(): string[] {
		return this.sandbox.state.requests.map((request) => `${request.method} ${request.url}`);
	}

	clearRequests() {
		this.sandbox.state.requests.length = 0;
	}

	async close() {
		if (!CotalkerForTrigger.running.delete(this)) return;
		await this.server.close();
	}
}

/**
 * For a `describe` whose tests start emulators (CotalkerForTrigger.start): loopback connections
 * allowed, and every emulator a test started closed after it.
 */
export function closeEveryCotalker() {
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	afterEach(async () => {
		await CotalkerForTrigger.closeAll();
	});
}

/** The query of a window page the trigger asks for. */
export const windowQuery = (
	since: string | undefined,
	page = 1,
	time: 'modifiedAt' | 'createdAt' = 'modifiedAt',
) =>
	new URLSearchParams({
		isActive: 'all',
		...(since ? { [`${time}_gte`]: since } : {}),
		limit: '100',
		page: String(page),
		count: 'true',
	}).toString();

/** The URL of a window page of a task group. */
export const windowUrl = (
	group: string,
	since: string | undefined,
	page = 1,
	time: 'modifiedAt' | 'createdAt' = 'modifiedAt',
) => `/api/v2/task-groups/${group}/tasks?${windowQuery(since, page, time)}`;

/** The IDs of emitted tasks. */
export const idsOf = (items: IDataObject[] | null) => (items ?? []).map((item) => String(item._id));
