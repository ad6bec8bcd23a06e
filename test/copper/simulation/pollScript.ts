import type { IDataObject } from 'n8n-workflow';

import { transientFaultPolicy } from '../../../nodes/shared/transport/faults';
import type { ActivePollTrigger } from '../../helpers/pollTrigger';
import type { Random } from '../../helpers/reliability/random';
import type { ArrivingSearch, CopperForTrigger, SearchFault } from '../trigger-sandbox';
import type { CopperUsers } from './copperUsers';
import type { FaultEpisode } from './pollPlans';

/**
 * How long an attempt waits for an answer in a poll that meets a hang: the transport's minute,
 * shortened so that the run does not wait it out. Other polls keep the transport's own timeout.
 */
const HANG_TIMEOUT_MS = 250;

/** What happens during one poll, besides Copper answering it. */
export interface PollPlan {
	/** A fault from the `from`th search of the poll (0 first). */
	fault?: { from: number; episode: FaultEpisode };
	/** A poll of the same trigger started from inside the `at`th search. */
	overlapAt?: number;
	/** Tasks change before a page other than the first (once in the poll). */
	changeBeforeLaterPage?: boolean;
	/** Tasks being read by ID change just before the read (once in the poll). */
	changeBeforeRead?: boolean;
	/**
	 * Before every page inside one second, a task of that second changes (it leaves the second), and
	 * before every count of that second, a task is created in it, stamped late (Copper stamps a
	 * change when it starts and saves it a moment later): the engine's check of that second never
	 * agrees within the poll.
	 */
	storm?: boolean;
}

/** How the run went, in counts of what actually happened (not of what was planned). */
export interface ScriptCounts {
	searches: number;
	changesBeforeLaterPage: number;
	changesBeforeRead: number;
	stormChanges: number;
	/** Tasks created stamped late into a second the poll was checking. */
	lateCreations: number;
	faultsAnswered: number;
	faultKinds: Set<string>;
	overlappingPolls: number;
	/** Overlapping polls that sent a request or emitted anything: must stay 0. */
	overlapsThatActed: number;
}

/** The lower bound of a listing page, in Copper's seconds (undefined on the first page of all). */
const lowerBoundOf = (body: IDataObject) =>
	(body.minimum_modified_date ?? body.minimum_created_date) as number | undefined;

const isListing = (body: IDataObject) =>
	body.sort_by !== undefined && body.sort_direction === 'asc';

/**
 * Plays a PollPlan through the emulator's search hook: each search of the poll, by its body, may
 * meet a fault, tasks changing just before it, or another poll of the same trigger.
 */
export class PollScript {
	readonly counts: ScriptCounts = {
		searches: 0,
		changesBeforeLaterPage: 0,
		changesBeforeRead: 0,
		stormChanges: 0,
		lateCreations: 0,
		faultsAnswered: 0,
		faultKinds: new Set(),
		overlappingPolls: 0,
		overlapsThatActed: 0,
	};
	/** Whether the poll under way met a fault (so a failure of it is expected). */
	faulted = false;
	/** Seconds the poll under way asked Copper to count (to check a second it paged through), with how often. */
	readonly counted = new Map<number, number>();
	private plan: PollPlan = {};
	private readonly timeoutMs = transientFaultPolicy.timeoutMs;
	private searchOfPoll = 0;
	private listings = 0;
	private faultsLeft = 0;

	constructor(
		private readonly copper: CopperForTrigger,
		private readonly users: CopperUsers,
		private readonly trigger: ActivePollTrigger,
		private readonly random: Random,
	) {
		copper.interceptSearch = async (search) => await this.onSearch(search);
	}

	/** Sets what happens during the next poll. */
	start(plan: PollPlan) {
		this.plan = { ...plan };
		this.searchOfPoll = 0;
		this.listings = 0;
		this.faulted = false;
		this.faultsLeft = plan.fault?.episode.times ?? 0;
		this.counted.clear();
		const hangs = plan.fault?.episode.answer === 'hang';
		transientFaultPolicy.timeoutMs = hangs ? HANG_TIMEOUT_MS : this.timeoutMs;
	}

	/** Gives the transport its own timeout back and lets searches through untouched. */
	stop() {
		transientFaultPolicy.timeoutMs = this.timeoutMs;
		this.copper.interceptSearch = undefined;
	}

	private async onSearch({ body }: ArrivingSearch): Promise<SearchFault | undefined> {
		this.counts.searches++;
		const index = this.searchOfPoll++;
		const { plan } = this;
		if (plan.overlapAt === index) await this.overlap();
		if (plan.fault && index >= plan.fault.from && this.faultsLeft > 0) {
			this.faultsLeft--;
			this.faulted = true;
			this.counts.faultsAnswered++;
			this.counts.faultKinds.add(plan.fault.episode.kind);
			return plan.fault.episode.answer;
		}
		if (isListing(body) && this.listings++ > 0) this.beforeLaterPage(body);
		if (Array.isArray(body.ids) && plan.changeBeforeRead) {
			plan.changeBeforeRead = false;
			this.counts.changesBeforeRead += this.changeSome(body.ids as number[]);
		}
		if ((body.maximum_modified_date ?? body.maximum_created_date) !== undefined) {
			const second = lowerBoundOf(body)!;
			this.counted.set(second, (this.counted.get(second) ?? 0) + 1);
			if (plan.storm) {
				this.users.createStampedAt(second);
				this.counts.lateCreations++;
			}
		}
		return undefined;
	}

	/** Before a page other than the poll's first: a task of the page's second changes, and maybe a new one. */
	private beforeLaterPage(body: IDataObject) {
		const second = lowerBoundOf(body);
		const insideSecond = Number(body.page_number) > 1;
		const once = this.plan.changeBeforeLaterPage;
		if (!(once || (this.plan.storm && insideSecond)) || second === undefined) return;
		this.plan.changeBeforeLaterPage = false;
		// The change leaves the page's second only if Copper's clock has moved past it.
		if (this.copper.nowSeconds === second) this.copper.tick(1);
		const changed = this.changeSome(this.users.modifiedAt(second), 1);
		if (once) {
			this.users.create(this.random.between(0, 2));
			this.counts.changesBeforeLaterPage += changed;
		} else this.counts.stormChanges += changed;
	}

	/** Changes up to `most` of `ids` (1 to 3 when not given); returns how many changed. */
	private changeSome(ids: number[], most = this.random.between(1, 3)) {
		const picked = new Set(
			Array.from({ length: Math.min(most, ids.length) }, () => this.random.pick(ids)),
		);
		for (const id of picked) this.users.change(id);
		return picked.size;
	}

	/** n8n starts the next poll of the trigger while this one waits for Copper. */
	private async overlap() {
		this.counts.overlappingPolls++;
		const searchesBefore = this.counts.searches;
		const emitted = await this.trigger.poll();
		if (emitted !== null || this.counts.searches !== searchesBefore)
			this.counts.overlapsThatActed++;
	}
}
