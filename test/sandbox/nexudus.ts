/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Stateful local emulator of the Nexudus Spaces admin REST API (vendors.md §1), for tests
 * and the end-to-end suite. Vendor API under `/api`, test controls under `/__sandbox`.
 *
 *   const sandbox = createNexudusSandbox({ now: () => fixedDate });
 *   const server = await sandbox.start(0); // { url, port, close() }
 *
 * Control API (no auth, never throttled; see nexudus/control.ts and ../control.ts):
 *   POST /__sandbox/reset[?timestampMode=&localUtcOffsetMinutes=&tokenLifetimeSeconds=&listProjection=&tokens=clear]
 *   POST /__sandbox/throttle?count=2&retryAfter=1 | ?rate=10&windowSeconds=60[&retryAfter=5] | ?off=true   (409 + Retry-After)
 *   POST /__sandbox/latency?ms=50   (every vendor answer waits 50 ms; 0 turns it off)
 *   POST /__sandbox/clock?advanceSeconds=90 | ?set=2026-01-01T00:00:00Z
 *   POST /__sandbox/seed?count=1000 | body {tasks: [<coworker task bodies as for POST /api/spaces/coworkertasks>]}
 *   POST /__sandbox/expire-tokens
 *   GET  /__sandbox/state          GET|DELETE /__sandbox/requests   GET /__sandbox/requests?count=true
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sandboxClock } from './control';
import { listen, readBody, type RunningServer, sendJson, sendText } from './http';
import { type AdminAccount, TokenStore } from './nexudus/auth';
import { HISTORY_COMMANDS, TASK_COMMANDS } from './nexudus/commands';
import { controlReply } from './nexudus/control';
import type { ClockSettings, TimestampMode } from './nexudus/dates';
import { EntityCollection } from './nexudus/entities';
import {
	type ApiRecord,
	coworkerTaskDefinition,
	crmOpportunityHistoryDefinition,
	type ReferenceData,
} from './nexudus/model';
import { QueryError } from './nexudus/query';
import { REFERENCE_TABLES, referenceReply } from './nexudus/reference';
import { methodNotSupported, type Reply } from './nexudus/replies';
import { generateTasks, SEED_REFERENCE_DATA, seedHistories, seedTasks } from './nexudus/seed';
import { admitRequest, type ApiTraffic, logAnswer, quietTraffic } from './traffic';

export type { TimestampMode } from './nexudus/dates';
export type { RunningServer } from './http';

export const NEXUDUS_ADMIN_EMAIL = 'admin@sandbox.test';
export const NEXUDUS_ADMIN_PASSWORD = 'sandbox-password';
export const NEXUDUS_THROTTLE_MESSAGE = 'You must wait before accessing this url again.';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 604799;

export type NexudusEntity = 'CoworkerTask' | 'CrmOpportunityHistory';

export interface NexudusSandboxOptions {
	admins?: AdminAccount[];
	tokenLifetimeSeconds?: number;
	/** `localWithFakeZ`: stamps are the business's wall-clock followed by a literal `Z`. */
	timestampMode?: TimestampMode;
	/** Business local time offset from UTC in minutes (default 120, i.e. UTC+2, no DST). */
	localUtcOffsetMinutes?: number;
	/** The business's IANA time zone, with its daylight-saving changes, instead of a fixed offset. */
	timeZone?: string;
	/** Injectable clock; the control API's clock offset is added on top. */
	now?: () => Date;
	/** Search results omit detail-only fields (`summary`, default), or return full records. */
	listProjection?: 'summary' | 'full';
	/** Seed the demo data (default true). */
	seed?: boolean;
	/** Answer 409 once more than `limit` vendor requests arrive within `windowSeconds`. */
	rateLimit?: { limit: number; windowSeconds: number; retryAfterSeconds?: number };
}

