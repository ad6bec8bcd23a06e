import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { OnlyofficeWorkspaceApi } from '../../credentials/OnlyofficeWorkspaceApi.credentials';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { listen, type RunningServer } from '../sandbox/http';
import {
	createOnlyofficeSandbox,
	ONLYOFFICE_SECOND_PASSWORD,
	ONLYOFFICE_SECOND_USER_NAME,
	type OnlyofficeSandbox,
	type OnlyofficeSandboxOptions,
	SEED_USERS,
} from '../sandbox/onlyoffice';
import { type OoTask, renderTask } from '../sandbox/onlyoffice/model';
import { sandboxCredentials, TRIGGER } from './credentials';
import { answerWithFault, type PortalFault } from './portalFaults';

/** The emulator's clock when a test starts: 11:00 on 2026-03-10 in the portal's +03:00. */
export const START = new Date('2026-03-10T08:00:00Z');

/** The emulator's users: Olga (the credential's), Mike, Nina. */
export const [OLGA, MIKE, NINA] = SEED_USERS.map((user) => user.id);

/** The emulator's task categories (Call, Email, Meeting, Follow up). */
export const [CALL, EMAIL, MEETING, FOLLOW_UP] = [31, 32, 33, 34];

/** The page size the trigger asks for. */
export const PAGE = 500;

/** A record picked in a filter, as the editor stores it. */
export const picked = (value: string | number) => ({ __rl: true, mode: 'list', value });

/** The trigger's parameters: an event and its filters. */
export const triggerParameters = (event: string, filters: INodeParameters = {}) => ({
	resource: 'task',
	event,
	filters,
});

/** The list request the trigger sends for page `page` (from 0), as its query string. */
export const filterQuery = (page: number, filters: Record<string, string> = {}) =>
	new URLSearchParams({
		...filters,
		sortBy: 'deadLine',
		sortOrder: 'ascending',
		startIndex: String(page * PAGE),
		count: String(PAGE),
	}).toString();

/** The list requests of one poll over `tasks` tasks in scope (one page when there are none). */
export const pollRequests = (tasks: number, filters: Record<string, string> = {}) =>
	Array.from(
		{ length: Math.max(1, Math.ceil(tasks / PAGE)) },
		(_, page) => `GET /api/2.0/crm/task/filter?${filterQuery(page, filters)}`,
	);

type Request = Parameters<OnlyofficeSandbox['handler']>[0];
type Response = Parameters<OnlyofficeSandbox['handler']>[1];

/**
 * The ONLYOFFICE emulator (test/sandbox/onlyoffice.ts) on the loopback, for trigger tests: tasks
 * created, edited, closed, reopened and deleted as the portal stores them, the requests the trigger
 * sent, and a hook that runs before a list request reaches the portal, to change tasks mid-poll.
 */
export class OnlyofficeForTrigger {
	readonly sandbox: OnlyofficeSandbox;
	/** Runs before each `crm/task/filter` request reaches the portal, with its number (from 0). */
	beforeList: ((index: number, request: Request) => Promise<void> | void) | undefined;
	/**
	 * Runs for every request after `beforeList`: a fault to fail it with (a 5xx page, a dropped
	 * connection, no answer) instead of the portal's answer, or undefined to let the portal answer.
	 */
	failRequest: ((request: Request) => PortalFault | undefined) | undefined;
	/** What `beforeList` threw (a failed expectation in it), so the request is still answered. */
	readonly hookErrors: unknown[] = [];
	private server!: RunningServer;
	private lists = 0;
	private received = 0;

	private constructor(options: OnlyofficeSandboxOptions) {
		this.sandbox = createOnlyofficeSandbox({ seed: false, now: () => START, ...options });
	}

	/** Starts an emulator with no tasks (users and categories only). */
	static async start(options: OnlyofficeSandboxOptions = {}): Promise<OnlyofficeForTrigger> {
		const portal = new OnlyofficeForTrigger(options);
		portal.server = await listen((req, res) => void portal.handle(req, res), 0, '127.0.0.1');
		return portal;
	}

	private async handle(req: Request, res: Response) {
		if (/\/crm\/task\/filter(\.json)?(\?|$)/.test(req.url ?? '')) {
			const index = this.lists++;
			try {
				await this.beforeList?.(index, req);
			} catch (error) {
				this.hookErrors.push(error);
			}
		}
		this.received++;
		const fault = this.failRequest?.(req);
		if (fault) return answerWithFault(req, res, fault);
		this.sandbox.handler(req, res);
	}

	/** How many requests reached the portal (or the faults in front of it) so far. */
	get requestCount() {
		return this.received;
	}

	/** How many list requests reached the portal so far (the next one's index for `beforeList`). */
	get listCount() {
		return this.lists;
	}

	get url() {
		return this.server.url;
	}

