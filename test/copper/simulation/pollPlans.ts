import type { Random } from '../../helpers/reliability/random';
import type { SearchFault } from '../trigger-sandbox';
import type { PollPlan } from './pollScript';

/** A fault the emulator answers from one search of a poll on, to `times` searches in a row. */
export interface FaultEpisode {
	kind: string;
	answer: SearchFault;
	times: number;
}

const copperError = (status: number, message: string) => ({ status, body: { status, message } });

/**
 * The faults a poll meets. Those answered until the poll ends fail it whatever the transport retries
 * (their retries meet the same fault); those answered once the transport may clear by retrying.
 */
export const FAULTS: Array<(random: Random) => FaultEpisode> = [
	(random) => {
		const status = random.pick([500, 502, 503, 504]);
		return { kind: `HTTP ${status}`, answer: copperError(status, 'Server error'), times: Infinity };
	},
	(random) => {
		const status = random.pick([500, 502, 503, 504]);
		return { kind: `HTTP ${status} once`, answer: copperError(status, 'Server error'), times: 1 };
	},
	() => ({
		kind: '429 with Retry-After: 0, once',
		answer: { ...copperError(429, 'Rate limit exceeded'), headers: { 'Retry-After': '0' } },
		times: 1,
	}),
	() => ({
		// Copper's own throttling: no Retry-After, so the transport backs off on its own.
		kind: '429 without Retry-After, once',
		answer: copperError(429, 'Rate limit exceeded'),
		times: 1,
	}),
	() => ({ kind: 'no answer (timeout), once', answer: 'hang', times: 1 }),
	() => ({ kind: 'no answer (timeout)', answer: 'hang', times: Infinity }),
	() => ({
		kind: '429 with Retry-After past the wait bound',
		answer: { ...copperError(429, 'Rate limit exceeded'), headers: { 'Retry-After': '3600' } },
		times: Infinity,
	}),
];

/**
 * What happens during each poll, drawn from the run's random source. Faults take turns through
 * FAULTS, so that a run meets each kind; where and when they strike is drawn.
 */
export function pollPlanner(random: Random) {
	let faults = 0;
	/** Faults and overlapping polls, which may meet any poll, the first of a configuration too. */
	const faultsAndOverlaps = (): PollPlan => ({
		fault: random.chance(0.1)
			? { from: random.between(0, 2), episode: FAULTS[faults++ % FAULTS.length](random) }
			: undefined,
		overlapAt: random.chance(0.04) ? random.between(0, 2) : undefined,
	});
	return {
		firstOfConfiguration: faultsAndOverlaps,
		/** A poll of a running configuration: tasks may also change while it runs. */
		next: (): PollPlan => ({
			...faultsAndOverlaps(),
			changeBeforeLaterPage: random.chance(0.3),
			changeBeforeRead: random.chance(0.2),
			storm: random.chance(0.15),
		}),
	};
}
