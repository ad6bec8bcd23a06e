/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Stateful local emulator of ONLYOFFICE Workspace (Community Server) CRM API 2.0 for tasks and
 * task categories (vendors.md §3, seed 003, specs/onlyoffice-community-server-crm-tasks.subset
 * .yaml, CommunityServer CRMApi.Tasks.cs/TaskDao), for tests, `npm run dev` and the e2e suite.
 * Portal API under `/api/2.0`, test controls under `/__sandbox`.
 *
 *   const sandbox = createOnlyofficeSandbox({ now: () => fixedDate });
 *   const server = await sandbox.start(0); // { url, port, close() }
 *
 * Portal API: every answer is the envelope (onlyoffice/envelope.ts), XML unless the path ends
 * in `.json` or `Accept: application/json`; every answer is dated (HTTP `Date`) by the emulator's
 * clock. Sign in first, then send the raw token:
 *   POST /authentication  {userName, password}  → 201 {token, expires}; `Authorization: <token>`
 *   GET  /crm/task/filter   GET|PUT|DELETE /crm/task/{id}   POST /crm/task
 *   PUT  /crm/task/{id}/close   PUT /crm/task/{id}/reopen
 *   GET|POST /crm/task/category   GET|PUT|DELETE /crm/task/category/{id}[?newcategoryid=]
 *   DELETE /crm/task/category/{id}/{newcategoryid}   PUT /crm/task/category/{id}/icon
 *   PUT  /crm/task/category/reorder
 *   GET  /people  /people/@self  /people/{guid}  /people/@search/{query}
 *   GET  /crm/{contact|opportunity|case}/filter   GET /crm/{contact|opportunity|case}/{id}
 *
 * Control API (no auth, never throttled, JSON; see onlyoffice/control.ts):
 *   POST /__sandbox/reset[?seed=false&errorDetail=true&tokenLifetimeSeconds=N&utcOffsetMinutes=N&tokens=clear]
 *   POST /__sandbox/throttle?count=2[&retryAfter=0] | ?rate=500&windowSeconds=10 | ?off=true   (503 + Retry-After)
 *   POST /__sandbox/clock?advanceSeconds=90 | ?set=2026-01-01T00:00:00Z
 *   POST /__sandbox/latency?ms=50   (every portal answer waits 50 ms; 0 turns it off)
 *   POST /__sandbox/expire-tokens   (every issued token answers 401 from now on)
 *   POST /__sandbox/seed?count=1000 | body {tasks: [<bodies as for POST /crm/task, plus isClosed>]}
 *   GET  /__sandbox/state   (includes signIns, failedSignIns, issuedTokens)   GET|DELETE /__sandbox/requests
 *   GET  /__sandbox/requests?count=true
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sandboxClock } from './control';
import { SortedMatches } from './sortedMatches';
import { listen, readBody, type RunningServer, sendJson } from './http';
import { type Account, TokenStore } from './onlyoffice/auth';
import { controlReply } from './onlyoffice/control';
import { formatApiDate } from './onlyoffice/dates';
import { crmRecordReply, peopleReply } from './onlyoffice/directory';
import {
	apiError,
	type ApiReply,
	METHOD_NOT_FOUND_MESSAGE,
	negotiate,
	type ResponseFormat,
	sendApiReply,
	SIGN_IN_FAILED_MESSAGE,
	THROTTLE_MESSAGE,
	UNAUTHORIZED_MESSAGE,
} from './onlyoffice/envelope';
import { filterReply } from './onlyoffice/filter';
import {
	type OoCategory,
	type OoTask,
	type RenderedTask,
	renderCategory,
	renderTask,
} from './onlyoffice/model';
import { Params, readParams } from './onlyoffice/params';
import {
	FIRST_CATEGORY_ID,
	FIRST_TASK_ID,
	generateTasks,
	OWNER_ID,
	SEED_ACCOUNTS,
	SEED_CASES,
	SEED_CONTACTS,
	SEED_DEALS,
	SEED_USERS,
	seedCategories,
	seedTasks,
} from './onlyoffice/seed';
import { categoryReplyFor, createTask, taskByIdReply, type TaskStore } from './onlyoffice/tasks';
import { Throttle } from './onlyoffice/throttle';
import { admitRequest, type ApiTraffic, logAnswer, quietTraffic } from './traffic';

