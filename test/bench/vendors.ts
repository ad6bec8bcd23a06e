/**
 * What the benchmark needs to know of each vendor, as data: how our node reads every task (its
 * List operation with Return All), how the HTTP Request node pages the same API, how a plain
 * client signs its requests, and how the trigger is set up. The emulators are those of
 * test/sandbox, started in the benchmark's own process.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { COPPER_API_KEY, COPPER_USER_EMAIL, createCopperSandbox } from '../sandbox/copper';
import { COTALKER_TOKEN, createCotalkerSandbox } from '../sandbox/cotalker';
import type { ApiTraffic } from '../sandbox/traffic';
import {
	NEXUDUS_ADMIN_EMAIL,
	NEXUDUS_ADMIN_PASSWORD,
	createNexudusSandbox,
} from '../sandbox/nexudus';
import {
	ONLYOFFICE_PASSWORD,
	ONLYOFFICE_USER_NAME,
	createOnlyofficeSandbox,
} from '../sandbox/onlyoffice';

export type Vendor = 'nexudus' | 'copper' | 'onlyoffice' | 'cotalker';

/** A request as an emulator logged it. */
export interface LoggedRequest {
	at: string;
	method: string;
	url: string;
	body?: unknown;
	status?: number;
	finishedAt?: number;
}

/** The parts of an emulator the benchmark drives. */
export interface BenchSandbox {
	start(port: number, host: string): Promise<{ url: string; close(): Promise<void> }>;
	state: ApiTraffic<LoggedRequest>;
	taskCount(): number;
	generateTasks(count: number): unknown;
	/** Creates tasks from create bodies, now; their IDs, or an error. */
	seedTasks(bodies: unknown[]): unknown[] | string;
	setLatency(ms: number): void;
}

/** How the HTTP Request node pages a list: one query or body parameter per page, and when to stop. */
export interface HttpRequestPaging {
	method: 'GET' | 'POST';
	/** The path under the sandbox's URL. */
	path: string;
	query: IDataObject;
	body?: IDataObject;
	/** The parameter that moves from page to page, as an n8n expression. */
	page: { type: 'qs' | 'body'; name: string; value: string };
	/** An n8n expression that is true after the last page (`$pageCount` counts the pages read). */
	complete: string;
	/** Where the records are in a page's JSON, when not the page itself (for Split Out). */
	recordsAt?: string;
}

export interface VendorBench {
	vendor: Vendor;
	displayName: string;
	/** The vendor's largest page: the fewest requests that read N records are ceil(N / it). */
	maxPageSize: number;
	/** The most records one batched full read returns (the trigger's reads by ID). */
	batchSize: number;
	/** The key of a task's ID in our node's output and in the raw API answer. */
	idField: string;
	createSandbox(): BenchSandbox;
	/** How many tasks the List reads (and generateTasks adds to): all the emulator's, or a group's. */
	listedTasks(sandbox: BenchSandbox): number;
	/**
	 * A new task for the trigger to see, as the vendor's create takes it. The emulators create
	 * these now (seedTasks), where generateTasks back-dates its tasks one to two seconds apart, and
	 * a trigger rightly never reports a change stamped before its last poll.
	 */
	newTask(index: number): IDataObject;
	credentialType: string;
	/** The credential's data, for a sandbox at `url`. */
	credential(url: string): ICredentialDataDecryptedObject;
	/** Our node's List with Return All, which the benchmark compares. */
	listParameters: INodeParameters;
	/** The headers a plain client (a fetch loop, the HTTP Request node) signs with. */
	authHeaders(url: string): Promise<Record<string, string>>;
	httpRequest: HttpRequestPaging;
	/**
	 * The fewest requests a poll can make after `changes` new tasks among `tasks`: the list pages
	 * it must read, plus the batched full reads where the list does not give whole records.
	 */
	pollTarget(changes: number, tasks: number): number;
	/** The trigger's parameters (the poll times are set by the benchmark). */
	triggerParameters: INodeParameters;
}

const COTALKER_GROUP = '6a1e00000d00000000000001';
/** A task category the ONLYOFFICE emulator seeds; Nexudus' seeded business, coworker and user. */
const SEEDED_CATEGORY = 33;

