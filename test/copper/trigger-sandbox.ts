// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- test code, not shipped
import { Readable } from 'node:stream';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import {
	COPPER_API_KEY,
	COPPER_BASE_PATH,
	COPPER_USER_EMAIL,
	type CopperSandbox,
	type CopperSandboxOptions,
	createCopperSandbox,
	type RenderedTask,
} from '../sandbox/copper';
import { listen, readBody as readRequestBody, sendJson, type RunningServer } from '../sandbox/http';
import { TRIGGER, sandboxCredentials } from './credentials';

/** Copper's clock when a test starts: 2026-03-10T08:00:00Z. */
export const START = new Date('2026-03-10T08:00:00Z');

/** A second Copper user of the emulator, with its own key (see `keys` below). */
export const SECOND_KEY = { key: 'sandbox-second-key', email: 'second@copper.sandbox.test' };

/** The readable copy of each date the trigger adds to a task, as `<date>_iso`. */
const DATES = ['due_date', 'reminder_date', 'completed_date', 'date_created', 'date_modified'];

/** A task as the trigger emits it: Copper's record plus an ISO 8601 (UTC) `<date>_iso` copy of each date it has. */
export function asEmitted(task: RenderedTask | IDataObject): IDataObject {
	const item: IDataObject = { ...(task as IDataObject) };
	for (const date of DATES.filter((name) => name in item)) {
		const value = item[date];
		item[`${date}_iso`] = typeof value === 'number' ? new Date(value * 1000).toISOString() : null;
	}
	return item;
}

/** The trigger's parameters for tasks: an event and its filters. */
export const triggerParameters = (event: string, filters: INodeParameters = {}) => ({
	resource: 'task',
	event,
	filters,
});

/**
 * What a search gets instead of Copper's answer: an error answer (a 5xx, or 429 with or without
 * Retry-After), or `'hang'`: no answer at all, until the client gives up or the emulator closes.
 */
export type SearchFault =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| 'hang';

/** One search the trigger sent, as it arrives: its number (from 0) and its body. */
export interface ArrivingSearch {
	index: number;
	body: IDataObject;
}

/** A user picked in the Assignee filter. */
export const pickedUser = (value: string) => ({ __rl: true, mode: 'list', value });

/**
 * The Copper emulator (test/sandbox/copper.ts) on the loopback, wrapped for trigger tests: tasks
 * created and changed as Copper stamps them (whole seconds of its own clock), the search bodies the
 * trigger sent, and a hook that runs before a search reaches Copper, to change tasks mid-poll.
 */
export class CopperForTrigger {
	readonly sandbox: CopperSandbox;
	/** Runs before each search reaches Copper, with its number (from 0); to change tasks mid-poll. */
	beforeSearch: ((index: number) => Promise<void> | void) | undefined;
	/**
	 * Changes the X-PW-TOTAL Copper answers to a count search (a one-task page with minimum =
	 * maximum), e.g. to count a task the walk cannot see. Gets Copper's own count and the body.
	 */
	answerCount: ((total: number, body: IDataObject) => number) | undefined;
	/**
	 * Runs before each search reaches Copper, with the search's body (to change tasks at a chosen
	 * step of a poll: before a later page, before a read by ID); a fault it returns is answered
	 * instead of Copper's answer.
	 */
	interceptSearch:
		| ((search: ArrivingSearch) => Promise<SearchFault | undefined> | SearchFault | undefined)
		| undefined;
	private server!: RunningServer;
	private searchCount = 0;
	private readonly hanging = new Set<Parameters<CopperSandbox['handler']>[1]>();

	private constructor(options: CopperSandboxOptions) {
		this.sandbox = createCopperSandbox({
			seed: false,
			now: () => START,
			keys: [{ key: COPPER_API_KEY, email: COPPER_USER_EMAIL }, SECOND_KEY],
			...options,
		});
	}

	/** Starts an emulator with no tasks; its clock starts at `now` (START when omitted). */
	static async start(options: CopperSandboxOptions = {}): Promise<CopperForTrigger> {
		const copper = new CopperForTrigger(options);
		copper.server = await listen((req, res) => void copper.handle(req, res), 0, '127.0.0.1');
		return copper;
	}

