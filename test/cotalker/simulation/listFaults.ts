import type { Random } from '../../helpers/reliability/random';
import type { CotalkerForTrigger, ListFault } from '../trigger-sandbox';

/** The ways a poll's task list request fails in the simulation, and what Cotalker answers then. */
const ANSWERS = {
	'HTTP 500': { status: 500 },
	'HTTP 502': { status: 502 },
	'HTTP 503': { status: 503 },
	'HTTP 504': { status: 504 },
	'connection reset': 'connection reset',
	// The request hangs until the transport's timeout gives up on it.
	timeout: 'no answer',
	// Cotalker's own 429, with its Retry-After (the emulator's throttle).
	'throttled (Retry-After)': undefined,
	'throttled (no Retry-After)': { status: 429 },
	'HTML page': {
		status: 200,
		contentType: 'text/html',
		body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
	},
	'malformed JSON': {
		status: 200,
		contentType: 'application/json',
		body: '{"data":{"tasks":[{"_id":',
	},
} satisfies Record<string, ListFault | undefined>;

export type FaultKind = keyof typeof ANSWERS;

export const FAULT_KINDS = Object.keys(ANSWERS) as FaultKind[];

/** One fault a poll meets: its kind, at which of the poll's list requests, how many times in a row. */
export interface PlannedFault {
	kind: FaultKind;
	/** The poll's list request (from 0) that meets it first: 1 or later, so the poll fails midway. */
	at: number;
	/** How many attempts in a row meet it (the retries of the same request included). */
	times: number;
}

/**
 * Picks the faults polls meet and makes the Cotalker emulator answer with them. Throttling with
 * Retry-After is Cotalker's own (its 429 and Retry-After, through the emulator's throttle); the
 * other faults are answered in the emulator's place (CotalkerForTrigger.failList).
 */
export class ListFaults {
	/** The list requests that met each kind of fault. */
	readonly met = new Map<FaultKind, number>();
	private planned: PlannedFault | undefined;
	private requestsThisPoll = 0;
	private turns = 0;
	private metThisPoll = false;

	constructor(private readonly cotalker: CotalkerForTrigger) {
		cotalker.failList = () => this.answer();
	}

	/**
	 * A fault for a poll: each kind in turn, the next kind once this one was met (so that every kind
	 * is met), at a random list request after the first, met 1 to `maxTimes` times in a row: within
	 * what the transport's retries wait out, or past it, and the poll fails.
	 */
	plan(rand: Random, maxTimes: number): PlannedFault {
		const kind = FAULT_KINDS[this.turns % FAULT_KINDS.length];
		return { kind, at: rand.between(1, 2), times: rand.between(1, maxTimes) };
	}

	/** Sets the fault the next poll meets, if any, and starts counting its list requests. */
	nextPoll(fault: PlannedFault | undefined) {
		this.planned = fault && { ...fault };
		this.requestsThisPoll = 0;
		this.metThisPoll = false;
	}

	/** A fault planned and not yet met in full. */
	get pending(): boolean {
		return (this.planned?.times ?? 0) > 0 || this.cotalker.sandbox.state.throttle.remaining > 0;
	}

	private answer(): ListFault | undefined {
		const index = this.requestsThisPoll++;
		const planned = this.planned;
		if (!planned || index < planned.at || planned.times === 0) return undefined;
		const { kind } = planned;
		if (!this.metThisPoll) this.turns++;
		this.metThisPoll = true;
		if (kind === 'throttled (Retry-After)') {
			// Cotalker's own throttle refuses this request and the retries that follow it.
			this.cotalker.sandbox.throttleNext(planned.times, 1);
			this.count(kind, planned.times);
			planned.times = 0;
			return undefined;
		}
		planned.times--;
		this.count(kind, 1);
		return ANSWERS[kind];
	}

	private count(kind: FaultKind, requests: number) {
		this.met.set(kind, (this.met.get(kind) ?? 0) + requests);
	}
}