export interface NexudusSettings extends ClockSettings {
	tokenLifetimeSeconds: number;
	listProjection: 'summary' | 'full';
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

export interface ThrottleState {
	/** The next `remaining` vendor requests answer 409. */
	remaining: number;
	retryAfterSeconds: number;
	/** Optional rate limit: at most `limit` requests per `windowSeconds`, else 409. */
	rate?: { limit: number; windowSeconds: number; hits: number[] };
}

export interface NexudusState extends ApiTraffic<RequestLogEntry> {
	settings: NexudusSettings;
	reference: ReferenceData;
	collections: Record<NexudusEntity, EntityCollection>;
	throttle: ThrottleState;
}

export type ThrottleSnapshot = Omit<ThrottleState, 'rate'> & {
	rate?: { limit: number; windowSeconds: number };
};

export interface NexudusSnapshot {
	now: string;
	settings: NexudusSettings;
	throttle: ThrottleSnapshot;
	activeTokens: number;
	reference: ReferenceData;
	coworkerTasks: ApiRecord[];
	crmOpportunityHistories: ApiRecord[];
}

export interface NexudusSandbox {
	state: NexudusState;
	handler(req: IncomingMessage, res: ServerResponse): void;
	start(port?: number, host?: string): Promise<RunningServer>;
	now(): Date;
	reset(overrides?: Partial<NexudusSettings>): void;
	throttleNext(count: number, retryAfterSeconds?: number): void;
	setRateLimit(limit: number | null, windowSeconds?: number, retryAfterSeconds?: number): void;
	clearThrottle(): void;
	throttleSnapshot(): ThrottleSnapshot;
	/** Waits `ms` before answering each vendor API request from now on (0: no wait; reset: 0). */
	setLatency(ms: number): void;
	/** How many coworker tasks the emulator holds. */
	taskCount(): number;
	/** Adds `count` generated coworker tasks (seed.ts `generateTasks`); returns their ids. */
	generateTasks(count: number): number[];
	/** Creates coworker tasks from bodies as for POST /api/spaces/coworkertasks; ids or an error. */
	seedTasks(bodies: unknown[]): number[] | string;
	advanceClock(seconds: number): void;
	setClock(at: Date): void;
	expireTokens(): void;
	clearTokens(): void;
	snapshot(): NexudusSnapshot;
	/** Rendered (full) record, as `GET /api/<path>/{id}` would return it. */
	getRecord(entity: NexudusEntity, id: number): ApiRecord | undefined;
	listRecords(entity: NexudusEntity): ApiRecord[];
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Matches `/api/<path>[/rest...]` against a resource path; returns the rest or undefined. */
function matchPath(segments: string[], resourcePath: string): string[] | undefined {
	const parts = resourcePath.split('/');
	const head = segments.slice(1, 1 + parts.length).map((segment) => segment.toLowerCase());
	return head.join('/') === resourcePath ? segments.slice(1 + parts.length) : undefined;
}

async function entityReply(
	collection: EntityCollection,
	rest: string[],
	req: IncomingMessage,
	params: URLSearchParams,
	user: string,
	log: RequestLogEntry,
): Promise<Reply> {
	const method = req.method ?? 'GET';
	const [segment] = rest;
	const isId = rest.length === 1 && /^\d+$/.test(segment);
	if (method === 'GET' && rest.length === 0) return collection.search(params);
	if (method === 'GET' && rest.length === 1 && segment === 'commands') {
		return collection.listCommands();
	}
	if (method === 'GET' && isId) return collection.get(Number(segment));
	if (method === 'DELETE' && isId) return collection.remove(Number(segment), user);
	const isRunCommand = method === 'POST' && rest.length === 1 && segment === 'runcommand';
	const isWrite = isRunCommand || ((method === 'POST' || method === 'PUT') && rest.length === 0);
	if (!isWrite) {
		return method === 'GET' ? { status: 404, body: 'Not found' } : methodNotSupported(method);
	}
	const raw = await readBody(req);
	const body = parseJsonObject(raw);
	log.body = body ?? raw;
	if (!body) return { status: 400, body: { Message: 'The request is invalid.' } };
	if (isRunCommand) return collection.runCommand(body, user);
	return method === 'POST' ? collection.create(body, user) : collection.replace(body, user);
}

export function createNexudusSandbox(options: NexudusSandboxOptions = {}): NexudusSandbox {
	const baseNow = options.now ?? (() => new Date());
	const initialSettings = (): NexudusSettings => ({
		timestampMode: options.timestampMode ?? 'utc',
		localUtcOffsetMinutes: options.localUtcOffsetMinutes ?? 120,
		timeZone: options.timeZone,
		tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
		listProjection: options.listProjection ?? 'summary',
	});
	const initialThrottle = (): ThrottleState => {
		const { rateLimit } = options;
		return {
			remaining: 0,
			retryAfterSeconds: rateLimit?.retryAfterSeconds ?? 1,
			rate: rateLimit && { ...rateLimit, hits: [] },
		};
	};
	const clock = sandboxClock(baseNow);
	const { now } = clock;
	const nowMs = () => now().getTime();
	const reference = SEED_REFERENCE_DATA;
	const context = { clock: () => state.settings, reference, nowMs };
	const state: NexudusState = {
		settings: initialSettings(),
		reference,
		collections: {
			CoworkerTask: new EntityCollection(coworkerTaskDefinition, TASK_COMMANDS, context),
			CrmOpportunityHistory: new EntityCollection(
				crmOpportunityHistoryDefinition,
				HISTORY_COMMANDS,
				context,
			),
		},
		throttle: initialThrottle(),
		...quietTraffic<RequestLogEntry>(),
	};
	const collections = Object.values(state.collections);
	const admins = options.admins ?? [
		{ email: NEXUDUS_ADMIN_EMAIL, password: NEXUDUS_ADMIN_PASSWORD },
	];
	const tokens = new TokenStore(admins, () => state.settings.tokenLifetimeSeconds);

	/** Returns the Retry-After seconds when this request must be throttled. */
	function throttled(): number | undefined {
		const { throttle } = state;
		if (throttle.remaining > 0) {
			throttle.remaining--;
			return throttle.retryAfterSeconds;
		}
		if (!throttle.rate) return undefined;
		const current = nowMs();
		const windowMs = throttle.rate.windowSeconds * 1000;
		throttle.rate.hits = throttle.rate.hits.filter((hit) => hit > current - windowMs);
		if (throttle.rate.hits.length >= throttle.rate.limit) {
			const oldest = throttle.rate.hits[0] ?? current;
			return Math.max(1, Math.ceil((oldest + windowMs - current) / 1000));
		}
		throttle.rate.hits.push(current);
		return undefined;
	}

	async function apiReply(
		req: IncomingMessage,
		url: URL,
		segments: string[],
		log: RequestLogEntry,
	) {
		const retryAfter = throttled();
		if (retryAfter !== undefined) return { retryAfter };
		const method = req.method ?? 'GET';
		if (matchPath(segments, 'token')?.length === 0) {
			if (method !== 'POST') return methodNotSupported(method);
			const result = tokens.grant(req.headers['content-type'], await readBody(req), nowMs());
			return { status: result.status, body: result.body };
		}
		const user = tokens.authenticate(req.headers.authorization, nowMs());
		if (!user) {
			return { status: 401, body: { Message: 'Authorization has been denied for this request.' } };
		}
		for (const collection of collections) {
			const rest = matchPath(segments, collection.definition.path);
			if (rest) return await entityReply(collection, rest, req, url.searchParams, user, log);
		}
		for (const table of REFERENCE_TABLES) {
			const rest = matchPath(segments, table.path);
			if (rest) return referenceReply(table, rest, method, url.searchParams, state.reference);
		}
		const message = `No HTTP resource was found that matches the request URI '${url.pathname}'.`;
		return { status: 404, body: { Message: message } };
	}

	async function handleApi(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		segments: string[],
	) {
		const log: RequestLogEntry = {
			at: now().toISOString(),
			method: req.method ?? 'GET',
			url: req.url ?? '',
		};
		logAnswer(res, log);
		await admitRequest(state, log);
		const reply = await apiReply(req, url, segments, log);
		if ('retryAfter' in reply) {
			const headers = { 'Retry-After': String(reply.retryAfter) };
			sendText(res, 409, NEXUDUS_THROTTLE_MESSAGE, headers);
			return;
		}
		sendJson(res, reply.status, reply.body, reply.headers);
	}

	const sandbox: NexudusSandbox = {
		state,
		now,
		reset(overrides = {}) {
			state.settings = { ...initialSettings(), ...overrides };
			state.throttle = initialThrottle();
			Object.assign(state, quietTraffic<RequestLogEntry>());
			const seeded = options.seed ?? true;
			const seedTime = nowMs();
			const tasks = state.collections.CoworkerTask;
			const histories = state.collections.CrmOpportunityHistory;
			tasks.load(seeded ? seedTasks(seedTime, tasks.definition.firstId) : []);
			histories.load(seeded ? seedHistories(seedTime, histories.definition.firstId) : []);
		},
		handler(req, res) {
			const url = new URL(req.url ?? '/', 'http://sandbox.local');
			const segments = url.pathname.split('/').filter((segment) => segment !== '');
			const handle = async () => {
				if (segments[0] === '__sandbox') {
					const raw = req.method === 'POST' ? await readBody(req) : '';
					const body = raw.trim() === '' ? {} : parseJsonObject(raw);
					const reply = controlReply(sandbox, req.method ?? 'GET', url, segments[1] ?? '', body);
					return sendJson(res, reply.status, reply.body, reply.headers);
				}
				if (segments[0]?.toLowerCase() === 'api') return await handleApi(req, res, url, segments);
				sendText(res, 404, 'Nexudus sandbox: try /api/... or /__sandbox/state');
			};
			handle().catch((error: unknown) => {
				if (res.headersSent) return;
				if (error instanceof QueryError) return sendJson(res, 400, { Message: error.message });
				sendJson(res, 500, { Message: 'An error has occurred.', Detail: String(error) });
			});
		},
		start: async (port = 0, host = '127.0.0.1') => await listen(sandbox.handler, port, host),
		throttleNext(count, retryAfterSeconds = 1) {
			state.throttle.remaining = Math.max(0, Math.floor(count));
			state.throttle.retryAfterSeconds = retryAfterSeconds;
		},
		setRateLimit(limit, windowSeconds = 60, retryAfterSeconds) {
			state.throttle.rate = limit === null ? undefined : { limit, windowSeconds, hits: [] };
			if (retryAfterSeconds !== undefined) state.throttle.retryAfterSeconds = retryAfterSeconds;
		},
		clearThrottle() {
			state.throttle = { remaining: 0, retryAfterSeconds: 1 };
		},
		throttleSnapshot() {
			const { rate, ...throttle } = state.throttle;
			return {
				...throttle,
				rate: rate && { limit: rate.limit, windowSeconds: rate.windowSeconds },
			};
		},
		setLatency(ms) {
			state.latencyMs = Math.max(0, ms);
		},
		taskCount: () => state.collections.CoworkerTask.records.size,
		generateTasks(count) {
			const tasks = state.collections.CoworkerTask;
			const total = Math.max(0, Math.floor(count));
			return tasks.add((firstId) => generateTasks(total, firstId, nowMs()));
		},
		seedTasks(bodies) {
			const ids: number[] = [];
			for (const body of bodies) {
				const reply = state.collections.CoworkerTask.create(
					(body ?? {}) as Record<string, unknown>,
					admins[0].email,
				);
				if (reply.status !== 200) return JSON.stringify(reply.body);
				ids.push((reply.body as { Value: { Id: number } }).Value.Id);
			}
			return ids;
		},
		advanceClock: clock.advanceClock,
		setClock: clock.setClock,
		expireTokens: () => tokens.expireAll(),
		clearTokens: () => tokens.clear(),
		snapshot() {
			return {
				now: now().toISOString(),
				settings: state.settings,
				throttle: sandbox.throttleSnapshot(),
				activeTokens: tokens.size,
				reference: state.reference,
				coworkerTasks: state.collections.CoworkerTask.all(),
				crmOpportunityHistories: state.collections.CrmOpportunityHistory.all(),
			};
		},
		getRecord(entity, id) {
			const collection = state.collections[entity];
			const record = collection.records.get(id);
			return record && collection.render(record);
		},
		listRecords: (entity) => state.collections[entity].all(),
	};
	sandbox.reset();
	return sandbox;
}