export {
	ONLYOFFICE_PASSWORD,
	ONLYOFFICE_SECOND_PASSWORD,
	ONLYOFFICE_SECOND_USER_NAME,
	ONLYOFFICE_USER_NAME,
	SEED_CASES,
	SEED_CONTACTS,
	SEED_DEALS,
	SEED_USERS,
} from './onlyoffice/seed';
export {
	ARGUMENT_MESSAGE,
	CATEGORY_NOT_FOUND_MESSAGE,
	NOT_FOUND_MESSAGE,
	SIGN_IN_FAILED_MESSAGE,
	THROTTLE_MESSAGE,
	UNAUTHORIZED_MESSAGE,
} from './onlyoffice/envelope';
export { SORT_FIELDS } from './onlyoffice/filter';
export { formatApiDate, parseApiDate } from './onlyoffice/dates';
export type { RenderedTask } from './onlyoffice/model';
export type { RunningServer } from './http';

export const ONLYOFFICE_BASE_PATH = '/api/2.0';
/** The portal's UTC offset in minutes (default +03:00, as in the docs' example) [?]. */
export const DEFAULT_UTC_OFFSET_MINUTES = 180;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600; // [?]

export interface OnlyofficeSandboxOptions {
	accounts?: Account[];
	/** Injectable clock; the control API's clock offset is added on top. */
	now?: () => Date;
	/** Seed the demo tasks (default true). Users, categories, contacts, deals, cases always. */
	seed?: boolean;
	utcOffsetMinutes?: number;
	tokenLifetimeSeconds?: number;
	/** Errors carry `type` and `stack` as a DEBUG build of the server would (default false). */
	errorDetail?: boolean;
}

export interface OnlyofficeSettings {
	utcOffsetMinutes: number;
	tokenLifetimeSeconds: number;
	errorDetail: boolean;
}

export interface RequestLogEntry {
	at: string;
	method: string;
	url: string;
	status?: number;
	/** When the answer was sent (ms since the epoch, machine clock). */
	finishedAt?: number;
	format?: ResponseFormat;
	authorization?: string;
	body?: unknown;
}

export interface OnlyofficeState extends TaskStore, ApiTraffic<RequestLogEntry> {
	tokens: TokenStore;
	throttle: Throttle;
	settings: OnlyofficeSettings;
}

export interface ResetOverrides {
	seed?: boolean;
	errorDetail?: boolean;
	tokenLifetimeSeconds?: number;
	utcOffsetMinutes?: number;
	/** `keep` (default) leaves issued tokens valid; `clear` forgets them. */
	tokens?: 'keep' | 'clear';
}

