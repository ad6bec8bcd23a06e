/**
 * The Cotalker part of the end-to-end suite: a client of the Cotalker emulator (its controls and
 * the API calls the suite makes itself, as another Cotalker user would), and the checks of the
 * example workflows' output and of the calls n8n made.
 */
import type { IDataObject } from 'n8n-workflow';

import { COTALKER_TOKEN, type CotTask, TASK_GROUP_IDS, USER_IDS } from '../sandbox/cotalker';
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