	private async handle(
		req: Parameters<CopperSandbox['handler']>[0],
		res: Parameters<CopperSandbox['handler']>[1],
	) {
		if (isSearch(req) && this.interceptSearch) return await this.intercept(req, res);
		if (isSearch(req)) await this.beforeSearch?.(this.searchCount++);
		if (isSearch(req) && this.answerCount) this.rewriteCount(res);
		this.sandbox.handler(req, res);
	}

	/** Reads the search's body for interceptSearch, then answers its fault or hands the search on. */
	private async intercept(req: Request, res: Parameters<CopperSandbox['handler']>[1]) {
		const raw = await readRequestBody(req);
		const body = JSON.parse(raw || '{}') as IDataObject;
		const fault = await this.interceptSearch?.({ index: this.searchCount++, body });
		if (fault === 'hang') {
			this.hanging.add(res);
			res.on('close', () => this.hanging.delete(res));
			return;
		}
		if (fault) return sendJson(res, fault.status, fault.body ?? {}, fault.headers);
		// The body is read by now: Copper gets the same request with the body read again.
		const again = Object.assign(Readable.from([Buffer.from(raw)]), {
			method: req.method,
			url: req.url,
			headers: req.headers,
		});
		this.sandbox.handler(again as unknown as Request, res);
	}

	/** Searches that reached the emulator, faults answered included. */
	get searchesReceived() {
		return this.searchCount;
	}

	/** Rewrites X-PW-TOTAL of a count search's answer with answerCount (the body is read by then). */
	private rewriteCount(res: Parameters<CopperSandbox['handler']>[1]) {
		const writeHead = res.writeHead.bind(res) as (status: number, headers: object) => unknown;
		const requests = this.sandbox.state.requests;
		res.writeHead = ((status: number, headers: Record<string, string | number>) => {
			const body = requests[requests.length - 1]?.body as IDataObject | undefined;
			const answer = this.answerCount;
			if (answer && body && isCount(body) && headers['X-PW-TOTAL'] !== undefined) {
				headers = { ...headers, 'X-PW-TOTAL': String(answer(Number(headers['X-PW-TOTAL']), body)) };
			}
			return writeHead(status, headers);
		}) as unknown as typeof res.writeHead;
	}

	get url() {
		return this.server.url;
	}

	/** The owner's credential for this emulator; `SECOND_KEY`'s with `as: 'second'`. */
	credentials(as: 'owner' | 'second' = 'owner'): Record<string, ICredentialDataDecryptedObject> {
		const credentials = sandboxCredentials(this.url);
		if (as === 'second') {
			credentials.copperCrmTasksApi.apiKey = SECOND_KEY.key;
			credentials.copperCrmTasksApi.email = SECOND_KEY.email;
		}
		return credentials;
	}

