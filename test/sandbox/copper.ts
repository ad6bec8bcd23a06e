/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Stateful local emulator of Copper CRM's Developer API v1 for tasks (vendors.md §2, seed 002),
 * for tests, `npm run dev` and (later) the end-to-end suite. Vendor API under `/developer_api/v1`,
 * test controls under `/__sandbox`.
 *
 *   const sandbox = createCopperSandbox({ now: () => fixedDate });
 *   const server = await sandbox.start(0); // { url, port, close() }
 *
 * Vendor API (headers X-PW-AccessToken / X-PW-Application: developer_api / X-PW-UserEmail):
 *   POST /tasks/search   GET|PUT|DELETE /tasks/{id}   POST /tasks
 *   POST /users/search   GET /users/me   GET /account   GET /custom_field_definitions
 *   POST /{leads|people|companies|opportunities|projects}/search   GET /{...same}/{id}
 *     (fixed related records, copper/related.ts; a task's related_resource must name one)
 *
 * Control API (no auth, never throttled; see copper/control.ts):
 *   POST /__sandbox/reset[?seed=false&searchCap=N]
 *   POST /__sandbox/throttle?count=2 | ?rate=180&windowSeconds=60 | ?off=true   (429, no Retry-After)
 *   POST /__sandbox/latency?ms=50   (every vendor answer waits 50 ms; 0 turns it off)
 *   POST /__sandbox/clock?advanceSeconds=90 | ?set=2026-01-01T00:00:00Z
 *   POST /__sandbox/seed?count=1000 | body {tasks: [<task bodies as for POST /tasks>]}
 *   GET  /__sandbox/state          GET|DELETE /__sandbox/requests   GET /__sandbox/requests?count=true
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { type ApiKey, authenticate, COPPER_API_KEY, COPPER_USER_EMAIL } from './copper/auth';
import { controlReply } from './copper/control';
import {
	applyTaskBody,
	blankTask,
	type CopperTask,
	type CopperUser,
	type CustomFieldDefinition,
	type RenderedTask,
	renderTask,
} from './copper/model';
import {
	type RelatedRecords,
	relatedReply,
	type RelatedType,
	relatedTypeAt,
	SEED_RELATED,
} from './copper/related';
import { copperError, NOT_FOUND, type Reply } from './copper/replies';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SEARCH_CAP, searchTasks } from './copper/search';
import {
	FIRST_TASK_ID,
	generateTasks,
	SEED_DEFINITIONS,
	SEED_USERS,
	seedTasks,
} from './copper/seed';
import { Throttle } from './copper/throttle';
import { sandboxClock } from './control';
import { SortedMatches } from './sortedMatches';
import { listen, readBody, type RunningServer, sendJson } from './http';
import { admitRequest, type ApiTraffic, logAnswer, quietTraffic } from './traffic';

export { COPPER_API_KEY, COPPER_APPLICATION, COPPER_USER_EMAIL } from './copper/auth';
export { MAX_PAGE_SIZE, SEARCH_CAP, SORT_FIELDS } from './copper/search';
export type { RenderedTask } from './copper/model';
export type { RelatedRecord, RelatedRecords, RelatedType } from './copper/related';
export { RELATED_PATHS, SEED_RELATED } from './copper/related';
export type { RunningServer } from './http';

export const COPPER_BASE_PATH = '/developer_api/v1';
export const COPPER_THROTTLE_MESSAGE = 'Rate limit exceeded';
export const COPPER_UNAUTHORIZED_MESSAGE = 'API Key and Email combination is invalid';

export interface CopperSandboxOptions {
	keys?: ApiKey[];
	/** Injectable clock; the control API's clock offset is added on top. */
	now?: () => Date;
	/**
	 * Seed the demo users' tasks (default true). Users, definitions and related records are
	 * always there.
	 */
	seed?: boolean;
	/** Record cap of a search (default 100,000, Copper's); lower it to test the cap. */
	searchCap?: number;
}

export interface RequestLogEntry {
	at: string;
	method: string;
	url: string;
	status?: number;
	/** When the answer was sent (ms since the epoch, machine clock). */
	finishedAt?: number;
	body?: unknown;
}

export interface CopperState extends ApiTraffic<RequestLogEntry> {
	users: CopperUser[];
	definitions: CustomFieldDefinition[];
	related: RelatedRecords;
	tasks: Map<number, CopperTask>;
	nextId: number;
	searchCap: number;
	throttle: Throttle;
}