export interface OnlyofficeSandbox {
	state: OnlyofficeState;
	handler(req: IncomingMessage, res: ServerResponse): void;
	start(port?: number, host?: string): Promise<RunningServer>;
	now(): Date;
	reset(overrides?: ResetOverrides): void;
	throttleNext(count: number, retryAfterSeconds?: number): void;
	/** At most `limit` API requests per rolling `windowSeconds`, else 503; null turns it off. */
	setRateLimit(limit: number | null, windowSeconds?: number): void;
	/** Waits `ms` before answering each vendor API request from now on (0: no wait; reset: 0). */
	setLatency(ms: number): void;
	/** How many tasks the emulator holds. */
	taskCount(): number;
	throttleSnapshot(): ReturnType<Throttle['snapshot']>;
	advanceClock(seconds: number): void;
	setClock(at: Date): void;
	/** Every issued token answers 401 from now on; returns how many there were. */
	expireTokens(): number;
	/** Adds `count` generated tasks; returns their ids. */
	generateTasks(count: number): number[];
	/** Adds tasks from create bodies (plus optional `isClosed`); returns ids or an error. */
	seedTasks(bodies: unknown[]): number[] | string;
	snapshot(): Record<string, unknown>;
	getTask(id: number): RenderedTask | undefined;
	listTasks(): RenderedTask[];
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function createOnlyofficeSandbox(options: OnlyofficeSandboxOptions = {}): OnlyofficeSandbox {
	const baseNow = options.now ?? (() => new Date());
	const clock = sandboxClock(baseNow);
	const { now } = clock;
	const settingsFrom = (overrides: ResetOverrides = {}): OnlyofficeSettings => ({
		utcOffsetMinutes:
			overrides.utcOffsetMinutes ?? options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
		tokenLifetimeSeconds:
			overrides.tokenLifetimeSeconds ??
			options.tokenLifetimeSeconds ??
			DEFAULT_TOKEN_LIFETIME_SECONDS,
		errorDetail: overrides.errorDetail ?? options.errorDetail ?? false,
	});
	const settings = settingsFrom();
	const state: OnlyofficeState = {
		users: SEED_USERS.map((user) => ({ ...user })),
		contacts: SEED_CONTACTS,
		deals: SEED_DEALS,
		cases: SEED_CASES,
		categories: new Map(),
		tasks: new Map(),
		nextTaskId: FIRST_TASK_ID,
		nextCategoryId: FIRST_CATEGORY_ID,
		offsetMinutes: settings.utcOffsetMinutes,
		nowMs: 0,
		userId: OWNER_ID,
		tokens: new TokenStore(options.accounts ?? SEED_ACCOUNTS),
		throttle: new Throttle(),
		...quietTraffic<RequestLogEntry>(),
		settings,
	};
	const orders = new SortedMatches<OoTask>();
	/** When the demo users started, for `workFrom` (fixed: 2020-01-15 portal time). */
	const workFromMs = Date.UTC(2020, 0, 15) - settings.utcOffsetMinutes * 60_000;

	function signIn(params: Params): ApiReply {
		const userName = params.str('userName') ?? '';
		const password = params.str('password') ?? '';
		const nowMs = now().getTime();
		const issued = state.tokens.signIn(
			userName,
			password,
			nowMs,
			state.settings.tokenLifetimeSeconds,
		);
		if (!issued) return apiError(401, SIGN_IN_FAILED_MESSAGE);
		return {
			status: 201,
			response: {
				token: issued.token,
				expires: formatApiDate(issued.expiresAtMs, state.offsetMinutes),
			},
		};
	}

	function route(method: string, segments: string[], params: Params): ApiReply | undefined {
		const [first, second, ...rest] = segments;
		if (first === 'people') {
			if (method !== 'GET') return undefined;
			const me = state.users.find((user) => user.id === state.userId) ?? state.users[0];
			return peopleReply(state, segments.slice(1), params, me, workFromMs);
		}
		if (first !== 'crm' || second === undefined) return undefined;
		if (second !== 'task') {
			if (method !== 'GET') return undefined;
			return crmRecordReply(state, second, rest, params);
		}
		if (rest.length === 0) return method === 'POST' ? createTask(state, params) : undefined;
		if (rest[0] === 'filter' && rest.length === 1) {
			return method === 'GET' ? filterReply(state, params, orders) : undefined;
		}
		if (rest[0] === 'category') return categoryReplyFor(state, method, rest.slice(1), params);
		if (/^\d+$/.test(rest[0]) && rest.length <= 2) {
			return taskByIdReply(state, method, Number(rest[0]), rest[1], params);
		}
		return undefined;
	}

	async function apiReply(
		req: IncomingMessage,
		url: URL,
		segments: string[],
		log: RequestLogEntry,
	): Promise<ApiReply> {
		const method = req.method ?? 'GET';
		if (state.throttle.refuse(now().getTime())) {
			return {
				...apiError(503, THROTTLE_MESSAGE),
				headers: { 'Retry-After': String(state.throttle.retryAfterSeconds) },
			};
		}
		const raw = method === 'GET' ? '' : await readBody(req);
		const params = readParams(url, raw, header(req, 'content-type') ?? '');
		if (raw !== '') {
			try {
				log.body = JSON.parse(raw) as unknown;
			} catch {
				log.body = raw;
			}
		}
		if (typeof params === 'string') return apiError(400, params);
		state.nowMs = now().getTime();
		if (segments.length === 1 && segments[0] === 'authentication') {
			return method === 'POST' ? signIn(params) : apiError(404, METHOD_NOT_FOUND_MESSAGE);
		}
		const userId = state.tokens.authenticate(header(req, 'authorization'), state.nowMs);
		if (!userId) return apiError(401, UNAUTHORIZED_MESSAGE);
		state.userId = userId;
		return route(method, segments, params) ?? apiError(404, METHOD_NOT_FOUND_MESSAGE);
	}

	async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
		const { format, pathname } = negotiate(req, url.pathname);
		const segments = pathname
			.split('/')
			.filter((segment) => segment !== '')
			.slice(2)
			.map((segment) => decodeURIComponent(segment));
		const authorization = header(req, 'authorization');
		const log: RequestLogEntry = {
			at: now().toISOString(),
			method: req.method ?? 'GET',
			url: req.url ?? '',
			format,
			...(authorization ? { authorization: `${authorization.slice(0, 8)}…` } : {}),
		};
		logAnswer(res, log);
		await admitRequest(state, log);
		const reply = await apiReply(req, url, segments, log);
		sendApiReply(res, reply, format, state.settings.errorDetail);
	}

	const render = (task: OoTask) => renderTask(task, state, true);

