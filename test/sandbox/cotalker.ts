/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Stateful local emulator of Cotalker's task API, v1 and v2 (vendors.md §4, seed 004 =
 * specs/cotalker-docs-api-tasks-v2.md, specs/cotalker-docs-api-tasks-v1.md, model_tasks.md,
 * model_taskgroup.md, the official SDK's paths), for tests, `npm run dev` and the e2e suite.
 * Vendor API under `/api`, test controls under `/__sandbox`. v3 documents only webhook
 * subscriptions (set up in the admin panel), which the emulator does not serve.
 *
 *   const sandbox = createCotalkerSandbox({ now: () => fixedDate });
 *   const server = await sandbox.start(0); // { url, port, close() }
 *
 * Every request: `Authorization: Bearer <token>` (401 otherwise). `Admin: true` where the docs
 * mark it Required, and on every write ("must be present for modifying any endpoint") [?];
 * 403 without it. Ids are Mongo ObjectIds; a malformed one answers 400, an unknown one 404.
 * Errors are `{statusCode, error, message}` [?] (cotalker/replies.ts).
 *
 * v2 (lists answer `{data: {<key>: [...], count?}}`, `count` only with `count=true`; single
 *   records answer the bare document, like the docs' create sample [?]):
 *   GET  /api/v2/task-groups                       (key taskGroups [?])
 *   POST /api/v2/task-groups                       Admin, body {group}
 *   GET  /api/v2/task-groups/{g}                   Admin
 *   GET  /api/v2/task-groups/{g}/tasks             (key tasks [?], switchable; Admin widens it)
 *   GET  /api/v2/tasks/{g}/task                    (the docs' sample-curl path, same answer [?])
 *   GET  /api/v2/task-groups/{g}/tasks/relations   Admin; assignee, property
 *   GET  /api/v2/task-groups/{g}/tasks/{t}         (undocumented [?])
 *   GET  /api/v2/task-groups/{g}/tasks/{t}/sm-state-changes   {data: {values, count}}
 *   GET  /api/v2/users   /api/v2/users/me   /api/v2/properties   /api/v2/properties/{id}
 * v1 (also without the version, `/api/tasks/...`, as the SDK calls it; bare answers):
 *   GET  /api/v1/tasks/group  Admin   POST /api/v1/tasks/group  Admin [?]
 *   GET  /api/v1/tasks/group/{g}      PATCH /api/v1/tasks/group/{g}  Admin
 *   GET  /api/v1/tasks/{g}/task       POST /api/v1/tasks/{g}/task/all
 *   POST /api/v1/tasks/{g}/task/create  Admin [?]   ({task} with the createWrap control)
 *   GET  /api/v1/tasks/{g}/task/{t}   PATCH /api/v1/tasks/{g}/task/{t}  Admin [?] (partial)
 *   GET  /api/v1/tasks/{g}/task/serial/{n}
 *   GET  /api/v1/tasks/{g}/sm/nextsmstate?taskId=   /sm/smstate[/all]   /sm/smstatemachine
 *   GET  /api/v1/users/me
 *   No DELETE anywhere (404): deactivate with PATCH {isActive: false}. A state move is a PATCH
 *   of `smState` to one of nextsmstate's states (else 400); it sets modifiedStateAt.
 *
 * Control API (no auth, never throttled; see cotalker/control.ts):
 *   POST /__sandbox/reset[?seed=false&arrayKey=tasks&createWrap=false]
 *   POST /__sandbox/shape?arrayKey=<key>&createWrap=true|false
 *   POST /__sandbox/throttle?count=2[&retryAfter=1] | ?rate=N&windowSeconds=60 | ?off=true  (429 + Retry-After)
 *   POST /__sandbox/latency?ms=50   (every vendor answer waits 50 ms; 0 turns it off)
 *   POST /__sandbox/clock?advanceSeconds=90 | ?set=2026-01-01T00:00:00Z
 *   POST /__sandbox/seed?count=N[&group=<taskGroupId>] | ?group=<id> + body {tasks: [<create bodies>]}
 *   GET  /__sandbox/state          GET|DELETE /__sandbox/requests   GET /__sandbox/requests?count=true
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { controlReply } from './cotalker/control';
import { isObjectId, KIND, objectId } from './cotalker/ids';
import {
	findTasks,
	groupByState,
	type Listed,
	listProperties,
	listRelations,
	listTaskGroups,
	listTasksV1,
	listTasksV2,
	listUsers,
} from './cotalker/lists';
import {
	type ApplyContext,
	applyTaskBody,
	blankTask,
	copy,
	type CotProperty,
	type CotState,
	type CotStateChange,
	type CotStateMachine,
	type CotTask,
	type CotTaskGroup,
	type CotUser,
	enterState,
	GROUP_PATCH_RULES,
	nextStates,
} from './cotalker/model';
import { QueryError } from './cotalker/query';
import {
	ADMIN_REQUIRED_MESSAGE,
	badRequest,
	cotalkerError,
	invalidId,
	notFound,
	ok,
	type Reply,
	THROTTLE_MESSAGE,
	UNAUTHORIZED_MESSAGE,
} from './cotalker/replies';
import {
	COMPANY_ID,
	FIRST_GENERATED_COUNTER,
	generateTasks,
	seedWorld,
	taskGroup,
	USER_IDS,
} from './cotalker/seed';
import { sandboxClock } from './control';
import { SortedMatches } from './sortedMatches';
import { listen, readBody, type RunningServer, sendJson } from './http';
import { Throttle } from './onlyoffice/throttle';
import { admitRequest, type ApiTraffic, logAnswer, quietTraffic } from './traffic';

export { DEFAULT_LIMIT, MAX_LIMIT } from './cotalker/query';
export { isObjectId, scrambleKey } from './cotalker/ids';
export {
	COMPANY_ID,
	GROUP_IDS,
	PROPERTY_IDS,
	STATE_IDS,
	STATE_MACHINE_IDS,
	TASK_GROUP_IDS,
	USER_IDS,
} from './cotalker/seed';
export { ADMIN_REQUIRED_MESSAGE, THROTTLE_MESSAGE, UNAUTHORIZED_MESSAGE } from './cotalker/replies';
export type { CotState, CotTask, CotTaskGroup, CotUser } from './cotalker/model';
export type { RunningServer } from './http';

/** The admin-panel API token (a bot user's bearer token, vendors.md §4.1) the emulator knows. */
export const COTALKER_TOKEN = 'sandbox-cotalker-token';
/** The v2 task list's array key by default: like `data.users` and `data.properties` [?]. */
export const DEFAULT_ARRAY_KEY = 'tasks';
export const TASK_GROUP_ARRAY_KEY = 'taskGroups';

export interface ApiToken {
	token: string;
	/** The user the token acts as (a seeded user's id). */
	userId: string;
}

export interface CotalkerSandboxOptions {
	tokens?: ApiToken[];
	/** Injectable clock; the control API's clock offset is added on top. */
	now?: () => Date;
	/** Seed the 15 tasks (default true). Users, properties, groups and states are always there. */
	seed?: boolean;
	/** The v2 task list's array key (default `tasks`). */
	arrayKey?: string;
	/** Answer a v1 create as `{task}` (the SDK's reading) instead of the bare task (the docs'). */
	createWrap?: boolean;
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

export interface CotalkerState extends ApiTraffic<RequestLogEntry> {
	users: CotUser[];
	properties: CotProperty[];
	taskGroups: CotTaskGroup[];
	stateMachines: CotStateMachine[];
	states: CotState[];
	tasks: Map<string, CotTask>;
	stateChanges: CotStateChange[];
	/** Counter of the next created id (tasks, channels, groups, state changes). */
	counter: number;
	arrayKey: string;
	createWrap: boolean;
	throttle: Throttle;
}

export interface CotalkerSnapshot {
	now: string;
	arrayKey: string;
	createWrap: boolean;
	throttle: ReturnType<Throttle['snapshot']>;
	users: CotUser[];
	properties: CotProperty[];
	taskGroups: CotTaskGroup[];
	stateMachines: CotStateMachine[];
	states: CotState[];
	tasks: CotTask[];
	stateChanges: CotStateChange[];
}

export interface CotalkerSandbox {
	state: CotalkerState;
	handler(req: IncomingMessage, res: ServerResponse): void;
	start(port?: number, host?: string): Promise<RunningServer>;
	now(): Date;
	reset(overrides?: { seed?: boolean; arrayKey?: string; createWrap?: boolean }): void;
	setShape(shape: { arrayKey?: string; createWrap?: boolean }): void;
	throttleNext(count: number, retryAfterSeconds?: number): void;
	setRateLimit(limit: number | null, windowSeconds?: number): void;
	/** Waits `ms` before answering each vendor API request from now on (0: no wait; reset: 0). */
	setLatency(ms: number): void;
	/** How many tasks the emulator holds. */
	taskCount(): number;
	throttleSnapshot(): ReturnType<Throttle['snapshot']>;
	advanceClock(seconds: number): void;
	setClock(at: Date): void;
	/** Adds `count` generated tasks to a task group (default Projects); ids or an error. */
	generateTasks(count: number, taskGroupId?: string): string[] | string;
	/** Creates tasks from create bodies in a task group, as the token's user; ids or an error. */
	seedTasks(bodies: unknown[], taskGroupId?: string): string[] | string;
	snapshot(): CotalkerSnapshot;
	getTask(id: string): CotTask | undefined;
	listTasks(): CotTask[];
}

type Body = Record<string, unknown>;

function parseJsonObject(raw: string): Body | undefined {
	if (raw.trim() === '') return {};
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as Body)
			: undefined;
	} catch {
		return undefined;
	}
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** What a route handler gets: path parameters, the query, the acting user, the body. */
interface Call {
	params: Record<string, string>;
	query: URLSearchParams;
	user: CotUser;
	admin: boolean;
	body(): Promise<Body | undefined>;
}

interface Route {
	method: string;
	/** Literal segments, or `:name` for a parameter (`...Id` parameters must be ObjectIds). */
	path: string[];
	admin?: boolean;
	handle(call: Call): Reply | Promise<Reply>;
}

export function createCotalkerSandbox(options: CotalkerSandboxOptions = {}): CotalkerSandbox {
	const baseNow = options.now ?? (() => new Date());
	const tokens = options.tokens ?? [{ token: COTALKER_TOKEN, userId: USER_IDS.bot }];
	const clock = sandboxClock(baseNow);
	const { now } = clock;
	const nowIso = () => now().toISOString();
	const state = {} as CotalkerState;

	const findGroup = (id: string) =>
		state.taskGroups.find((group) => group._id === id.toLowerCase());
	const groupStates = (group: CotTaskGroup) =>
		state.states.filter((candidate) => candidate.stateMachine === group.initialStateMachine);
	const tasksOf = (group: CotTaskGroup) =>
		[...state.tasks.values()].filter((task) => task.taskGroup === group._id);
	/** The group's next serial (a loop: 100,000 serials are too many arguments for Math.max). */
	const nextSerial = (group: CotTaskGroup) =>
		tasksOf(group).reduce((highest, task) => Math.max(highest, task.serial), 0) + 1;
	const applyContext = (group: CotTaskGroup): ApplyContext => ({
		userIds: new Set(state.users.map((user) => user._id)),
		propertyIds: new Set(state.properties.map((property) => property._id)),
		states: groupStates(group),
		flowType: group.flowType,
		nowIso: nowIso(),
	});
	const nextCounter = () => state.counter++;
	/** "Admin: Grants a wider range of available tasks": without it, the user's own [?]. */
	const visible = (call: Call) => (task: CotTask) =>
		call.admin || task.userList.includes(call.user._id);

	const listEnvelope = (key: string, result: Listed<unknown>): Reply =>
		ok({
			data: {
				[key]: result.page.map((record) => copy(record)),
				...(result.paging.count ? { count: result.total } : {}),
			},
		});

	function createTask(group: CotTaskGroup, body: Body, creator: string): Reply {
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			return badRequest('name is required');
		}
		const counter = nextCounter();
		const serial = nextSerial(group);
		const task = blankTask({
			_id: objectId(KIND.task, counter),
			company: COMPANY_ID,
			taskGroup: group._id,
			serial,
			createdBy: creator,
			channel: objectId(KIND.channel, counter),
			nowIso: nowIso(),
		});
		const machine = state.stateMachines.find(
			(candidate) => candidate._id === group.initialStateMachine,
		);
		const initial = state.states.find((candidate) => candidate._id === machine?.initialState);
		if (initial) enterState(task, initial, nowIso());
		// A create starts in the machine's initial state: `smState` in the body is ignored [?].
		const fields = { ...body };
		delete fields.smState;
		const result = applyTaskBody(task, fields, applyContext(group));
		if ('status' in result) return result;
		state.tasks.set(result.task._id, result.task);
		return ok(state.createWrap ? { task: copy(result.task) } : copy(result.task));
	}

	function updateTask(group: CotTaskGroup, task: CotTask, body: Body, user: string): Reply {
		// One reading of the clock: a state move stamps modifiedStateAt and modifiedAt alike.
		const context = applyContext(group);
		const result = applyTaskBody(task, body, context);
		if ('status' in result) return result;
		// Nothing changed (an empty body, the same values): modifiedAt stays [?].
		if (result.changed) {
			result.task.modifiedAt = context.nowIso;
			result.task.__v++;
		}
		if (result.stateChange) {
			state.stateChanges.push({
				_id: objectId(KIND.stateChange, nextCounter()),
				task: task._id,
				taskGroup: group._id,
				previousSmState: result.stateChange.from,
				smState: result.stateChange.to,
				user,
				createdAt: nowIso(),
			});
		}
		state.tasks.set(task._id, result.task);
		return ok(copy(result.task));
	}

	function createGroup(body: Body): Reply {
		if (!isObjectId(body.group)) return badRequest('group is required: the ObjectId of a COTGroup');
		const groupRef = body.group.toLowerCase();
		// "The group must be exclusively assigned to the task group" (409 [?]).
		if (state.taskGroups.some((group) => group.group === groupRef)) {
			return cotalkerError(409, `group ${groupRef} already has a task group`);
		}
		const counter = nextCounter();
		const group = taskGroup({
			_id: objectId(KIND.taskGroup, counter),
			group: groupRef,
			collectionName:
				typeof body.collectionName === 'string' && body.collectionName !== ''
					? body.collectionName
					: `task_manager_${counter}`,
			iso: nowIso(),
		});
		const error = patchGroup(group, body);
		if (error) return error;
		group.modifiedAt = group.createdAt;
		group.__v = 0;
		state.taskGroups.push(group);
		return ok(copy(group));
	}

	/** Applies the patchable fields present in `body`; read-only and unknown ones are ignored. */
	function patchGroup(group: CotTaskGroup, body: Body): Reply | undefined {
		for (const [field, rule] of Object.entries(GROUP_PATCH_RULES)) {
			if (!(field in body)) continue;
			const error = rule(body[field]);
			if (error) return badRequest(error);
		}
		const before = JSON.stringify(group);
		for (const field of Object.keys(GROUP_PATCH_RULES)) {
			if (!(field in body)) continue;
			const value = copy(body[field]);
			if (field === 'taskPropertyPermissions') {
				group.taskPropertyPermissions = (value as Body[]).map((entry) => ({
					property: String(entry.property).toLowerCase(),
					editor: (entry.editor ?? []) as string[],
					follower: (entry.follower ?? []) as string[],
				}));
			} else {
				(group as unknown as Body)[field] = value;
			}
		}
		if (JSON.stringify(group) !== before) {
			group.modifiedAt = nowIso();
			group.__v++;
		}
		return undefined;
	}

	/** The task group of `:groupId`, or a 404 reply. */
	function withGroup(call: Call, then: (group: CotTaskGroup) => Reply | Promise<Reply>) {
		const group = findGroup(call.params.groupId);
		return group ? then(group) : notFound('Task group');
	}

	function withTask(
		call: Call,
		then: (group: CotTaskGroup, task: CotTask) => Reply | Promise<Reply>,
	) {
		return withGroup(call, (group) => {
			const task = state.tasks.get(call.params.taskId.toLowerCase());
			return task && task.taskGroup === group._id ? then(group, task) : notFound('Task');
		});
	}

	async function withBody(
		call: Call,
		then: (body: Body) => Reply | Promise<Reply>,
	): Promise<Reply> {
		const body = await call.body();
		return body ? await then(body) : badRequest('The body must be a JSON object');
	}

	const v1Tasks: Route[] = [
		{
			method: 'GET',
			path: ['tasks', 'group'],
			admin: true,
			handle: ({ query }) => {
				const result = listTaskGroups(state.taskGroups, query);
				const groups = result.page.map((group) => copy(group));
				// "count: Adds the `counter` field": then an object around the array [?].
				return ok(result.paging.count ? { counter: result.total, data: groups } : groups);
			},
		},
		{
			method: 'POST',
			path: ['tasks', 'group'],
			admin: true,
			handle: async (call) => await withBody(call, createGroup),
		},
		{
			method: 'GET',
			path: ['tasks', 'group', ':groupId'],
			handle: (call) => withGroup(call, (group) => ok(copy(group))),
		},
		{
			method: 'PATCH',
			path: ['tasks', 'group', ':groupId'],
			admin: true,
			handle: async (call) =>
				await withBody(call, (body) =>
					withGroup(call, (group) => patchGroup(group, body) ?? ok(copy(group))),
				),
		},
		{
			method: 'GET',
			path: ['tasks', ':groupId', 'task'],
			handle: (call) =>
				withGroup(call, (group) => {
					const result = listTasksV1(tasksOf(group).filter(visible(call)), call.query);
					const filter = call.query.get('filter');
					if (filter !== null) {
						if (!isObjectId(filter)) return invalidId('filter', filter);
						return ok(groupByState(result.page.map(copy), groupStates(group)));
					}
					return ok(result.page.map(copy));
				}),
		},
		{
			method: 'POST',
			path: ['tasks', ':groupId', 'task', 'all'],
			handle: async (call) =>
				await withBody(call, (body) =>
					withGroup(call, (group) => ok(findTasks(tasksOf(group), body).map(copy))),
				),
		},
		{
			method: 'POST',
			path: ['tasks', ':groupId', 'task', 'create'],
			admin: true,
			handle: async (call) =>
				await withBody(call, (body) =>
					withGroup(call, (group) => createTask(group, body, call.user._id)),
				),
		},
		{
			method: 'GET',
			path: ['tasks', ':groupId', 'task', 'serial', ':serial'],
			handle: (call) =>
				withGroup(call, (group) => {
					if (!/^\d+$/.test(call.params.serial)) return badRequest('serial must be a number');
					const task = tasksOf(group).find(
						(candidate) => candidate.serial === Number(call.params.serial),
					);
					return task ? ok(copy(task)) : notFound('Task');
				}),
		},
		{
			method: 'GET',
			path: ['tasks', ':groupId', 'task', ':taskId'],
			handle: (call) => withTask(call, (_group, task) => ok(copy(task))),
		},
		{
			method: 'PATCH',
			path: ['tasks', ':groupId', 'task', ':taskId'],
			admin: true,
			handle: async (call) =>
				await withBody(call, (body) =>
					withTask(call, (group, task) => updateTask(group, task, body, call.user._id)),
				),
		},
		{
			method: 'GET',
			path: ['tasks', ':groupId', 'sm', 'nextsmstate'],
			handle: (call) =>
				withGroup(call, (group) => {
					const taskId = call.query.get('taskId');
					if (taskId === null) return badRequest('taskId is required');
					if (!isObjectId(taskId)) return invalidId('taskId', taskId);
					const task = state.tasks.get(taskId.toLowerCase());
					if (!task || task.taskGroup !== group._id) return notFound('Task');
					return ok(nextStates(task, applyContext(group)).map(copy));
				}),
		},
		...['smstate', 'smstate/all'].map(
			(path): Route => ({
				method: 'GET',
				path: ['tasks', ':groupId', 'sm', ...path.split('/')],
				handle: (call) => withGroup(call, (group) => ok(groupStates(group).map(copy))),
			}),
		),
		{
			method: 'GET',
			path: ['tasks', ':groupId', 'sm', 'smstatemachine'],
			handle: (call) =>
				withGroup(call, (group) =>
					ok(state.stateMachines.filter((machine) => machine.taskGroup === group._id).map(copy)),
				),
		},
		{ method: 'GET', path: ['users', 'me'], handle: ({ user }) => ok(copy(user)) },
	];

	const orders = new SortedMatches<CotTask>();
	const listTasksRoute = (path: string[]): Route => ({
		method: 'GET',
		path,
		handle: (call) =>
			withGroup(call, (group) => {
				const visibleTo = visible(call);
				const scope = (task: CotTask) => task.taskGroup === group._id && visibleTo(task);
				const listed = listTasksV2(state.tasks.values(), scope, call.query, orders);
				return listEnvelope(state.arrayKey, listed);
			}),
	});

	const v2: Route[] = [
		{
			method: 'GET',
			path: ['task-groups'],
			handle: ({ query }) =>
				listEnvelope(TASK_GROUP_ARRAY_KEY, listTaskGroups(state.taskGroups, query)),
		},
		{
			method: 'POST',
			path: ['task-groups'],
			admin: true,
			handle: async (call) => await withBody(call, createGroup),
		},
		{
			method: 'GET',
			path: ['task-groups', ':groupId'],
			admin: true,
			handle: (call) => withGroup(call, (group) => ok(copy(group))),
		},
		listTasksRoute(['task-groups', ':groupId', 'tasks']),
		listTasksRoute(['tasks', ':groupId', 'task']),
		{
			method: 'GET',
			path: ['task-groups', ':groupId', 'tasks', 'relations'],
			admin: true,
			handle: (call) =>
				withGroup(call, (group) =>
					listEnvelope(state.arrayKey, listRelations(tasksOf(group), call.query)),
				),
		},
		{
			method: 'GET',
			path: ['task-groups', ':groupId', 'tasks', ':taskId'],
			handle: (call) => withTask(call, (_group, task) => ok(copy(task))),
		},
		{
			method: 'GET',
			path: ['task-groups', ':groupId', 'tasks', ':taskId', 'sm-state-changes'],
			handle: (call) =>
				withTask(call, (_group, task) => {
					const values = state.stateChanges.filter((change) => change.task === task._id).map(copy);
					return ok({ data: { values, count: values.length } });
				}),
		},
		{
			method: 'GET',
			path: ['users'],
			handle: ({ query }) => listEnvelope('users', listUsers(state.users, query)),
		},
		{ method: 'GET', path: ['users', 'me'], handle: ({ user }) => ok(copy(user)) },
		{
			method: 'GET',
			path: ['properties'],
			handle: ({ query }) => listEnvelope('properties', listProperties(state.properties, query)),
		},
		{
			method: 'GET',
			path: ['properties', ':propertyId'],
			handle: ({ params }) => {
				const property = state.properties.find(
					(candidate) => candidate._id === params.propertyId.toLowerCase(),
				);
				return property ? ok(copy(property)) : notFound('Property');
			},
		},
	];

	function match(routes: Route[], method: string, segments: string[]) {
		for (const route of routes) {
			if (route.method !== method || route.path.length !== segments.length) continue;
			const params: Record<string, string> = {};
			const matches = route.path.every((part, index) => {
				if (part.startsWith(':')) {
					params[part.slice(1)] = safeDecode(segments[index]);
					return true;
				}
				return part === segments[index];
			});
			if (matches) return { route, params };
		}
		return undefined;
	}

	async function apiReply(
		req: IncomingMessage,
		url: URL,
		segments: string[],
		log: RequestLogEntry,
	) {
		if (state.throttle.refuse(now().getTime())) {
			return {
				...cotalkerError(429, THROTTLE_MESSAGE),
				headers: { 'Retry-After': String(state.throttle.retryAfterSeconds) },
			};
		}
		const authorization = header(req, 'authorization') ?? '';
		const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
		const token = tokens.find((candidate) => candidate.token === bearer);
		const user = state.users.find((candidate) => candidate._id === token?.userId);
		if (!user) return cotalkerError(401, UNAUTHORIZED_MESSAGE);
		const method = req.method ?? 'GET';
		// /api/v1/... and /api/tasks/... (the SDK's form) are the same routes [?].
		const [version, ...rest] = segments;
		const found =
			version === 'v2'
				? match(v2, method, rest)
				: version === 'v1'
					? match(v1Tasks, method, rest)
					: match(v1Tasks, method, segments);
		// Express-like: a path without this method (e.g. any DELETE) is simply not there.
		if (!found) return cotalkerError(404, `Cannot ${method} ${url.pathname}`);
		const admin = (header(req, 'admin') ?? '').trim().toLowerCase() === 'true';
		if (found.route.admin && !admin) return cotalkerError(403, ADMIN_REQUIRED_MESSAGE);
		for (const [name, value] of Object.entries(found.params)) {
			if (name.endsWith('Id') && !isObjectId(value)) return invalidId(name, value);
		}
		const call: Call = {
			params: found.params,
			query: url.searchParams,
			user,
			admin,
			body: async () => {
				const raw = await readBody(req);
				const body = parseJsonObject(raw);
				log.body = body ?? raw;
				return body;
			},
		};
		try {
			return await found.route.handle(call);
		} catch (error) {
			// A malformed query parameter or query body is a 400; anything else a 500.
			return error instanceof QueryError
				? badRequest(error.message)
				: cotalkerError(500, String(error));
		}
	}

	async function handleApi(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		segments: string[],
	) {
		const log: RequestLogEntry = { at: nowIso(), method: req.method ?? 'GET', url: req.url ?? '' };
		logAnswer(res, log);
		await admitRequest(state, log);
		const reply = await apiReply(req, url, segments, log);
		// The server's clock dates every answer (HTTP Date, whole seconds), as a web server does:
		// Node would otherwise add this machine's time, not the emulator's (see the clock control).
		// A test wrapper may have dated the answer otherwise, or turned the header off.
		if (res.sendDate && !res.hasHeader('date')) res.setHeader('Date', now().toUTCString());
		sendJson(res, reply.status, reply.body, reply.headers);
	}

	const sandbox: CotalkerSandbox = {
		state,
		now,
		reset(overrides = {}) {
			const world = seedWorld(now().getTime(), overrides.seed ?? options.seed ?? true);
			Object.assign(state, {
				users: world.users,
				properties: world.properties,
				taskGroups: world.taskGroups,
				stateMachines: world.stateMachines,
				states: world.states,
				tasks: new Map(world.tasks.map((task) => [task._id, task])),
				stateChanges: [],
				counter: FIRST_GENERATED_COUNTER,
				arrayKey: overrides.arrayKey ?? options.arrayKey ?? DEFAULT_ARRAY_KEY,
				createWrap: overrides.createWrap ?? options.createWrap ?? false,
				throttle: new Throttle(),
				...quietTraffic<RequestLogEntry>(),
			} satisfies CotalkerState);
		},
		setShape({ arrayKey, createWrap }) {
			if (arrayKey !== undefined && arrayKey !== '') state.arrayKey = arrayKey;
			if (createWrap !== undefined) state.createWrap = createWrap;
		},
		handler(req, res) {
			const url = new URL(req.url ?? '/', 'http://sandbox.local');
			const segments = url.pathname.split('/').filter((segment) => segment !== '');
			const handle = async () => {
				if (segments[0] === '__sandbox') {
					const raw = req.method === 'POST' ? await readBody(req) : '';
					const reply = controlReply(
						sandbox,
						req.method ?? 'GET',
						url,
						segments[1] ?? '',
						parseJsonObject(raw),
					);
					return sendJson(res, reply.status, reply.body, reply.headers);
				}
				if (segments[0] === 'api') return await handleApi(req, res, url, segments.slice(1));
				const reply = cotalkerError(
					404,
					'Cotalker sandbox: try /api/v2/task-groups or /__sandbox/state',
				);
				sendJson(res, reply.status, reply.body);
			};
			handle().catch((error: unknown) => {
				if (res.headersSent) return;
				const reply = cotalkerError(500, String(error));
				sendJson(res, reply.status, reply.body);
			});
		},
		start: async (port = 0, host = '127.0.0.1') => await listen(sandbox.handler, port, host),
		throttleNext(count, retryAfterSeconds) {
			state.throttle.remaining = Math.max(0, Math.floor(count));
			if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) {
				state.throttle.retryAfterSeconds = Math.floor(retryAfterSeconds);
			}
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
		generateTasks(count, taskGroupId = state.taskGroups[0]._id) {
			const group = findGroup(taskGroupId);
			if (!group) return `no task group ${taskGroupId}`;
			const machine = state.stateMachines.find(
				(candidate) => candidate._id === group.initialStateMachine,
			);
			const initial = state.states.find((candidate) => candidate._id === machine?.initialState);
			const total = Math.max(0, Math.floor(count));
			const serial = nextSerial(group);
			const tasks = generateTasks(total, group, initial, state.counter, serial, now().getTime());
			state.counter += total;
			for (const task of tasks) state.tasks.set(task._id, task);
			return tasks.map((task) => task._id);
		},
		seedTasks(bodies, taskGroupId = state.taskGroups[0]._id) {
			const group = findGroup(taskGroupId);
			if (!group) return `no task group ${taskGroupId}`;
			const ids: string[] = [];
			for (const raw of bodies) {
				const reply = createTask(group, (raw ?? {}) as Body, tokens[0].userId);
				if (reply.status !== 200) return JSON.stringify(reply.body);
				const body = reply.body as CotTask | { task: CotTask };
				ids.push('task' in body ? body.task._id : body._id);
			}
			return ids;
		},
		snapshot: () => ({
			now: nowIso(),
			arrayKey: state.arrayKey,
			createWrap: state.createWrap,
			throttle: state.throttle.snapshot(),
			users: copy(state.users),
			properties: copy(state.properties),
			taskGroups: copy(state.taskGroups),
			stateMachines: copy(state.stateMachines),
			states: copy(state.states),
			tasks: sandbox.listTasks(),
			stateChanges: copy(state.stateChanges),
		}),
		getTask(id) {
			const task = state.tasks.get(id.toLowerCase());
			return task && copy(task);
		},
		listTasks: () =>
			[...state.tasks.values()]
				.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id))
				.map(copy),
	};
	sandbox.reset();
	return sandbox;
}
