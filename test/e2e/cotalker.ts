/**
 * The Cotalker part of the end-to-end suite: a client of the Cotalker emulator (its controls and
 * the API calls the suite makes itself, as another Cotalker user would), and the checks of the
 * example workflows' output and of the calls n8n made.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	COTALKER_TOKEN,
	type CotTask,
	PROPERTY_IDS,
	STATE_IDS,
	TASK_GROUP_IDS,
	USER_IDS,
} from '../sandbox/cotalker';
import { expectEqual, expectTrue } from './checks';

/** A request the Cotalker emulator logged (its API only, never its controls). */
export interface CotalkerRequest {
	at: string;
	method: string;
	url: string;
	status?: number;
}

/** The emulator's state, as GET /__sandbox/state gives it. */
export interface CotalkerState {
	now: string;
	tasks: CotTask[];
	taskGroups: IDataObject[];
	states: IDataObject[];
	stateChanges: IDataObject[];
}

/** The emulator's controls, and Cotalker's API as another user (the same bot token) uses it. */
export class CotalkerSandboxClient {
	constructor(private readonly base: string) {}

	async control(method: string, path: string): Promise<unknown> {
		const response = await fetch(`${this.base}${path}`, { method });
		if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
		return await response.json();
	}

	async state(): Promise<CotalkerState> {
		return (await this.control('GET', '/__sandbox/state')) as CotalkerState;
	}

	async requests(): Promise<CotalkerRequest[]> {
		return (await this.control('GET', '/__sandbox/requests')) as CotalkerRequest[];
	}

	async clearRequests(): Promise<void> {
		await this.control('DELETE', '/__sandbox/requests');
	}

