import type { IDataObject } from 'n8n-workflow';

import {
	DEFAULT_UTC_OFFSET_MINUTES,
	formatApiDate,
	ONLYOFFICE_BASE_PATH,
	ONLYOFFICE_PASSWORD,
	ONLYOFFICE_USER_NAME,
	parseApiDate,
	SEED_CONTACTS,
	SEED_USERS,
} from '../sandbox/onlyoffice';
import { renderContactBase, renderEmployee } from '../sandbox/onlyoffice/model';
import { expectEqual, expectTrue } from './checks';

type NodeOutputs = Record<string, IDataObject[]>;

/** A request the ONLYOFFICE emulator logged (portal API only, never its controls). */
export interface OnlyofficeRequest {
	method: string;
	url: string;
	status?: number;
	format?: 'json' | 'xml';
	authorization?: string;
	body?: unknown;
}

/** What the checks of one run of the "every operation" example need besides its output. */
export interface OnlyofficeRunContext {
	/** The emulator's tasks and categories just before the run, as GET /__sandbox/state gives them. */
	tasksBefore: IDataObject[];
	categoriesBefore: IDataObject[];
	/** Epoch milliseconds just before and just after the run. */
	startedAt: number;
	endedAt: number;
}

const [OLGA, MIKE] = SEED_USERS.map((user) => user.id);
const KIM = SEED_CONTACTS.find((contact) => contact.id === 302)!;
const MEETING = 33;
const ACME_RENEWAL = { entityType: 'opportunity', entityId: 402, entityTitle: 'Acme renewal 2027' };
const IMAGES = '/Products/CRM/App_Themes/default/images/';
/** A moment as the portal writes it (its offset, seven fraction digits). */
const portalDate = (iso: string) => formatApiDate(Date.parse(iso), DEFAULT_UTC_OFFSET_MINUTES);
const momentOf = (value: unknown) => parseApiDate(value, DEFAULT_UTC_OFFSET_MINUTES) ?? NaN;

/** JSON with sorted keys: records are compared without regard to key order. */
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

export const expectSame = (actual: unknown, expected: unknown, what: string) =>
	expectEqual(canonical(actual), canonical(expected), what);

/**
 * A task as ONLYOFFICE lists it (`GET crm/task/filter`, and so as the trigger emits it): as read
 * one by one, but its category without `relativeItemsCount`.
 */
export function listed(task: IDataObject): IDataObject {
	if (!task.category) return { ...task };
	const category = { ...(task.category as IDataObject) };
	delete category.relativeItemsCount;
	return { ...task, category };
}

const compareText = (a: unknown, b: unknown) => {
	const left = String(a ?? '').toLowerCase();
	const right = String(b ?? '').toLowerCase();
	return left < right ? -1 : left > right ? 1 : 0;
};

/** ONLYOFFICE's task order by deadline: open tasks first, then deadline, title and ID. */
const byDeadline = (direction: 1 | -1) => (a: IDataObject, b: IDataObject) =>
	Number(a.isClosed === true) - Number(b.isClosed === true) ||
	direction * (momentOf(a.deadLine) - momentOf(b.deadLine)) ||
	compareText(a.title, b.title) ||
	(a.id as number) - (b.id as number);

const within = (value: unknown, low: number, high: number, what: string) => {
	const moment = momentOf(value);
	expectTrue(
		moment >= low - 1000 && moment <= high + 1000,
		`${what}: expected a moment between ${new Date(low).toISOString()} and ${new Date(high).toISOString()}, got ${JSON.stringify(value)}`,
	);
};

/**
 * What the ONLYOFFICE "every operation" workflow must have produced, node by node, in real n8n:
 * each node's exact output, derived from what the workflow sets and the emulator's records
 * before the run. Returns the task and the category it created.
 */
