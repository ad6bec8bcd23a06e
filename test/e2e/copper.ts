import type { IDataObject } from 'n8n-workflow';

import {
	COPPER_API_KEY,
	COPPER_APPLICATION,
	COPPER_BASE_PATH,
	COPPER_USER_EMAIL,
} from '../sandbox/copper';
import { expectEqual, expectTrue } from './checks';

type NodeOutputs = Record<string, IDataObject[]>;

/** A request the Copper emulator logged (vendor API only, never its controls). */
export interface CopperRequest {
	method: string;
	url: string;
	status?: number;
	body?: unknown;
}

/** What the checks of one run of the "every operation" example need to know besides its output. */
export interface CopperRunContext {
	/** The emulator's tasks just before the run, as GET /__sandbox/state gives them. */
	tasksBefore: IDataObject[];
	/** Unix seconds just before and just after the run. */
	startedAt: number;
	endedAt: number;
}

const ADA = 137659;
const WEBSITE_RELAUNCH = { id: 144296, type: 'project' };
const unix = (iso: string) => Date.parse(iso) / 1000;
const iso = (seconds: unknown) =>
	typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null;

/** A task as the node and the trigger output it: Copper's fields, then a readable copy of each date. */
export const presented = (task: IDataObject): IDataObject => ({
	...task,
	due_date_iso: iso(task.due_date),
	reminder_date_iso: iso(task.reminder_date),
	completed_date_iso: iso(task.completed_date),
	date_created_iso: iso(task.date_created),
	date_modified_iso: iso(task.date_modified),
});

/** JSON with sorted keys: request bodies are compared without regard to key order. */
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

const expectSameBody = (actual: unknown, expected: unknown, what: string) =>
	expectEqual(canonical(actual), canonical(expected), what);

const within = (value: unknown, low: number, high: number, what: string) =>
	expectTrue(
		typeof value === 'number' && value >= low && value <= high,
		`${what}: expected a Unix time between ${low} and ${high}, got ${JSON.stringify(value)}`,
	);

const byNewest = (property: string) => (a: IDataObject, b: IDataObject) =>
	(b[property] as number) - (a[property] as number) || (b.id as number) - (a.id as number);

/**
 * What the Copper "every operation" workflow must have produced, node by node, in real n8n: each
 * node's exact output, derived from what the workflow sets and the emulator's tasks before the run.
 */
export function checkOperationsRun(nodes: NodeOutputs, run: CopperRunContext): IDataObject {
	const [created] = nodes['Create task'];
	expectEqual(nodes['Create task'].length, 1, 'Create task: number of items');
	within(created.date_created, run.startedAt, run.endedAt, 'Create task: date_created');
	const highestBefore = Math.max(...run.tasksBefore.map((task) => task.id as number));
	const stamp = created.date_created as number;
	const expectedCreated = presented({
		id: highestBefore + 1,
		name: 'Send the relaunch proposal',
		related_resource: WEBSITE_RELAUNCH,
		assignee_id: ADA,
		due_date: unix('2026-12-01T09:00:00Z'),
		reminder_date: unix('2026-11-30T09:00:00Z'),
		completed_date: null,
		priority: 'High',
		status: 'Open',
		details: 'Include the timeline and the budget.',
		tags: ['proposal', 'website'],
		// Every task custom field, in the account's order: Channel "Email" is option 2, Teams
		// "Sales, Support" options 20 and 21, Effort 2.5; unset ones as Copper shows them.
		custom_fields: [
			{ custom_field_definition_id: 3, value: null },
			{ custom_field_definition_id: 6, value: null },
			{ custom_field_definition_id: 7, value: false },
			{ custom_field_definition_id: 8, value: 2 },
			{ custom_field_definition_id: 9, value: 2.5 },
			{ custom_field_definition_id: 12, value: [20, 21] },
		],
		date_created: stamp,
		date_modified: stamp,
	});
	expectEqual(created, expectedCreated, 'Create task output');
	expectEqual(nodes['Get task'], [created], 'Get task output');

	const updateName = 'Mark task done, clear due date';
	const [updated] = nodes[updateName];
	within(updated.date_modified, stamp, run.endedAt, `${updateName}: date_modified`);
	expectEqual(
		nodes[updateName],
		[
			presented({
				...created,
				due_date: null,
				completed_date: updated.date_modified,
				status: 'Completed',
				date_modified: updated.date_modified,
			}),
		],
		`${updateName} output (status Completed, due date cleared, every other field kept)`,
	);
	expectEqual(nodes["Find Ada's done proposal tasks"], [updated], 'Find output');

	const before = run.tasksBefore.map(presented);
	expectEqual(
		nodes['List 3 newest tasks'],
		[updated, ...[...before].sort(byNewest('date_created')).slice(0, 2)],
		'List output (Limit 3, newest first)',
	);
	expectEqual(
		nodes['Tasks changed in the last hour'],
		[
			updated,
			...before
				.filter((task) => (task.date_modified as number) >= run.startedAt - 3600)
				.sort(byNewest('date_modified')),
		],
		'Range output (modified in the last hour, newest change first)',
	);
	expectEqual(nodes['Delete task'], [{ id: created.id, deleted: true }], 'Delete task output');
	return created;
}