export interface CopperSnapshot {
	now: string;
	nowSeconds: number;
	searchCap: number;
	throttle: ReturnType<Throttle['snapshot']>;
	users: CopperUser[];
	customFieldDefinitions: CustomFieldDefinition[];
	related: RelatedRecords;
	tasks: RenderedTask[];
}

export interface CopperSandbox {
	state: CopperState;
	handler(req: IncomingMessage, res: ServerResponse): void;
	start(port?: number, host?: string): Promise<RunningServer>;
	now(): Date;
	/** The clock in whole Unix seconds, as Copper stamps records. */
	nowSeconds(): number;
	reset(overrides?: { seed?: boolean; searchCap?: number }): void;
	throttleNext(count: number): void;
	/** Waits `ms` before answering each vendor API request from now on (0: no wait; reset: 0). */
	setLatency(ms: number): void;
	/** How many tasks the emulator holds. */
	taskCount(): number;
	throttleSnapshot(): ReturnType<Throttle['snapshot']>;
	/** At most `limit` vendor requests per rolling `windowSeconds`, else 429; null turns it off. */
	setRateLimit(limit: number | null, windowSeconds?: number): void;
	advanceClock(seconds: number): void;
	setClock(at: Date): void;
	/** Adds `count` generated tasks; returns their ids. */
	generateTasks(count: number): number[];
	/** Adds tasks from create bodies (plus optional `followers`); returns ids or an error. */
	seedTasks(bodies: unknown[]): number[] | string;
	/** Changes a task as PUT /tasks/{id} does (date_modified moves only if it changed); or an error. */
	updateTask(id: number, body: Record<string, unknown>): RenderedTask | string;
	snapshot(): CopperSnapshot;
	getTask(id: number): RenderedTask | undefined;
	listTasks(): RenderedTask[];
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
	if (raw.trim() === '') return {};
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function createCopperSandbox(options: CopperSandboxOptions = {}): CopperSandbox {
	const baseNow = options.now ?? (() => new Date());
	const keys = options.keys ?? [{ key: COPPER_API_KEY, email: COPPER_USER_EMAIL }];
	const clock = sandboxClock(baseNow);
	const { now } = clock;
	const nowSeconds = () => Math.floor(now().getTime() / 1000);
	const state: CopperState = {
		users: SEED_USERS.map((user) => ({ ...user })),
		definitions: SEED_DEFINITIONS,
		related: SEED_RELATED,
		tasks: new Map(),
		nextId: FIRST_TASK_ID,
		searchCap: options.searchCap ?? SEARCH_CAP,
		throttle: new Throttle(),
		...quietTraffic<RequestLogEntry>(),
	};
	const orders = new SortedMatches<CopperTask>();
	const render = (task: CopperTask) => renderTask(task, state.definitions);
	const applyContext = () => ({
		users: state.users,
		definitions: state.definitions,
		nowSeconds: nowSeconds(),
		relatedExists: (type: string, id: number) =>
			state.related[type as RelatedType]?.some((record) => record.id === id) ?? false,
	});
	const store = (task: CopperTask) => {
		state.tasks.set(task.id, task);
		state.nextId = Math.max(state.nextId, task.id + 1);
	};

	function createTask(body: Record<string, unknown>): Reply {
		if (!('name' in body)) return copperError(422, "Name can't be blank");
		const stamp = nowSeconds();
		const result = applyTaskBody(blankTask(state.nextId, stamp), body, applyContext());
		if (!('task' in result)) return result;
		const { task } = result;
		// completed_date follows the status even on create.
		task.completed_date = task.status === 'Completed' ? stamp : null;
		store(task);
		return { status: 200, body: render(task) };
	}

	function updateTask(id: number, body: Record<string, unknown>): Reply {
		const existing = state.tasks.get(id);
		if (!existing) return NOT_FOUND();
		const result = applyTaskBody(existing, body, applyContext());
		if (!('task' in result)) return result;
		const changed = JSON.stringify(render(result.task)) !== JSON.stringify(render(existing));
		// An empty body changes nothing, date_modified included (update-a-task.html).
		if (changed) result.task.date_modified = nowSeconds();
		store(result.task);
		return { status: 200, body: render(result.task) };
	}

	async function taskReply(req: IncomingMessage, rest: string[], log: RequestLogEntry) {
		const method = req.method ?? 'GET';
		const readJson = async () => {
			const raw = await readBody(req);
			const body = parseJsonObject(raw);
			log.body = body ?? raw;
			return body;
		};
		if (rest.length === 0 || (rest.length === 1 && rest[0] === 'search')) {
			if (method !== 'POST') return copperError(405, 'Method not allowed');
			const body = await readJson();
			if (!body) return copperError(400, 'Invalid JSON body');
			if (rest.length === 0) return createTask(body);
			const email = requestEmail(req);
			const result = searchTasks(state.tasks.values(), body, {
				users: state.users,
				definitions: state.definitions,
				userId: state.users.find((user) => user.email.toLowerCase() === email)?.id,
				searchCap: state.searchCap,
				orders,
			});
			if (!('page' in result)) return result;
			return {
				status: 200,
				body: result.page.map(render),
				headers: { 'X-PW-TOTAL': String(result.total) },
			};
		}
		if (rest.length !== 1 || !/^\d+$/.test(rest[0])) return NOT_FOUND();
		const id = Number(rest[0]);
		if (method === 'GET') {
			const task = state.tasks.get(id);
			return task ? { status: 200, body: render(task) } : NOT_FOUND();
		}
		if (method === 'DELETE') {
			if (!state.tasks.delete(id)) return NOT_FOUND();
			return { status: 200, body: { id, is_deleted: true } };
		}
		if (method === 'PUT') {
			const body = await readJson();
			if (!body) return copperError(400, 'Invalid JSON body');
			return updateTask(id, body);
		}
		return copperError(405, 'Method not allowed');
	}

	function requestEmail(req: IncomingMessage): string {
		const value = req.headers['x-pw-useremail'];
		return String(Array.isArray(value) ? value[0] : (value ?? ''))
			.trim()
			.toLowerCase();
	}

	/** Reads a JSON object body into the request log; undefined when it is not one. */
	async function readJsonBody(req: IncomingMessage, log: RequestLogEntry) {
		const raw = await readBody(req);
		const body = parseJsonObject(raw);
		log.body = body ?? raw;
		return body;
	}

	async function usersSearch(req: IncomingMessage, log: RequestLogEntry): Promise<Reply> {
		const body = await readJsonBody(req, log);
		if (!body) return copperError(400, 'Invalid JSON body');
		const pageNumber = Number(body.page_number ?? 1);
		const pageSize = Math.min(Number(body.page_size ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
		if (!(pageNumber >= 1 && pageSize >= 1)) return copperError(422, 'Invalid paging');
		const sorted = [...state.users].sort((a, b) => a.name.localeCompare(b.name));
		const start = (pageNumber - 1) * pageSize;
		return {
			status: 200,
			body: sorted.slice(start, start + pageSize),
			headers: { 'X-PW-TOTAL': String(sorted.length) },
		};
	}

	async function apiReply(req: IncomingMessage, segments: string[], log: RequestLogEntry) {
		if (state.throttle.refuse(now().getTime())) return copperError(429, COPPER_THROTTLE_MESSAGE);
		const email = authenticate(req.headers, keys);
		if (!email) return copperError(401, COPPER_UNAUTHORIZED_MESSAGE);
		const method = req.method ?? 'GET';
		const [resource, ...rest] = segments;
		const me = state.users.find((user) => user.email.toLowerCase() === email.toLowerCase());
		if (resource === 'tasks') return await taskReply(req, rest, log);
		const relatedType = relatedTypeAt(resource);
		if (relatedType) {
			const records = state.related[relatedType];
			return await relatedReply(records, method, rest, async () => await readJsonBody(req, log));
		}
		if (resource === 'users' && rest[0] === 'search' && method === 'POST') {
			return await usersSearch(req, log);
		}
		if (resource === 'users' && rest[0] === 'me' && method === 'GET') {
			return me ? { status: 200, body: me } : NOT_FOUND();
		}
		if (resource === 'users' && rest.length === 1 && /^\d+$/.test(rest[0]) && method === 'GET') {
			const user = state.users.find((candidate) => candidate.id === Number(rest[0]));
			return user ? { status: 200, body: user } : NOT_FOUND();
		}
		if (resource === 'custom_field_definitions' && rest.length === 0 && method === 'GET') {
			return { status: 200, body: state.definitions };
		}
		if (resource === 'account' && rest.length === 0 && method === 'GET') {
			return {
				status: 200,
				body: {
					id: 10001,
					name: 'Copper Sandbox',
					primary_timezone: 'Europe/Berlin',
					settings: {},
				},
			};
		}
		return NOT_FOUND();
	}

	async function handleApi(req: IncomingMessage, res: ServerResponse, segments: string[]) {
		const log: RequestLogEntry = {
			at: now().toISOString(),
			method: req.method ?? 'GET',
			url: req.url ?? '',
		};
		logAnswer(res, log);
		await admitRequest(state, log);
		const reply = await apiReply(req, segments, log);
		sendJson(res, reply.status, reply.body, reply.headers);
	}

	const sandbox: CopperSandbox = {
		state,
		now,
		nowSeconds,
		reset(overrides = {}) {
			state.tasks = new Map();
			state.nextId = FIRST_TASK_ID;
			state.throttle = new Throttle();
			Object.assign(state, quietTraffic<RequestLogEntry>());
			state.searchCap = overrides.searchCap ?? options.searchCap ?? SEARCH_CAP;
			if (overrides.seed ?? options.seed ?? true) seedTasks(nowSeconds()).forEach(store);
		},
		handler(req, res) {
			const url = new URL(req.url ?? '/', 'http://sandbox.local');
			const segments = url.pathname.split('/').filter((segment) => segment !== '');
			const handle = async () => {
				if (segments[0] === '__sandbox') {
					const raw = req.method === 'POST' ? await readBody(req) : '';
					const body = parseJsonObject(raw);
					const reply = controlReply(sandbox, req.method ?? 'GET', url, segments[1] ?? '', body);
					return sendJson(res, reply.status, reply.body, reply.headers);
				}
				if (segments[0] === 'developer_api' && segments[1] === 'v1') {
					return await handleApi(req, res, segments.slice(2));
				}
				const reply = copperError(
					404,
					'Copper sandbox: try /developer_api/v1/... or /__sandbox/state',
				);
				sendJson(res, reply.status, reply.body);
			};
			handle().catch((error: unknown) => {
				if (res.headersSent) return;
				sendJson(res, 500, { status: 500, message: String(error) });
			});
		},
		start: async (port = 0, host = '127.0.0.1') => await listen(sandbox.handler, port, host),
		throttleNext(count) {
			state.throttle.remaining = Math.max(0, Math.floor(count));
		},
		setRateLimit(limit, windowSeconds = 60) {
			state.throttle.setRate(limit, windowSeconds);
		},
		setLatency(ms) {
			state.latencyMs = Math.max(0, ms);
		},
		taskCount: () => state.tasks.size,
		throttleSnapshot: () => state.throttle.snapshot(),
		advanceClock: clock.advanceClock,
		setClock: clock.setClock,
		generateTasks(count) {
			const tasks = generateTasks(Math.max(0, Math.floor(count)), state.nextId, nowSeconds());
			tasks.forEach(store);
			return tasks.map((task) => task.id);
		},
		seedTasks(bodies) {
			const ids: number[] = [];
			for (const raw of bodies) {
				const { followers, ...body } = (raw ?? {}) as Record<string, unknown>;
				const reply = createTask(body);
				if (reply.status !== 200) return JSON.stringify(reply.body);
				const id = (reply.body as { id: number }).id;
				if (Array.isArray(followers)) {
					for (const user of followers) state.tasks.get(id)?.followers.add(Number(user));
				}
				ids.push(id);
			}
			return ids;
		},
		updateTask(id, body) {
			const reply = updateTask(id, body);
			return reply.status === 200 ? (reply.body as RenderedTask) : JSON.stringify(reply.body);
		},
		snapshot: () => ({
			now: now().toISOString(),
			nowSeconds: nowSeconds(),
			searchCap: state.searchCap,
			throttle: state.throttle.snapshot(),
			users: state.users,
			customFieldDefinitions: state.definitions,
			related: state.related,
			tasks: sandbox.listTasks(),
		}),
		getTask(id) {
			const task = state.tasks.get(id);
			return task && render(task);
		},
		listTasks: () => [...state.tasks.values()].sort((a, b) => a.id - b.id).map(render),
	};
	sandbox.reset();
	return sandbox;
}
