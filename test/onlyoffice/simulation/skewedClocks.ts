import { fakeMachineClock, type MachineClock } from '../../helpers/reliability/machineClock';
import type { Random } from '../../helpers/reliability/random';

/** How far apart the two clocks may drift: 5 minutes either way. */
export const MAX_SKEW_MS = 5 * 60_000;

/** The most the skew moves between two polls, less than the shortest time between polls. */
const SKEW_STEP_MS = 15_000;

/**
 * The two clocks of a trigger simulation:
 * - the portal's (the emulator's `now`, which stamps new tasks and dates every answer), which
 *   moves only as the run says: the time between polls, and a millisecond at least at every
 *   reading, as a server's clock moves while it works;
 * - n8n's (this machine's `Date`, faked), set `skew` behind the portal's at every poll.
 *
 * The skew sweeps between -5 and +5 minutes by random steps, turning at either end, and both clocks
 * only ever move forward.
 */
export class SkewedClocks {
	private portalMs: number;
	private skewMs = 0;
	private direction = 1;
	private readonly machine: MachineClock;
	/** The smallest and largest skew the run went through (portal minus n8n). */
	readonly range = { min: 0, max: 0 };

	constructor(
		start: Date,
		private readonly random: Random,
	) {
		this.portalMs = start.getTime();
		this.machine = fakeMachineClock(start);
	}

	/** The portal's clock, for the emulator. */
	readonly portalNow = () => new Date(++this.portalMs);

	/** `ms` (at least SKEW_STEP_MS) pass between two polls, and the skew moves on. */
	pass(ms: number) {
		let skew = this.skewMs + this.direction * this.random.between(0, SKEW_STEP_MS);
		if (Math.abs(skew) > MAX_SKEW_MS) {
			this.direction = -this.direction;
			skew = Math.sign(skew) * MAX_SKEW_MS;
		}
		this.skewMs = skew;
		this.portalMs += ms;
		this.machine.set(new Date(this.portalMs - this.skewMs));
		this.range.min = Math.min(this.range.min, skew);
		this.range.max = Math.max(this.range.max, skew);
	}

	/** A little time passes on the portal (between two of its answers). */
	tick(ms: number) {
		this.portalMs += ms;
	}

	restore() {
		this.machine.restore();
	}
}