export const VENDOR_BENCHES: Record<Vendor, VendorBench> = {
	nexudus: {
		vendor: 'nexudus',
		pollTarget: (changes) => 2 * Math.max(1, Math.ceil(changes / 1000)) + Math.ceil(changes / 1000),
		displayName: 'Nexudus',
		maxPageSize: 1000,
		batchSize: 1000,
		idField: 'Id',
		createSandbox: () => createNexudusSandbox() as unknown as BenchSandbox,
		listedTasks: (sandbox) => sandbox.taskCount(),
		newTask: (index) => ({
			BusinessId: 1001,
			CoworkerId: 2001,
			ResponsibleId: 3002,
			Name: `Benchmark task ${index + 1}`,
		}),
		credentialType: 'nexudusSpacesApi',
		credential: (url) => ({
			authentication: 'basicAuth',
			email: NEXUDUS_ADMIN_EMAIL,
			password: NEXUDUS_ADMIN_PASSWORD,
			baseUrl: `${url}/api`,
			accessToken: '',
		}),
		listParameters: {
			resource: 'coworkerTask',
			operation: 'list',
			orderBy: 'Id',
			dir: 1,
			returnAll: true,
		},
		authHeaders: async () => ({
			Authorization: `Basic ${Buffer.from(`${NEXUDUS_ADMIN_EMAIL}:${NEXUDUS_ADMIN_PASSWORD}`).toString('base64')}`,
		}),
		httpRequest: {
			method: 'GET',
			path: '/api/crm/coworkertasks',
			query: { orderBy: 'Id', dir: 1, size: 1000 },
			page: { type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' },
			complete: '={{ !$response.body.HasNextPage }}',
			recordsAt: 'Records',
		},
		triggerParameters: { resource: 'coworkerTask', event: 'createdOrUpdated' },
	},
	copper: {
		vendor: 'copper',
		pollTarget: (changes) => Math.max(1, Math.ceil(changes / 200)) + Math.ceil(changes / 200),
		displayName: 'Copper',
		maxPageSize: 200,
		batchSize: 200,
		idField: 'id',
		createSandbox: () => createCopperSandbox() as unknown as BenchSandbox,
		listedTasks: (sandbox) => sandbox.taskCount(),
		newTask: (index) => ({ name: `Benchmark task ${index + 1}` }),
		credentialType: 'copperCrmTasksApi',
		credential: (url) => ({
			apiKey: COPPER_API_KEY,
			email: COPPER_USER_EMAIL,
			baseUrl: `${url}/developer_api/v1`,
		}),
		listParameters: { resource: 'task', operation: 'list', returnAll: true },
		authHeaders: async () => ({
			'X-PW-AccessToken': COPPER_API_KEY,
			'X-PW-Application': 'developer_api',
			'X-PW-UserEmail': COPPER_USER_EMAIL,
		}),
		httpRequest: {
			method: 'POST',
			path: '/developer_api/v1/tasks/search',
			query: {},
			body: { page_size: 200, sort_by: 'date_created', sort_direction: 'desc' },
			page: { type: 'body', name: 'page_number', value: '={{ $pageCount + 1 }}' },
			complete: "={{ $pageCount * 200 >= Number($response.headers['x-pw-total']) }}",
		},
		triggerParameters: { resource: 'task', event: 'createdOrUpdated' },
	},
	onlyoffice: {
		vendor: 'onlyoffice',
		pollTarget: (_changes, tasks) => Math.max(1, Math.ceil(tasks / 500)),
		displayName: 'ONLYOFFICE',
		maxPageSize: 500,
		batchSize: 500,
		idField: 'id',
		createSandbox: () => createOnlyofficeSandbox() as unknown as BenchSandbox,
		listedTasks: (sandbox) => sandbox.taskCount(),
		newTask: (index) => ({
			title: `Benchmark task ${index + 1}`,
			deadline: '2027-01-15',
			categoryId: SEEDED_CATEGORY,
		}),
		credentialType: 'onlyofficeWorkspaceApi',
		credential: (url) => ({
			portalUrl: url,
			authentication: 'userNameAndPassword',
			userName: ONLYOFFICE_USER_NAME,
			password: ONLYOFFICE_PASSWORD,
			token: '',
		}),
		listParameters: { resource: 'task', operation: 'list', returnAll: true },
		authHeaders: async (url) => {
			const response = await fetch(`${url}/api/2.0/authentication`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({ userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD }),
			});
			const { response: answer } = (await response.json()) as { response: { token: string } };
			return { Authorization: answer.token, Accept: 'application/json' };
		},
		httpRequest: {
			method: 'GET',
			path: '/api/2.0/crm/task/filter',
			query: { sortBy: 'deadLine', sortOrder: 'ascending', count: 500 },
			page: { type: 'qs', name: 'startIndex', value: '={{ $pageCount * 500 }}' },
			complete: '={{ $pageCount * 500 >= $response.body.total }}',
			recordsAt: 'response',
		},
		triggerParameters: { resource: 'task', event: 'created' },
	},
	cotalker: {
		vendor: 'cotalker',
		pollTarget: (changes) => Math.max(1, Math.ceil(changes / 100)),
		displayName: 'Cotalker',
		maxPageSize: 100,
		batchSize: 100,
		idField: '_id',
		createSandbox: () => createCotalkerSandbox() as unknown as BenchSandbox,
		listedTasks: (sandbox) =>
			[
				...(
					sandbox as unknown as { state: { tasks: Map<string, { taskGroup: string }> } }
				).state.tasks.values(),
			].filter((task) => task.taskGroup === COTALKER_GROUP).length,
		newTask: (index) => ({ name: `Benchmark task ${index + 1}` }),
		credentialType: 'cotalkerApi',
		credential: (url) => ({
			environment: 'custom',
			baseUrl: url,
			token: COTALKER_TOKEN,
			admin: true,
		}),
		listParameters: {
			resource: 'task',
			operation: 'list',
			taskGroup: { __rl: true, mode: 'id', value: COTALKER_GROUP },
			isActive: 'all',
			returnAll: true,
		},
		authHeaders: async () => ({ Authorization: `Bearer ${COTALKER_TOKEN}`, Admin: 'true' }),
		httpRequest: {
			method: 'GET',
			path: `/api/v2/task-groups/${COTALKER_GROUP}/tasks`,
			query: { isActive: 'all', limit: 100, count: true },
			page: { type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' },
			complete: '={{ $pageCount * 100 >= $response.body.data.count }}',
			recordsAt: 'data.tasks',
		},
		triggerParameters: {
			taskGroups: { group: [{ taskGroup: { __rl: true, mode: 'id', value: COTALKER_GROUP } }] },
			event: 'anyChange',
		},
	},
};