	/** An active trigger on this emulator. */
	activate(event = 'createdOrUpdated', filters: INodeParameters = {}) {
		return new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters(event, filters),
			credentials: this.credentials(),
		});
	}

	/** Moves Copper's clock on (or back, for a change Copper stamps late). */
	tick(seconds: number) {
		this.sandbox.advanceClock(seconds);
	}

	get nowSeconds() {
		return this.sandbox.nowSeconds();
	}

	/** Creates tasks in Copper now, all stamped with the current second; returns their IDs. */
	create(...bodies: Array<string | IDataObject>): number[] {
		const ids = this.sandbox.seedTasks(
			bodies.map((body) => (typeof body === 'string' ? { name: body } : body)),
		);
		if (typeof ids === 'string') throw new Error(ids);
		return ids;
	}

	/** Creates `count` tasks named `<prefix> <n>` in the current second. */
	createMany(count: number, prefix = 'Burst'): number[] {
		return this.create(...Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`));
	}

	/** Changes a task through Copper's API (PUT /tasks/{id}), as a user would. */
	async update(id: number, body: IDataObject) {
		const response = await fetch(`${this.url}${COPPER_BASE_PATH}/tasks/${id}`, {
			method: 'PUT',
			headers: {
				'X-PW-AccessToken': COPPER_API_KEY,
				'X-PW-Application': 'developer_api',
				'X-PW-UserEmail': COPPER_USER_EMAIL,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`PUT /tasks/${id}: ${await response.text()}`);
	}

	/** Deletes a task through Copper's API (DELETE /tasks/{id}). */
	async delete(id: number) {
		const response = await fetch(`${this.url}${COPPER_BASE_PATH}/tasks/${id}`, {
			method: 'DELETE',
			headers: {
				'X-PW-AccessToken': COPPER_API_KEY,
				'X-PW-Application': 'developer_api',
				'X-PW-UserEmail': COPPER_USER_EMAIL,
			},
		});
		if (!response.ok) throw new Error(`DELETE /tasks/${id}: ${await response.text()}`);
	}

	/** The task as the trigger emits it now. */
	emitted(id: number): IDataObject {
		const task = this.sandbox.getTask(id);
		if (!task) throw new Error(`No task ${id}`);
		return asEmitted(task);
	}

	/** Every request the trigger sent, as `METHOD path`, and the body of each search. */
	get requests(): string[] {
		return this.sandbox.state.requests.map((request) => `${request.method} ${request.url}`);
	}

	/** The bodies of the searches sent so far (PUTs of the test itself are left out). */
	get searches(): IDataObject[] {
		return this.sandbox.state.requests
			.filter((request) => request.url.endsWith('/tasks/search'))
			.map((request) => request.body as IDataObject);
	}

	/** Forgets the requests logged so far. */
	clearRequests() {
		this.sandbox.state.requests.length = 0;
	}

	async close() {
		for (const res of this.hanging) res.destroy();
		await this.server.close();
	}
}

type Request = Parameters<CopperSandbox['handler']>[0];

const isSearch = (req: Request) => /\/tasks\/search$/.test(req.url ?? '');

/** A count search: one task per page, bounded to one second (see countBody). */
const isCount = (body: IDataObject) =>
	body.page_size === 1 &&
	((body.minimum_modified_date !== undefined &&
		body.minimum_modified_date === body.maximum_modified_date) ||
		(body.minimum_created_date !== undefined &&
			body.minimum_created_date === body.maximum_created_date));

/** A search body of the trigger: a stream walked ascending from `since`, or the newest first. */
export const searchBody = (
	stream: 'date_modified' | 'date_created',
	since: number | undefined,
	page = 1,
	filters: IDataObject = {},
): IDataObject => ({
	...filters,
	...(since === undefined
		? {}
		: { [stream === 'date_modified' ? 'minimum_modified_date' : 'minimum_created_date']: since }),
	sort_by: stream,
	sort_direction: 'asc',
	page_number: page,
	page_size: 200,
});

/**
 * Copper's count of one second of a stream: a one-task page with minimum = maximum = that second,
 * read for its X-PW-TOTAL. A poll sends it after paging through a second by page_number.
 */
export const countBody = (
	stream: 'date_modified' | 'date_created',
	second: number,
	filters: IDataObject = {},
): IDataObject => ({
	...filters,
	...(stream === 'date_modified'
		? { minimum_modified_date: second, maximum_modified_date: second }
		: { minimum_created_date: second, maximum_created_date: second }),
	page_number: 1,
	page_size: 1,
});

/**
 * A read of tasks by ID, as the trigger sends it after listing changes (and to check a paged
 * second): Copper's search with `ids` and the trigger's filters, no sort, one page as long as
 * the list.
 */
export const readBody = (ids: number[], filters: IDataObject = {}): IDataObject => ({
	...filters,
	ids,
	page_number: 1,
	page_size: ids.length,
});

/** The reads by ID of `ids`, in their order, at most 200 IDs a search. */
export const readBodies = (ids: number[], filters: IDataObject = {}): IDataObject[] =>
	Array.from({ length: Math.ceil(ids.length / 200) }, (_, index) =>
		readBody(ids.slice(index * 200, index * 200 + 200), filters),
	);

/** The search the first poll starts with: the newest 25 of a stream. */
export const newestBody = (
	stream: 'date_modified' | 'date_created',
	filters: IDataObject = {},
): IDataObject => ({
	...filters,
	sort_by: stream,
	sort_direction: 'desc',
	page_number: 1,
	page_size: 25,
});

/** Runs polls until one emits nothing; returns everything emitted on the way (at most 5 polls). */
export async function drain(trigger: ActivePollTrigger): Promise<IDataObject[]> {
	const emitted: IDataObject[] = [];
	for (let polls = 0; polls < 5; polls++) {
		const items = await trigger.poll();
		if (!items) return emitted;
		emitted.push(...items);
	}
	throw new Error('The trigger kept emitting');
}
