import { WALK_ATTEMPTS } from '../../../nodes/shared/polling/unsortedWindow';
import type { ActivePollTrigger } from '../../helpers/pollTrigger';
import type { ConfigurationChecks } from '../../helpers/reliability/configurations';
import type { MachineClock } from '../../helpers/reliability/machineClock';
import type { Random } from '../../helpers/reliability/random';
import { triggerParameters, type CotalkerForTrigger } from '../trigger-sandbox';
import type { CotalkerGroundTruth, WatchedChanges } from './groundTruth';
import type { ListFaults, PlannedFault } from './listFaults';
import { RunCounters } from './runCounters';
import type { TaskChanges } from './taskChanges';

/** What one poll meets besides the changes made before it. */
export interface PollPlan {
	fault?: PlannedFault;
	/** A second poll of the same trigger starts while this one lists (n8n's next tick). */
	overlap?: boolean;
	/** Tasks change before pages other than the first. */
	changesWhilePaging?: boolean;
	/** The later pages come more than half the overlap after the first, by this machine's clock. */
	slow?: boolean;
	/** Five tasks are created before every second page of every walk: the window keeps growing. */
	busyWindow?: boolean;
}

/** What a poll met so far. */
interface PollProgress {
	listRequests: number;
	/** Walks of the window of the first task group watched (page 1 requests). */
	walks: number;
	slowed: boolean;
}

/** What the simulation drives: Cotalker, its users, the faults, the ground truth, the clock. */
export interface SimulationParts {
	cotalker: CotalkerForTrigger;
	rand: Random;
	changes: TaskChanges;
	faults: ListFaults;
	truth: CotalkerGroundTruth;
	clock: MachineClock;
}

/**
 * The Cotalker trigger, active in n8n (ActivePollTrigger: a real PollContext), polled as a
 * simulation plans it. Every poll is counted, and so is each scenario it met.
 */
export class SimulatedTrigger {
	readonly counters = new RunCounters();
	private skewMs = 0;
	private readonly trigger: ActivePollTrigger;

	constructor(private readonly parts: SimulationParts) {
		const { event, groups } = parts.truth.watched;
		this.trigger = parts.cotalker.activate(event, groups);
	}

	/** Sets how far Cotalker's clock is ahead of this machine's from the next poll (behind when negative). */
	skew(ms: number) {
		this.skewMs = ms;
		this.counters.minSkewMs = Math.min(this.counters.minSkewMs, ms);
		this.counters.maxSkewMs = Math.max(this.counters.maxSkewMs, ms);
	}

	private get watched() {
		return this.parts.truth.watched;
	}

	/** Polls once as n8n does: a failed poll throws, n8n logs it and polls again on the next tick. */
	async poll(plan: PollPlan = {}) {
		const { cotalker, truth, faults, clock } = this.parts;
		const { counters, trigger } = this;
		clock.set(new Date(cotalker.sandbox.now().getTime() - this.skewMs));
		truth.takeChanges();
		faults.nextPoll(plan.fault);
		const progress: PollProgress = { listRequests: 0, walks: 0, slowed: false };
		cotalker.beforeList = async (_index, url) => await this.beforeList(plan, url, progress);
		const stateBefore = trigger.state;
		try {
			const items = await trigger.poll();
			truth.emit(items ?? []);
			if (plan.busyWindow && progress.walks >= WALK_ATTEMPTS) counters.busyWindows++;
			return items;
		} catch {
			counters.failedPolls++;
			// The poll failed midway: the next one must start where it started.
			expect(trigger.state).toEqual(stateBefore);
			return null;
		} finally {
			counters.polls++;
			cotalker.beforeList = undefined;
			cotalker.sandbox.throttleNext(0);
			truth.takeChanges();
			const stateChars = JSON.stringify(trigger.state).length;
			counters.maxStateChars = Math.max(counters.maxStateChars, stateChars);
		}
	}

	/** What happens before a task list request of a poll reaches Cotalker. */
	private async beforeList(plan: PollPlan, url: URL, progress: PollProgress) {
		const { cotalker, changes, faults, clock, rand } = this.parts;
		const { counters } = this;
		const page = url.searchParams.get('page');
		counters.requests++;
		if (progress.listRequests++ === 0 && plan.overlap) await this.overlappingPoll();
		const busyGroup = this.watched.groups[0];
		if (page === '1' && url.pathname.includes(busyGroup)) progress.walks++;
		// Changes while a poll pages: before a page other than the first, and never while a
		// fault is being met (Cotalker refuses everything while it throttles).
		if (page === '1' || faults.pending) return;
		if (plan.busyWindow && page === '2') {
			cotalker.tickMs(1);
			cotalker.createMany(busyGroup, 5, 'While read');
		}
		if (plan.slow && !progress.slowed) {
			progress.slowed = true;
			clock.set(new Date(Date.now() + 61_000));
			counters.slowPolls++;
		}
		if (plan.changesWhilePaging && rand.chance(0.7)) {
			counters.changesWhilePaging++;
			await changes.some(3);
		}
	}

	/** n8n starts the next poll while this one still lists: it must emit and change nothing. */
	private async overlappingPoll() {
		const before = this.trigger.state;
		expect(await this.trigger.poll()).toBeNull();
		expect(this.trigger.state).toEqual(before);
		this.counters.overlappingPolls++;
	}

	/** The trigger is activated: its first poll emits nothing, and what changes next counts. */
	async activate() {
		this.parts.truth.watch(this.watched);
		expect(await this.poll()).toBeNull();
	}

	/** n8n restarts: the static data is saved as JSON and loaded back. */
	restart() {
		this.trigger.restart();
		this.counters.restarts++;
	}

	/**
	 * The user edits the active trigger to watch `next`. Its documented behaviour: the first poll
	 * after its configuration changed emits nothing and starts from Cotalker's newest change, so
	 * it reports the changes made after that poll. The ground truth starts afresh right before
	 * that poll, which neither fails nor meets changes while it reads (what such changes belong
	 * to is not defined).
	 */
	async reconfigure(next: WatchedChanges) {
		this.trigger.reconfigure(triggerParameters(next.event, next.groups));
		this.parts.truth.watch(next);
		expect(await this.poll()).toBeNull();
		this.counters.reconfigurations++;
	}

	/**
	 * Ends a configuration: a poll that neither fails nor meets changes while it reads emits every
	 * change left, and the configuration's changes are checked in full.
	 */
	async close(checks: ConfigurationChecks) {
		this.parts.cotalker.tick(10);
		await this.poll();
		this.parts.truth.close(checks);
	}
}