	/** A call to Cotalker's API with the sandbox token and the Admin header; its JSON answer. */
	async api(method: string, path: string, body?: IDataObject): Promise<unknown> {
		const response = await fetch(`${this.base}/api${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${COTALKER_TOKEN}`,
				Admin: 'true',
				'Content-Type': 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /api${path}: HTTP ${response.status} ${text}`);
		return JSON.parse(text) as unknown;
	}

	async createTask(group: string, body: IDataObject): Promise<CotTask> {
		const answer = (await this.api('POST', `/v1/tasks/${group}/task/create`, body)) as IDataObject;
		return (answer.task ?? answer) as unknown as CotTask;
	}

	async patchTask(group: string, task: string, body: IDataObject): Promise<CotTask> {
		return (await this.api('PATCH', `/v1/tasks/${group}/task/${task}`, body)) as CotTask;
	}

	/** Moves a task to the first of its allowed next states. */
	async moveTask(group: string, task: string): Promise<CotTask> {
		const next = (await this.api(
			'GET',
			`/v1/tasks/${group}/sm/nextsmstate?taskId=${task}`,
		)) as IDataObject[];
		expectTrue(next.length > 0, `task ${task} has a next state`);
		return await this.patchTask(group, task, { smState: next[0]._id as string });
	}

	async task(id: string): Promise<CotTask> {
		const found = (await this.state()).tasks.find((task) => task._id === id);
		if (!found) throw new Error(`no task ${id} in the Cotalker sandbox`);
		return found;
	}
}

/** What a trigger emission is compared by: the task and the moment of its change. */
export const changeKey = (task: IDataObject | CotTask): string => {
	const record = task as IDataObject;
	return `${String(record._id)}@${String(record.modifiedAt)}/${String(record.modifiedStateAt)}`;
};

/** The task as the sandbox holds it, keys sorted, for comparing with what n8n output. */
export function expectSameTask(actual: unknown, expected: unknown, what: string): void {
	const canonical = (value: unknown): unknown =>
		Array.isArray(value)
			? value.map(canonical)
			: value && typeof value === 'object'
				? Object.fromEntries(
						Object.keys(value)
							.sort()
							.map((key) => [key, canonical((value as IDataObject)[key])]),
					)
				: value;
	expectEqual(canonical(actual), canonical(expected), what);
}

/** The seed's task groups and users the examples and checks use (test/sandbox/cotalker/seed.ts). */
export const PROJECTS = TASK_GROUP_IDS.projects;
export const SUPPORT = TASK_GROUP_IDS.support;
export const { ana: ANA, bruno: BRUNO } = USER_IDS;

/** A task's list calls the triggers make (`GET /api/v2/task-groups/{id}/tasks?…isActive=all…`). */
export const isTriggerList = (request: CotalkerRequest) =>
	/^\/api\/v2\/task-groups\/[0-9a-f]{24}\/tasks\?/.test(request.url) &&
	/[?&]isActive=all(&|$)/.test(request.url);

/** Records sorted by ID, for comparing sets of tasks. */
export const byId = (tasks: Array<IDataObject | CotTask>): IDataObject[] =>
	(tasks as IDataObject[]).slice().sort((a, b) => String(a._id).localeCompare(String(b._id)));

/** An active seed task of `group` assigned to `user`, by the sandbox's current state. */
export async function seedTaskOf(
	client: CotalkerSandboxClient,
	group: string,
	user: string,
	except: string[] = [],
): Promise<CotTask> {
	const found = (await client.state()).tasks.find(
		(task) =>
			task.taskGroup === group &&
			task.assignee === user &&
			task.isActive &&
			!except.includes(task._id),
	);
	if (!found) throw new Error(`no active task of ${user} in task group ${group}`);
	return found;
}

type NodeOutputs = Record<string, IDataObject[]>;

/** The example's fixed references: seed IDs (test/sandbox/cotalker/seed.ts). */
const BOT = USER_IDS.bot;
const HIGH = PROPERTY_IDS.high;
const SALES = PROPERTY_IDS.sales;
const DOING = { state: STATE_IDS.doing, property: PROPERTY_IDS.doing };
const OPEN_STATE = STATE_IDS.open;
const HOUR = 3_600_000;

/** What the checks of one run of the "every operation" example need besides its output. */
export interface CotalkerRunContext {
	/** The emulator's state just after the run. */
	after: CotalkerState;
	/** Epoch milliseconds just before and just after the run. */
	startedAt: number;
	endedAt: number;
}

/** What the run made, for the request checks. */
export interface CotalkerMade {
	taskGroup: string;
	task: string;
}

const only = (outputs: NodeOutputs, node: string): IDataObject => {
	const items = outputs[node] ?? [];
	expectEqual(items.length, 1, `items out of "${node}"`);
	return items[0];
};

const without = (record: IDataObject, ...keys: string[]) =>
	Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

const byName = (a: IDataObject, b: IDataObject) => String(a.name).localeCompare(String(b.name));

/**
 * Checks each node of examples/cotalker-operations.workflow.json against what it asked for and
 * against the emulator's state: whole records, in Cotalker's order where it has one.
 */
export function checkOperationsRun(outputs: NodeOutputs, run: CotalkerRunContext): CotalkerMade {
	const { after } = run;
	const groupNow = (id: unknown) => after.taskGroups.find((group) => group._id === id);

	const group = only(outputs, 'Create task group');
	expectTrue(
		/^6a1e00000b00[0-9a-f]{12}$/.test(String(group.group)),
		`the new task group's workflow group is the expression's ObjectId: ${String(group.group)}`,
	);
	expectEqual(
		[group.defaultView, group.flowType, group.hideClosedAfterDays, group.isActive],
		['kanban', 'free', 7, true],
		'the new task group: default view, flow type, days closed tasks show, active',
	);
	expectSameTask(group, groupNow(group._id), 'the new task group as Cotalker keeps it');
	expectSameTask(only(outputs, 'Get task group'), group, 'Get task group');
	expectSameTask(
		outputs['List the new task group and projects'],
		[groupNow(PROJECTS), group].sort((a, b) =>
			String(a?.collectionName).localeCompare(String(b?.collectionName)),
		),
		'task groups listed by ID, by code name',
	);

	const created = only(outputs, 'Create task');
	expectSameTask(
		{
			...without(created, '_id', 'serial', 'channel', 'createdAt', 'modifiedAt', 'modifiedStateAt'),
		},
		{
			...without(created, '_id', 'serial', 'channel', 'createdAt', 'modifiedAt', 'modifiedStateAt'),
			taskGroup: PROJECTS,
			name: 'Prepare the kickoff',
			assignee: ANA,
			editors: [BOT, ANA],
			followers: [BRUNO],
			startDate: '2026-12-01T09:00:00.000Z',
			endDate: '2026-12-04T17:00:00.000Z',
			estimatedTime: 3,
			info: 'Agenda, room and invitations for the kickoff meeting.',
			status1: HIGH,
			status2: SALES,
			extensions: { project_data: { budget: 5000, code: 'KICK-1' } },
			smState: OPEN_STATE,
			isActive: true,
		},
		'the created task: every field the example set, in the initial state',
	);
	const createdAt = Date.parse(String(created.createdAt));
	expectTrue(
		createdAt >= run.startedAt && createdAt <= run.endedAt,
		`the task was created during the run: ${String(created.createdAt)}`,
	);
	expectSameTask(only(outputs, 'Get task'), created, 'Get task');

	const updated = only(outputs, 'Rename task and clear its department');
	const changing = ['name', 'endDate', 'status2', 'modifiedAt', '__v'];
	expectSameTask(
		without(updated, ...changing),
		without(created, ...changing),
		'Update keeps every field it was not asked to change',
	);
	expectEqual(
		[updated.name, updated.endDate, updated.status2],
		['Prepare the kickoff meeting', '2026-12-05T17:00:00.000Z', null],
		'Update: new name and end date, department cleared',
	);

	const moved = only(outputs, 'Move task to Doing');
	const moving = ['smState', 'status', 'modifiedAt', 'modifiedStateAt', '__v'];
	expectSameTask(
		without(moved, ...moving),
		without(updated, ...moving),
		'Move to State changes only the state',
	);
	expectEqual(
		[moved.smState, moved.status],
		[DOING.state, DOING.property],
		'Move to State: in Doing, with its property as status',
	);
	const movedAt = Date.parse(String(moved.modifiedStateAt));
	expectTrue(
		movedAt >= Date.parse(String(updated.modifiedAt)) &&
			Date.parse(String(moved.modifiedAt)) === movedAt,
		`Move to State: moved when changed (modifiedStateAt ${String(moved.modifiedStateAt)}, modifiedAt ${String(moved.modifiedAt)})`,
	);

	expectSameTask(
		outputs["Find Ana's kickoff tasks in Doing"],
		[moved],
		'Find by keywords, assignee and state',
	);

	// The tasks as they were while the workflow read them: the new one was deactivated after.
	const tasks = after.tasks.map((task) =>
		task._id === moved._id ? (moved as unknown as CotTask) : task,
	);
	const inProjects = (task: CotTask) => task.taskGroup === PROJECTS;
	const carriesHigh = (task: CotTask) =>
		['status', 'status1', 'status2', 'status3', 'status4', 'status5'].some(
			(slot) => (task as unknown as IDataObject)[slot] === HIGH,
		);
	expectSameTask(
		byId(outputs['Find tasks of high priority'] ?? []),
		byId(tasks.filter((task) => inProjects(task) && task.isActive && carriesHigh(task))),
		'Find by related property: the active tasks of high priority',
	);
	const active = tasks.filter(
		(task) => inProjects(task) && task.isActive,
	) as unknown as IDataObject[];
	expectSameTask(
		outputs['List 3 tasks by name'],
		active.slice().sort(byName).slice(0, 3),
		'List with Limit 3, by name',
	);
	const hourBefore = (at: number) => new Date(at - HOUR).toISOString();
	const unsure = active.filter(
		(task) =>
			String(task.modifiedAt) >= hourBefore(run.startedAt) &&
			String(task.modifiedAt) < hourBefore(run.endedAt),
	);
	expectEqual(unsure, [], 'tasks changed about an hour before the run (the range bound is $now)');
	expectSameTask(
		outputs['Tasks changed in the last hour'],
		active.filter((task) => String(task.modifiedAt) >= hourBefore(run.endedAt)).sort(byName),
		'Range: the tasks changed in the last hour, by name',
	);

	const deactivated = only(outputs, 'Delete (deactivate) task');
	const deactivating = ['isActive', 'modifiedAt', '__v'];
	expectSameTask(
		without(deactivated, ...deactivating),
		without(moved, ...deactivating),
		'Delete (Deactivate) changes only Active',
	);
	expectEqual(deactivated.isActive, false, 'Delete (Deactivate): Active off');
	expectSameTask(
		deactivated,
		after.tasks.find((task) => task._id === deactivated._id),
		'the deactivated task as Cotalker keeps it (still there)',
	);
	expectSameTask(
		outputs['List deactivated tasks'],
		(after.tasks.filter((task) => inProjects(task) && !task.isActive) as unknown as IDataObject[])
			.slice()
			.sort(byName),
		'List of deactivated tasks, by name, the deactivated one among them',
	);
	return { taskGroup: String(group._id), task: String(created._id) };
}

/**
 * Checks the calls the run made, in order: path, query and status (bodies are checked through
 * the state they left; the emulator refuses a write without the Admin header, and answered 200).
 */
export function checkOperationsRequests(
	requests: CotalkerRequest[],
	made: CotalkerMade,
	run: Pick<CotalkerRunContext, 'startedAt' | 'endedAt'>,
): void {
	const v1 = `/api/v1/tasks/${PROJECTS}/task`;
	const v2 = `/api/v2/task-groups/${PROJECTS}/tasks`;
	const list = { sortBy: 'name', orderBy: 'asc', page: '1', count: 'true' };
	const expected: Array<[string, Record<string, string>]> = [
		['POST /api/v2/task-groups', {}],
		[`GET /api/v2/task-groups/${made.taskGroup}`, {}],
		[
			'GET /api/v2/task-groups',
			{
				isActive: 'all',
				ids: `${made.taskGroup},${PROJECTS}`,
				createdAt_gte: '2026-01-01T00:00:00.000Z',
				sortBy: 'collectionName',
				orderBy: 'asc',
				limit: '100',
				page: '1',
				count: 'true',
			},
		],
		[`POST ${v1}/create`, {}],
		[`GET ${v1}/${made.task}`, {}],
		[`PATCH ${v1}/${made.task}`, {}],
		[`PATCH ${v1}/${made.task}`, {}],
		[
			`GET ${v1}`,
			{ search: 'kickoff', assignee: ANA, status: DOING.property, limit: '100', page: '1' },
		],
		[
			`GET ${v2}/relations`,
			{ property: HIGH, isActive: 'true', limit: '100', page: '1', count: 'true' },
		],
		[`GET ${v2}`, { isActive: 'true', ...list, limit: '3' }],
		[
			`GET ${v2}`,
			{ modifiedAt_gte: 'an hour before the run', isActive: 'true', ...list, limit: '100' },
		],
		[`PATCH ${v1}/${made.task}`, {}],
		[`GET ${v2}`, { isActive: 'false', ...list, limit: '100' }],
	];
	const sorted = (query: Record<string, string>) =>
		Object.fromEntries(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
	const seen = requests.map((request) => {
		const url = new URL(request.url, 'http://cotalker.test');
		const query = Object.fromEntries(url.searchParams.entries());
		if (query.modifiedAt_gte !== undefined) {
			const bound = Date.parse(query.modifiedAt_gte);
			if (bound >= run.startedAt - HOUR - 1000 && bound <= run.endedAt - HOUR)
				query.modifiedAt_gte = 'an hour before the run';
		}
		return `${request.method} ${url.pathname} ${String(request.status)} ${JSON.stringify(sorted(query))}`;
	});
	expectEqual(
		seen,
		expected.map(([call, query]) => {
			const [method, path] = call.split(' ');
			return `${method} ${path} 200 ${JSON.stringify(sorted(query))}`;
		}),
		'the calls of the run',
	);
}