	const sandbox: OnlyofficeSandbox = {
		state,
		now,
		reset(overrides = {}) {
			state.settings = settingsFrom(overrides);
			state.offsetMinutes = state.settings.utcOffsetMinutes;
			state.categories = new Map(seedCategories().map((category) => [category.id, category]));
			state.nextCategoryId = FIRST_CATEGORY_ID + state.categories.size;
			state.tasks = new Map();
			state.nextTaskId = FIRST_TASK_ID;
			state.throttle = new Throttle();
			Object.assign(state, quietTraffic<RequestLogEntry>());
			if (overrides.tokens === 'clear') state.tokens.expireAll();
			state.tokens.signIns = 0;
			state.tokens.failedSignIns = 0;
			if (overrides.seed ?? options.seed ?? true) {
				for (const task of seedTasks(now().getTime(), state.offsetMinutes)) {
					state.tasks.set(task.id, task);
				}
				state.nextTaskId = FIRST_TASK_ID + state.tasks.size;
			}
		},
		handler(req, res) {
			// The portal's clock dates every answer, as its web server does (HTTP Date, whole seconds):
			// Node would otherwise add the real time. The trigger takes it for the time of its poll.
			res.setHeader('Date', now().toUTCString());
			const url = new URL(req.url ?? '/', 'http://sandbox.local');
			const segments = url.pathname.split('/').filter((segment) => segment !== '');
			const handle = async () => {
				if (segments[0] === '__sandbox') {
					const raw = req.method === 'POST' ? await readBody(req) : '';
					let body: Record<string, unknown> | undefined;
					try {
						body = raw.trim() === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
					} catch {
						body = undefined;
					}
					const reply = controlReply(sandbox, req.method ?? 'GET', url, segments[1] ?? '', body);
					return sendJson(res, reply.status, reply.body, reply.headers);
				}
				if (segments[0] === 'api' && segments[1] === '2.0') return await handleApi(req, res, url);
				const { format } = negotiate(req, url.pathname);
				sendApiReply(
					res,
					apiError(404, 'ONLYOFFICE sandbox: try /api/2.0/... or /__sandbox/state'),
					format,
				);
			};
			handle().catch((error: unknown) => {
				if (res.headersSent) return;
				sendJson(res, 500, { status: 1, statusCode: 500, error: { message: String(error) } });
			});
		},
		start: async (port = 0, host = '127.0.0.1') => await listen(sandbox.handler, port, host),
		throttleNext(count, retryAfterSeconds) {
			state.throttle.remaining = Math.max(0, Math.floor(count));
			if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) {
				state.throttle.retryAfterSeconds = Math.floor(retryAfterSeconds);
			}
		},
		setRateLimit(limit, windowSeconds = 10) {
			state.throttle.setRate(limit, windowSeconds);
		},
		setLatency(ms) {
			state.latencyMs = Math.max(0, ms);
		},
		taskCount: () => state.tasks.size,
		throttleSnapshot: () => state.throttle.snapshot(),
		advanceClock: clock.advanceClock,
		setClock: clock.setClock,
		expireTokens: () => state.tokens.expireAll(),
		generateTasks(count) {
			const tasks = generateTasks(
				Math.max(0, Math.floor(count)),
				state.nextTaskId,
				now().getTime(),
			);
			for (const task of tasks) state.tasks.set(task.id, task);
			state.nextTaskId += tasks.length;
			return tasks.map((task) => task.id);
		},
		seedTasks(bodies) {
			const ids: number[] = [];
			state.nowMs = now().getTime();
			state.userId = OWNER_ID;
			for (const raw of bodies) {
				const { isClosed, ...body } = (raw ?? {}) as Record<string, unknown>;
				const params = readParams(
					new URL('http://seed.local/'),
					JSON.stringify(body),
					'application/json',
				);
				if (typeof params === 'string') return params;
				const reply = createTask(state, params);
				if (reply.status !== 201) return JSON.stringify(reply.error);
				const id = (reply.response as RenderedTask).id;
				if (isClosed === true) (state.tasks.get(id) as OoTask).isClosed = true;
				ids.push(id);
			}
			return ids;
		},
		snapshot: () => ({
			now: now().toISOString(),
			portalNow: formatApiDate(now().getTime(), state.offsetMinutes),
			settings: state.settings,
			throttle: state.throttle.snapshot(),
			signIns: state.tokens.signIns,
			failedSignIns: state.tokens.failedSignIns,
			issuedTokens: state.tokens.size,
			users: state.users,
			categories: [...state.categories.values()].map((category: OoCategory) =>
				renderCategory(category, state, true),
			),
			contacts: state.contacts,
			opportunities: state.deals,
			cases: state.cases,
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