/**
 * The Copper API calls of that run, in order, with their bodies: one request per operation (plus
 * the custom field definitions where custom fields are written or searched), searches paged in the
 * body, and every call accepted, which the emulator only does with all three X-PW-* headers right.
 */
export function checkOperationsRequests(
	requests: CopperRequest[],
	created: IDataObject,
	run: CopperRunContext,
): void {
	const id = created.id as number;
	expectEqual(
		requests.map((request) => `${request.method} ${request.url} ${String(request.status)}`),
		[
			'GET /custom_field_definitions 200',
			'POST /tasks 200',
			`GET /tasks/${id} 200`,
			`PUT /tasks/${id} 200`,
			'GET /custom_field_definitions 200',
			'POST /tasks/search 200',
			'POST /tasks/search 200',
			'POST /tasks/search 200',
			`DELETE /tasks/${id} 200`,
		].map((call) => call.replace(' /', ` ${COPPER_BASE_PATH}/`)),
		'Copper calls of the run (any other status than 200 would mean a missing X-PW-* header)',
	);
	const body = (index: number) => (requests[index].body ?? {}) as IDataObject;
	expectSameBody(
		body(1),
		{
			name: 'Send the relaunch proposal',
			assignee_id: ADA,
			custom_fields: [
				{ custom_field_definition_id: 8, value: 2 },
				{ custom_field_definition_id: 12, value: [20, 21] },
				{ custom_field_definition_id: 9, value: 2.5 },
			],
			details: 'Include the timeline and the budget.',
			due_date: unix('2026-12-01T09:00:00Z'),
			priority: 'High',
			related_resource: WEBSITE_RELAUNCH,
			reminder_date: unix('2026-11-30T09:00:00Z'),
			status: 'Open',
			tags: ['proposal', 'website'],
		},
		'Create body',
	);
	expectSameBody(body(3), { status: 'Completed', due_date: null }, 'Update body (a partial PUT)');

	const day = 24 * 3600;
	within(
		body(5).minimum_created_date,
		run.startedAt - day,
		run.endedAt - day,
		'Find: created since',
	);
	expectSameBody(
		{ ...body(5), minimum_created_date: 'checked above' },
		{
			assignee_ids: [ADA],
			custom_fields: [{ custom_field_definition_id: 8, value: [2] }],
			project_ids: [WEBSITE_RELAUNCH.id],
			statuses: ['Completed'],
			tags: ['proposal'],
			minimum_created_date: 'checked above',
			sort_by: 'name',
			sort_direction: 'asc',
			page_number: 1,
			page_size: 200,
		},
		'Find body (filters, custom field, date range, sort and page in one search)',
	);
	expectSameBody(
		body(6),
		{ sort_by: 'date_created', sort_direction: 'desc', page_number: 1, page_size: 3 },
		'List body (Limit 3 is the page size)',
	);
	const { minimum_modified_date: from, maximum_modified_date: to, ...range } = body(7);
	within(from, run.startedAt - 3600, run.endedAt - 3600, 'Range: modified since');
	within(to, run.startedAt, run.endedAt, 'Range: modified until');
	expectSameBody(
		range,
		{ sort_by: 'date_modified', sort_direction: 'desc', page_number: 1, page_size: 200 },
		'Range body',
	);
}

/** The calls of an activated trigger, by kind (see checkTriggerRequests). */
export interface CopperTriggerCalls {
	/** The searches that list the date_modified stream. */
	listings: CopperRequest[];
	/** The searches that read changed tasks again by ID. */
	reads: CopperRequest[];
}