export function checkOperationsRun(
	nodes: NodeOutputs,
	run: OnlyofficeRunContext,
): { task: IDataObject; second: IDataObject; category: IDataObject } {
	const highest = (records: IDataObject[]) => Math.max(...records.map((r) => r.id as number));
	const category = {
		id: highest(run.categoriesBefore) + 1,
		title: 'Site visit',
		description: "Visits at the customer's site",
		color: '',
		sortOrder: 4,
		imagePath: `${IMAGES}task_category_meeting.png`,
	};
	expectSame(
		nodes['Create task category'],
		[{ ...category, relativeItemsCount: 0 }],
		'Create task category output',
	);

	const [created] = nodes['Create task'];
	expectEqual(nodes['Create task'].length, 1, 'Create task: number of items');
	within(created.created, run.startedAt, run.endedAt, 'Create task: created');
	const task = {
		id: highest(run.tasksBefore) + 1,
		createBy: renderEmployee(SEED_USERS, OLGA),
		created: created.created,
		contact: renderContactBase(KIM),
		title: 'Visit Acme for the renewal',
		description: 'Walk through the renewal offer on site.',
		// 09:00 UTC, as the portal writes it: in its own offset.
		deadLine: portalDate('2026-12-01T09:00:00Z'),
		alertValue: 30,
		responsible: renderEmployee(SEED_USERS, MIKE),
		category: { ...category, relativeItemsCount: 1 },
		entity: ACME_RENEWAL,
		canEdit: true,
	};
	expectSame(created, task, 'Create task output (every field)');
	expectSame(nodes['Get task'], [task], 'Get task output');

	const renamed = { ...task, title: 'Visit Acme: renewal and upsell' };
	expectSame(
		nodes['Rename task (every other field kept)'],
		[renamed],
		'Update output (new title, every other field kept although the PUT replaces the task)',
	);
	const closed = { ...renamed, isClosed: true };
	expectSame(nodes['Close task'], [closed], 'Run Command close output');
	expectSame(
		nodes["Find Mike's closed Acme site visits"],
		[listed(closed)],
		'Find output (filters, deadline range and sort in one list request)',
	);

	const all = [...run.tasksBefore.map(listed), listed(closed)];
	expectSame(
		nodes['List 3 tasks by deadline'],
		[...all].sort(byDeadline(1)).slice(0, 3),
		'List output (Limit 3, open tasks first, earliest deadline first)',
	);
	const [from, to] = [Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-07T23:59:59Z')];
	expectSame(
		nodes['Tasks due in the first week of December'],
		all
			.filter((t) => momentOf(t.deadLine) >= from && momentOf(t.deadLine) <= to)
			.sort(byDeadline(-1)),
		'Range output (due in the first week of December, open first, latest deadline first)',
	);
	expectSame(nodes['Reopen task'], [renamed], 'Run Command reopen output (open again)');
	expectSame(nodes['Delete task'], [{ id: task.id, deleted: true }], 'Delete task output');

	const [second] = nodes['Create a task in the category'];
	within(second.created, run.startedAt, run.endedAt, 'Create a task in the category: created');
	const expectedSecond = {
		id: task.id + 1,
		createBy: renderEmployee(SEED_USERS, OLGA),
		created: second.created,
		title: 'Plan the next site visit',
		deadLine: portalDate('2026-12-15T10:00:00Z'),
		responsible: renderEmployee(SEED_USERS, MIKE),
		category: { ...category, relativeItemsCount: 1 },
		canEdit: true,
	};
	expectSame(
		nodes['Create a task in the category'],
		[expectedSecond],
		'Create output (required fields only: no contact, description, reminder or link)',
	);
	expectSame(
		nodes['List task categories'],
		[...run.categoriesBefore, { ...category, relativeItemsCount: 1 }],
		'List task categories output (in their order, the new one last)',
	);
	expectSame(
		nodes['Rename task category (every other field kept)'],
		[{ ...category, title: 'Site visits', relativeItemsCount: 1 }],
		'Update task category output (new title; description, position and icon kept)',
	);
	expectSame(
		nodes['Delete task category, its tasks to Meeting'],
		[{ id: category.id, deleted: true }],
		'Delete task category output',
	);
	return { task, second: expectedSecond, category };
}

/**
 * The ONLYOFFICE calls of that run, in order, with their bodies and queries: one sign-in (after
 * the first call was refused, if a token that no longer works was stored), one request per
 * operation (an update reads, replaces and reads again), every call answered in JSON and every
 * call after the sign-in sent with the token.
 */
export function checkOperationsRequests(
	all: OnlyofficeRequest[],
	ids: { task: number; category: number },
): void {
	const { task, category } = ids;
	const signIn = all.findIndex(
		(request) => request.url === `${ONLYOFFICE_BASE_PATH}/authentication`,
	);
	expectTrue(
		signIn >= 0 && all.slice(0, signIn).every((request) => request.status === 401),
		`the run signs in once before its first accepted call: ${JSON.stringify(all.slice(0, signIn + 1))}`,
	);
	const requests = all.slice(signIn);
	const filter = '/crm/task/filter?';
	expectEqual(
		requests.map((request) => `${request.method} ${request.url} ${String(request.status)}`),
		[
			'POST /authentication 201',
			'POST /crm/task/category 201',
			'POST /crm/task 201',
			`GET /crm/task/${task} 200`,
			`GET /crm/task/${task} 200`,
			`PUT /crm/task/${task} 200`,
			`GET /crm/task/${task} 200`,
			`PUT /crm/task/${task}/close 200`,
			`GET ${filter}categoryid=${category}&isClosed=true&entityType=opportunity&entityid=402&responsibleid=${MIKE}&filterValue=Acme%20renewal&fromDate=2026-12-01T00-00-00.000Z&toDate=2026-12-01T23-59-59.000Z&sortBy=title&sortOrder=descending&startIndex=0&count=500 200`,
			`GET ${filter}sortBy=deadLine&sortOrder=ascending&startIndex=0&count=3 200`,
			`GET ${filter}fromDate=2026-12-01T00-00-00.000Z&toDate=2026-12-07T23-59-59.000Z&sortBy=deadLine&sortOrder=descending&startIndex=0&count=500 200`,
			`PUT /crm/task/${task}/reopen 200`,
			`DELETE /crm/task/${task} 200`,
			'POST /crm/task 201',
			'GET /crm/task/category?startIndex=0&count=500 200',
			`GET /crm/task/category/${category} 200`,
			`PUT /crm/task/category/${category} 200`,
			`GET /crm/task/category/${category} 200`,
			`DELETE /crm/task/category/${category}?newcategoryid=${MEETING} 200`,
		].map((call) => call.replace(' /', ` ${ONLYOFFICE_BASE_PATH}/`)),
		'ONLYOFFICE calls of the run',
	);
	requests.forEach((request, index) => {
		const what = `call ${index + 1} (${request.method} ${request.url})`;
		expectEqual(request.format, 'json', `${what}: answered in`);
		if (index > 0) expectTrue(request.authorization, `${what}: sent without the token`);
	});
	const body = (index: number) => requests[index].body;
	expectSame(
		body(0),
		{ userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD },
		'Sign-in body',
	);
	expectSame(
		body(1),
		{
			title: 'Site visit',
			description: "Visits at the customer's site",
			imageName: 'task_category_meeting.png',
			sortOrder: 4,
		},
		'Create task category body',
	);
	expectSame(
		body(2),
		{
			title: 'Visit Acme for the renewal',
			deadline: '2026-12-01T09:00:00.000Z',
			responsibleId: MIKE,
			categoryId: category,
			alertValue: 30,
			contactId: KIM.id,
			description: 'Walk through the renewal offer on site.',
			entityType: 'opportunity',
			entityId: 402,
			isNotify: true,
		},
		'Create task body (every field)',
	);
	expectSame(
		body(5),
		{
			taskid: task,
			title: 'Visit Acme: renewal and upsell',
			deadline: portalDate('2026-12-01T09:00:00Z'),
			responsibleId: MIKE,
			categoryId: category,
			alertValue: 30,
			contactId: KIM.id,
			description: 'Walk through the renewal offer on site.',
			entityType: 'opportunity',
			entityId: 402,
		},
		'Update body (the whole task as read, only the title changed)',
	);
	expectSame(
		body(13),
		{
			title: 'Plan the next site visit',
			deadline: '2026-12-15T10:00:00.000Z',
			responsibleId: MIKE,
			categoryId: category,
		},
		'Create body (required fields only)',
	);
	expectSame(
		body(16),
		{
			id: category,
			title: 'Site visits',
			description: "Visits at the customer's site",
			imageName: 'task_category_meeting.png',
			sortOrder: 4,
		},
		'Update task category body (the whole category as read, only the title changed)',
	);
}

/** Talks to the ONLYOFFICE emulator: as a portal user through its API, and through its controls. */
export class OnlyofficeSandboxClient {
	private token = '';

	constructor(private readonly baseUrl: string) {}

	async control(method: string, path: string): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, { method });
		if (!response.ok)
			throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
		return await response.json();
	}

	/** Signs in as the sandbox admin and returns a new token. */
	async signIn(): Promise<string> {
		const response = await fetch(`${this.baseUrl}${ONLYOFFICE_BASE_PATH}/authentication`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD }),
		});
		if (response.status !== 201) throw new Error(`sign-in: HTTP ${response.status}`);
		return ((await response.json()) as { response: { token: string } }).response.token;
	}

	/** A portal API call with the admin's token (signing in again once if it was refused). */
	private async api(method: string, path: string, body?: IDataObject): Promise<IDataObject> {
		for (let attempt = 0; ; attempt++) {
			if (!this.token) this.token = await this.signIn();
			const response = await fetch(`${this.baseUrl}${ONLYOFFICE_BASE_PATH}${path}`, {
				method,
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					Authorization: this.token,
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			if (response.status === 401 && attempt === 0) {
				this.token = '';
				continue;
			}
			if (!response.ok)
				throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
			return ((await response.json()) as { response: IDataObject }).response;
		}
	}

	async closeTask(id: number): Promise<IDataObject> {
		return await this.api('PUT', `/crm/task/${id}/close`);
	}

	async reopenTask(id: number): Promise<IDataObject> {
		return await this.api('PUT', `/crm/task/${id}/reopen`);
	}

	/** Changes a task's title (a full-replace PUT, so every other field is sent as read). */
	async renameTask(id: number, title: string): Promise<IDataObject> {
		const task = await this.api('GET', `/crm/task/${id}`);
		const entity = task.entity as IDataObject | undefined;
		return await this.api('PUT', `/crm/task/${id}`, {
			title,
			description: task.description as string,
			deadline: task.deadLine as string,
			responsibleId: (task.responsible as IDataObject).id as string,
			categoryId: (task.category as IDataObject).id as number,
			contactId: ((task.contact as IDataObject | undefined)?.id as number) ?? 0,
			entityType: (entity?.entityType as string) ?? '',
			entityId: (entity?.entityId as number) ?? 0,
			alertValue: (task.alertValue as number) ?? 0,
		});
	}

	async state(): Promise<IDataObject> {
		return (await this.control('GET', '/__sandbox/state')) as IDataObject;
	}

	/** The portal API calls the emulator received, oldest first. */
	async requests(): Promise<OnlyofficeRequest[]> {
		return (await this.control('GET', '/__sandbox/requests')) as OnlyofficeRequest[];
	}

	async clearRequests(): Promise<void> {
		await this.control('DELETE', '/__sandbox/requests');
	}
}
