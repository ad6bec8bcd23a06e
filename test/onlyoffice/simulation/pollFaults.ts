import type { Random } from '../../helpers/reliability/random';
import { PORTAL_FAULTS } from '../portalFaults';
import type { OnlyofficeForTrigger } from '../trigger-sandbox';

/**
 * How a poll is made to fail midway: the portal's answers replaced (5xx pages, a dropped
 * connection, no answer until the client gives up, its throttling answer without Retry-After), its
 * own throttling (503, Retry-After: 0) for some requests in a row, or its tokens expired with the
 * sign-in that renews them throttled.
 */
export const POLL_FAULTS = [
	'500 page',
	'502 page',
	'504 page',
	'connection dropped',
	'no answer',
	'throttled without Retry-After',
	'throttled (Retry-After: 0)',
	'token expired, sign-in throttled',
] as const;
export type PollFault = (typeof POLL_FAULTS)[number];

/**
 * The faults of a run, in turn: each one put in front of one of a poll's requests, for that request
 * and maybe some after it (a fault that outlasts the retries fails the poll), and counted by name.
 */
export class PollFaults {
	readonly counts = Object.fromEntries(POLL_FAULTS.map((name) => [name, 0])) as Record<
		PollFault,
		number
	>;

	private planned = 0;

	constructor(
		private readonly portal: OnlyofficeForTrigger,
		private readonly random: Random,
	) {}

	/** Puts a fault in front of one of the next poll's first `requests` requests; returns it. */
	plan(requests: number): PollFault {
		const { portal, random } = this;
		const name = this.next();
		this.counts[name]++;
		const at = random.between(0, requests - 1);
		const times = random.pick([1, 1, 2, 9]);
		let seen = 0;
		let signInThrottled = false;
		portal.failRequest = (request) => {
			const index = seen++;
			if (name === 'token expired, sign-in throttled') {
				if (index === at) portal.sandbox.expireTokens();
				if (index >= at && !signInThrottled && request.method === 'POST') {
					signInThrottled = true;
					portal.sandbox.throttleNext(times, 0);
				}
				return undefined;
			}
			if (name === 'throttled (Retry-After: 0)') {
				if (index === at) portal.sandbox.throttleNext(times, 0);
				return undefined;
			}
			return index >= at && index < at + times ? PORTAL_FAULTS[name] : undefined;
		};
		return name;
	}

	/** The faults in turn, so that each one happens. */
	private next(): PollFault {
		return POLL_FAULTS[this.planned++ % POLL_FAULTS.length];
	}

	/** Takes away what is left of the fault once the poll is over. */
	clear() {
		this.portal.failRequest = undefined;
		this.portal.sandbox.throttleNext(0);
	}
}