/**
 * The calls of an activated createdOrUpdated trigger, among those the emulator logged while it was
 * active (`own`: the suite's own creates and updates, `METHOD /path`, which are taken out first),
 * given the tasks it `delivered`, in the order delivered. All are task searches, each accepted:
 * - listings: paged in the body and sorted by modification date; after the first (the newest
 *   changes, on activation), each from a modification date on;
 * - reads of the changed tasks by ID: exactly `{ ids, page_number: 1, page_size: <ids.length> }`,
 *   at most 200 IDs, no filter, no sort. Nothing here pages a second by page_number, so the reads
 *   are those of the changes emitted: their IDs, one read after the other, are the tasks
 *   delivered, in order.
 */
export function checkTriggerRequests(
	requests: CopperRequest[],
	own: string[],
	delivered: IDataObject[],
): CopperTriggerCalls {
	const left = [...own];
	const calls = requests.filter((request) => {
		const index = left.indexOf(`${request.method} ${request.url}`);
		if (index >= 0) left.splice(index, 1);
		return index < 0;
	});
	expectEqual(left, [], "the suite's own calls found in the log");
	const problems: string[] = [];
	const listings: CopperRequest[] = [];
	const reads: CopperRequest[] = [];
	calls.forEach((request, index) => {
		const body = (request.body ?? {}) as IDataObject;
		const what = `call ${index + 1} (${request.method} ${request.url} ${String(request.status)}, ${JSON.stringify(body)})`;
		if (request.method !== 'POST' || request.url !== `${COPPER_BASE_PATH}/tasks/search`)
			problems.push(`${what}: not a task search`);
		if (request.status !== 200) problems.push(`${what}: not accepted`);
		if ('ids' in body) {
			reads.push(request);
			const ids = body.ids as unknown[];
			const exact = { ids, page_number: 1, page_size: Array.isArray(ids) ? ids.length : NaN };
			if (JSON.stringify(body) !== JSON.stringify(exact))
				problems.push(`${what}: not a read by ID (${JSON.stringify(exact)} expected)`);
			if (!Array.isArray(ids) || ids.length < 1 || ids.length > 200)
				problems.push(`${what}: not 1 to 200 IDs`);
			else if (!ids.every((id) => Number.isInteger(id))) problems.push(`${what}: IDs not numbers`);
			return;
		}
		const listing = listings.push(request) - 1;
		if (!(Number.isInteger(body.page_number) && (body.page_number as number) >= 1))
			problems.push(`${what}: no page_number`);
		if (!(Number.isInteger(body.page_size) && (body.page_size as number) >= 1))
			problems.push(`${what}: no page_size`);
		if ((body.page_size as number) > 200) problems.push(`${what}: page_size above 200`);
		if (body.sort_by !== 'date_modified') problems.push(`${what}: not sorted by date_modified`);
		if (listing > 0 && typeof body.minimum_modified_date !== 'number')
			problems.push(`${what}: no minimum_modified_date`);
	});
	const read = reads.flatMap((request) => (request.body as IDataObject).ids as number[]);
	const ids = delivered.map((task) => task.id);
	if (JSON.stringify(read) !== JSON.stringify(ids))
		problems.push(`IDs read ${JSON.stringify(read)}, tasks delivered ${JSON.stringify(ids)}`);
	if (problems.length > 0) throw new Error(problems.join('\n'));
	return { listings, reads };
}

/** Talks to the Copper emulator: as a Copper user through its API, and through its controls. */
export class CopperSandboxClient {
	constructor(private readonly baseUrl: string) {}

	private async call(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'Content-Type': 'application/json',
				'X-PW-AccessToken': COPPER_API_KEY,
				'X-PW-Application': COPPER_APPLICATION,
				'X-PW-UserEmail': COPPER_USER_EMAIL,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
		return await response.json();
	}

	async createTask(body: IDataObject): Promise<IDataObject> {
		return (await this.call('POST', `${COPPER_BASE_PATH}/tasks`, body)) as IDataObject;
	}

	async updateTask(id: number, changes: IDataObject): Promise<IDataObject> {
		return (await this.call('PUT', `${COPPER_BASE_PATH}/tasks/${id}`, changes)) as IDataObject;
	}

	/** Every task the emulator holds, by ID, as Copper renders them. */
	async tasks(): Promise<IDataObject[]> {
		return ((await this.call('GET', '/__sandbox/state')) as { tasks: IDataObject[] }).tasks;
	}

	/** The vendor API calls the emulator received, oldest first. */
	async requests(): Promise<CopperRequest[]> {
		return (await this.call('GET', '/__sandbox/requests')) as CopperRequest[];
	}

	async clearRequests(): Promise<void> {
		await this.call('DELETE', '/__sandbox/requests');
	}
}

/** The key of one change, as the trigger must deliver it once. */
export const changeKey = (task: IDataObject) => `${String(task.id)}@${String(task.date_modified)}`;