	/** Olga's credential (not signed in yet); Mike's with `as: 'mike'`. */
	credentials(as: 'olga' | 'mike' = 'olga'): Record<string, ICredentialDataDecryptedObject> {
		const credentials = sandboxCredentials(this.url);
		if (as === 'mike') {
			credentials.onlyofficeWorkspaceApi.userName = ONLYOFFICE_SECOND_USER_NAME;
			credentials.onlyofficeWorkspaceApi.password = ONLYOFFICE_SECOND_PASSWORD;
		}
		return credentials;
	}

	/**
	 * The credential signed in already, as n8n keeps it after its first sign-in (the harness gives
	 * each poll a fresh copy of the credential, so without a stored token every poll signs in).
	 */
	async signedIn(
		as: 'olga' | 'mike' = 'olga',
	): Promise<Record<string, ICredentialDataDecryptedObject>> {
		const credentials = this.credentials(as);
		const details = credentials.onlyofficeWorkspaceApi;
		const response = await fetch(`${this.url}/api/2.0/authentication`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({ userName: details.userName, password: details.password }),
		});
		const body = (await response.json()) as { response: { token: string } };
		details.accessToken = body.response.token;
		details.tokenIssuedFor = OnlyofficeWorkspaceApi.signInDigest(details);
		this.clearRequests();
		return credentials;
	}

	/** An active trigger on this emulator, with Olga's credential (signing in at its first poll). */
	activate(
		event: string,
		filters: INodeParameters = {},
		credentials: Record<string, ICredentialDataDecryptedObject> = this.credentials(),
	) {
		return new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters(event, filters),
			credentials,
		});
	}

	/** Moves the portal's clock on. */
	tick(seconds: number) {
		this.sandbox.advanceClock(seconds);
	}

	/** Creates tasks now (all stamped with the current time); returns their IDs. */
	create(...bodies: Array<string | IDataObject>): number[] {
		const ids = this.sandbox.seedTasks(
			bodies.map((body) => ({
				deadline: '2026-03-20T12:00:00Z',
				categoryId: CALL,
				responsibleId: OLGA,
				...(typeof body === 'string' ? { title: body } : body),
			})),
		);
		if (typeof ids === 'string') throw new Error(ids);
		return ids;
	}

	/**
	 * `count` generated tasks (the emulator's: created one second apart up to now, responsibles
	 * Olga, Mike, Nina in turn, every 4th closed, deadlines 0-29 days ahead); returns their IDs.
	 */
	generate(count: number): number[] {
		return this.sandbox.generateTasks(count);
	}

	private task(id: number): OoTask {
		const task = this.sandbox.state.tasks.get(id);
		if (!task) throw new Error(`No task ${id}`);
		return task;
	}

	/** Changes fields of a task, as an update in the portal does. */
	edit(id: number, fields: Partial<Omit<OoTask, 'id' | 'createdMs' | 'isClosed'>>) {
		Object.assign(this.task(id), fields, { lastModifiedMs: this.sandbox.now().getTime() });
	}

	/** Closes a task, as `PUT crm/task/{id}/close` does. */
	close(id: number) {
		this.task(id).isClosed = true;
	}

	reopen(id: number) {
		this.task(id).isClosed = false;
	}

	delete(id: number) {
		this.sandbox.state.tasks.delete(id);
	}

	/** The task as the trigger emits it now: as the task list renders it. */
	emitted(id: number): IDataObject {
		return renderTask(this.task(id), this.sandbox.state, false) as unknown as IDataObject;
	}

	/** The tasks in the list order of the trigger's request (open first, by deadline, title, ID). */
	listOrder(filter: (task: OoTask) => boolean = () => true): number[] {
		return [...this.sandbox.state.tasks.values()]
			.filter(filter)
			.sort(
				(a, b) =>
					Number(a.isClosed) - Number(b.isClosed) ||
					a.deadLineMs - b.deadLineMs ||
					(a.title.toLowerCase() < b.title.toLowerCase()
						? -1
						: a.title.toLowerCase() > b.title.toLowerCase()
							? 1
							: 0) ||
					a.id - b.id,
			)
			.map((task) => task.id);
	}

	/** Every request sent so far, as `METHOD url`. */
	get requests(): string[] {
		return this.sandbox.state.requests.map((request) => `${request.method} ${request.url}`);
	}

	/** The list requests sent so far. */
	get listRequests(): string[] {
		return this.requests.filter((request) => request.includes('/crm/task/filter'));
	}

	clearRequests() {
		this.sandbox.state.requests.length = 0;
	}

	/** Stops the emulator's server. */
	async stop() {
		await this.server.close();
	}
}

/** The IDs of emitted items, or null. */
export const idsOf = (items: IDataObject[] | null) => items && items.map((item) => item.id);
