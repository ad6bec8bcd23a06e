/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling, not shipped */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePollTrigger } from '../helpers/pollTrigger';
import { listen, sendJson, sendText, type RunningServer } from '../sandbox/http';
import {
	createNexudusSandbox,
	NEXUDUS_ADMIN_EMAIL,
	NEXUDUS_THROTTLE_MESSAGE,
	type NexudusSandbox,
	type NexudusSandboxOptions,
} from '../sandbox/nexudus';
import { SEED_REFERENCE_DATA } from '../sandbox/nexudus/seed';
import { TRIGGER, sandboxCredentials } from './credentials';

/** What a request of the trigger asks Nexudus for. */
export interface TriggerRequest {
	kind: 'search' | 'read';
	/** The change time a search is sorted by (`UpdatedOn`, `CreatedOn`). */
	orderBy?: string;
	/**
	 * For a search: whether the poll already searched this stream, i.e. this is a later page of its
	 * walk (by keyset or by page number).
	 */
	laterPage: boolean;
}

/**
 * How Nexudus fails a request: an HTTP status (5xx), throttling with its own 409 (with a
 * Retry-After in seconds, or none).
 */
export type NexudusFault =
	| { status: 500 | 502 | 503 | 504 }
	| { status: 409; retryAfterSeconds?: number };

/** A task's required fields, as the emulator's reference data has them. */
const REQUIRED = {
	BusinessId: SEED_REFERENCE_DATA.businesses[0].Id,
	CoworkerId: SEED_REFERENCE_DATA.coworkers[0].Id,
	ResponsibleId: SEED_REFERENCE_DATA.users[0].Id,
};

/**
 * The Nexudus emulator (test/sandbox/nexudus.ts) on the loopback, wrapped for trigger tests: its
 * own clock, tasks created and changed in-process (as another Nexudus user would), a hook that runs
 * before each request of the trigger reaches Nexudus (to change tasks mid-poll), and faults that
 * answer in Nexudus' place.
 */
export class NexudusForTrigger {
	readonly sandbox: NexudusSandbox;
	/** Runs before a request of the trigger reaches Nexudus (or a fault answers it). */
	beforeRequest: ((request: TriggerRequest) => Promise<void> | void) | undefined;
	/** Requests the trigger sent to Nexudus. */
	requests = 0;
	/** Answers every request with this fault, until cleared. */
	outage: NexudusFault | undefined;
	/** Answers the next `count` requests with this fault. */
	private passing: { fault: NexudusFault; count: number } | undefined;
	private server!: RunningServer;
	private readonly streamsSearched = new Set<string>();
	private readonly bodies = new Map<number, IDataObject>();

	private constructor(options: NexudusSandboxOptions) {
		this.sandbox = createNexudusSandbox({ seed: false, ...options });
	}

	static async start(options: NexudusSandboxOptions): Promise<NexudusForTrigger> {
		const nexudus = new NexudusForTrigger(options);
		nexudus.server = await listen((req, res) => void nexudus.handle(req, res), 0, '127.0.0.1');
		return nexudus;
	}

	async close() {
		await this.server.close();
	}

	/** A new poll begins: its searches start again from each stream's first page. */
	pollStarts() {
		this.streamsSearched.clear();
	}

	/** Answers the next `count` requests with `fault`, then lets requests through again. */
	failNext(fault: NexudusFault, count = 1) {
		this.passing = { fault, count };
	}

	/** An active trigger on this emulator. */
	activate(parameters: INodeParameters) {
		return new ActivePollTrigger({
			type: TRIGGER,
			parameters,
			credentials: sandboxCredentials(this.server.url),
		});
	}

	/** Creates a task now (a POST as Nexudus takes it); returns its ID. */
	create(fields: IDataObject): number {
		const body = { ...REQUIRED, ...fields };
		const reply = this.sandbox.state.collections.CoworkerTask.create(body, NEXUDUS_ADMIN_EMAIL);
		const id = (reply.body as { Value?: { Id?: number } }).Value?.Id;
		if (reply.status !== 200 || id === undefined) throw new Error(JSON.stringify(reply.body));
		this.bodies.set(id, body);
		return id;
	}

	/** Changes a task now (the full PUT Nexudus expects, with these fields changed). */
	update(id: number, changes: IDataObject) {
		const body = { ...this.bodies.get(id), ...changes, Id: id };
		const reply = this.sandbox.state.collections.CoworkerTask.replace(body, NEXUDUS_ADMIN_EMAIL);
		if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
		this.bodies.set(id, body);
	}

	/** The task as Nexudus holds it now, read in full: what the trigger emits for this version. */
	task(id: number): IDataObject {
		return this.sandbox.getRecord('CoworkerTask', id) as IDataObject;
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const request = this.describe(req);
		if (req.url?.startsWith('/api/')) this.requests++;
		if (request) await this.beforeRequest?.(request);
		const fault = request && this.faultNow();
		if (fault?.status === 409) {
			const { retryAfterSeconds: seconds } = fault;
			const headers = seconds === undefined ? undefined : { 'Retry-After': String(seconds) };
			return sendText(res, 409, NEXUDUS_THROTTLE_MESSAGE, headers);
		}
		if (fault) return sendJson(res, fault.status, { Message: 'An error has occurred.' });
		this.sandbox.handler(req, res);
	}

	private faultNow(): NexudusFault | undefined {
		if (this.outage) return this.outage;
		if (!this.passing) return undefined;
		const { fault } = this.passing;
		if (--this.passing.count <= 0) this.passing = undefined;
		return fault;
	}

	/** The trigger's request to the tasks endpoint; undefined for anything else. */
	private describe(req: IncomingMessage): TriggerRequest | undefined {
		const url = new URL(req.url ?? '/', 'http://nexudus.local');
		if (!/^\/api\/crm\/coworkertasks(\/\d+)?$/i.test(url.pathname)) return undefined;
		const orderBy = url.searchParams.get('orderBy') ?? undefined;
		if (url.searchParams.has('id') || !orderBy) return { kind: 'read', laterPage: false };
		const laterPage = this.streamsSearched.has(orderBy);
		this.streamsSearched.add(orderBy);
		return { kind: 'search', orderBy, laterPage };
	}
}
