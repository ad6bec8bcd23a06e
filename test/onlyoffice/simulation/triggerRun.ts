import type { IDataObject } from 'n8n-workflow';

import type { ActivePollTrigger } from '../../helpers/pollTrigger';
import { ConfigurationChecks } from '../../helpers/reliability/configurations';
import type { Random } from '../../helpers/reliability/random';
import {
	OLGA,
	type OnlyofficeForTrigger,
	PAGE,
	picked,
	triggerParameters,
} from '../trigger-sandbox';
import { PollFaults } from './pollFaults';
import type { SkewedClocks } from './skewedClocks';
import { TaskChanges } from './taskChanges';

/**
 * The tasks on the portal: 400 at first; a burst of more than a page (one time stamp) when fewer
 * than 300, deletions in bulk now and then above 700; so polls read one, two or three pages.
 */
const FIRST_TASKS = 400;

/** The trigger's configurations, in turn: every one of them watches all of the (Olga's) tasks. */
const CONFIGURATIONS = [
	{ filters: {}, user: 'olga' },
	{ filters: { responsible: picked(OLGA) }, user: 'olga' },
	{ filters: {}, user: 'mike' },
] as const;

/**
 * Where the run is with the trigger's configuration: polling as usual; a last poll under the
 * configuration before it changes, with no change during it and no fault, so the configuration
 * has had every chance to report its changes; then the first poll under the new one.
 */
type Phase = 'polling' | 'settling' | 'taking over';

interface PollPlan {
	/** Changes between pages, and a poll started from inside a list request of this one. */
	midWalk: boolean;
	faults: boolean;
}

/** A poll started from inside a list request of a running poll of the same trigger. */
interface OverlappingPoll {
	items: unknown;
	requests: number;
	stateKept: boolean;
}

/**
 * A simulated run of the ONLYOFFICE trigger (Task Updated) against the emulator: rounds of
 * changes between polls and polls (with changes between their pages, faults, overlapping polls,
 * restarts and changes of configuration), each configuration checked against the ground truth of
 * the changes made while it was in force.
 */
export class TriggerRun {
	readonly changes: TaskChanges;
	readonly faults: PollFaults;
	readonly checks = new ConfigurationChecks();
	readonly overlaps: OverlappingPoll[] = [];
	readonly counts = {
		polls: 0,
		failedPolls: 0,
		overlappingPolls: 0,
		reconfigurations: 0,
		restarts: 0,
		midWalkChanges: 0,
		maxStateChars: 0,
		maxTasks: 0,
	};
	private emitted: Array<{ id: string; version: string }> = [];
	private phase: Phase = 'polling';
	private configuration = 0;
	/** The digest of the configuration in the trigger's state before the user edited it. */
	private configurationBefore: unknown;
	private user: 'olga' | 'mike' = 'olga';
	private trigger!: ActivePollTrigger;

	constructor(
		private readonly portal: OnlyofficeForTrigger,
		private readonly clocks: SkewedClocks,
		private readonly random: Random,
	) {
		this.changes = new TaskChanges(portal, random);
		this.faults = new PollFaults(portal, random);
	}

	/** The first tasks, and the trigger activated on them. */
	async start() {
		this.changes.create(FIRST_TASKS);
		this.trigger = this.portal.activate('updated', {}, await this.portal.signedIn());
	}

	/** Changes, time passing, maybe a restart, and a poll; a settled configuration is changed. */
	async round(first: boolean) {
		const { random } = this;
		if (this.phase === 'polling' && !first && random.chance(0.02)) this.phase = 'settling';
		if (this.phase !== 'settling') this.betweenPolls();
		this.clocks.pass(random.between(20_000, 90_000));
		if (random.chance(0.03)) {
			this.trigger.restart();
			this.counts.restarts++;
		}
		const { items, failed } = await this.poll({
			midWalk: this.phase === 'polling',
			faults: this.phase !== 'settling',
		});
		if (!failed) await this.afterPoll(items);
	}

	/**
	 * The last polls, with nothing changing or failing: the new configuration taking over if the run
	 * ended with a change, then one poll that reads every change still to report. The last
	 * configuration is then checked.
	 */
	async finish() {
		const quiet = { midWalk: false, faults: false };
		for (let round = 0; round < 2 && this.phase === 'taking over'; round++) {
			this.clocks.pass(60_000);
			await this.afterPoll((await this.poll(quiet)).items);
		}
		this.clocks.pass(60_000);
		const last = await this.poll(quiet);
		this.checks.close(this.changes.log, this.emitted);
		return { phase: this.phase, failed: last.failed };
	}

	private stateText() {
		return JSON.stringify(this.trigger.state ?? null);
	}

	private betweenPolls() {
		const { changes, random } = this;
		if (changes.scope < 300 && random.chance(0.15)) changes.create(random.between(501, 650));
		else if (random.chance(0.5)) changes.create(random.between(1, 3));
		for (let edits = random.between(0, 4); edits > 0; edits--) changes.edit();
		for (let moves = random.between(0, 2); moves > 0; moves--) changes.closeOrReopen();
		if (changes.scope > 700 && random.chance(0.3)) changes.delete(random.between(300, 600));
		else if (random.chance(0.2)) changes.delete(1);
	}

	private async duringPaging() {
		const { changes, random } = this;
		for (let count = random.between(1, 4); count > 0; count--) {
			this.clocks.tick(random.between(1, 50));
			const action = random.between(0, 9);
			if (action < 3) changes.edit();
			else if (action < 5) changes.closeOrReopen();
			else if (action < 7) changes.create(random.between(1, 3));
			else if (action < 8) changes.delete(1);
			else if (action < 9) {
				// One task deleted and one created: the count of tasks in scope comes out the same.
				changes.delete(1);
				changes.create(1);
			} else if (changes.scope < 900) changes.create(random.between(501, 600));
			this.counts.midWalkChanges++;
		}
		if (random.chance(0.4)) {
			const stateBefore = this.stateText();
			const requestsBefore = this.portal.requestCount;
			const items = await this.trigger.poll();
			this.overlaps.push({
				items,
				requests: this.portal.requestCount - requestsBefore,
				stateKept: this.stateText() === stateBefore,
			});
			this.counts.overlappingPolls++;
		}
	}

	/** Changes during the walk: before one list request of a page other than the first. */
	private planMidWalk() {
		const pages = Math.ceil(this.changes.scope / PAGE);
		if (pages < 2) return;
		const page = this.random.between(1, pages - 1);
		this.portal.beforeList = async (_index, request) => {
			if (!(request.url ?? '').includes(`startIndex=${page * PAGE}&`)) return;
			this.portal.beforeList = undefined;
			await this.duringPaging();
		};
	}

	private async poll(plan: PollPlan) {
		const { changes, counts, random, trigger } = this;
		changes.watch(trigger.state);
		if (plan.midWalk && random.chance(0.5)) this.planMidWalk();
		const pages = Math.ceil(changes.scope / PAGE);
		const fault = plan.faults && random.chance(0.07) ? this.faults.plan(pages + 1) : undefined;
		const stateBefore = this.stateText();
		counts.polls++;
		let items: IDataObject[] | null = null;
		let failed = false;
		try {
			items = await trigger.poll();
		} catch (error) {
			failed = true;
			counts.failedPolls++;
			// A failed poll keeps the state it had: the next one catches up from there.
			expect(this.stateText()).toBe(stateBefore);
			expect(error).toBeInstanceOf(Error);
		}
		this.portal.beforeList = undefined;
		this.faults.clear();
		if (fault === 'token expired, sign-in throttled') {
			// n8n keeps the token the trigger renewed; the harness gives each poll the credential
			// anew, so it is signed in again here.
			trigger.useCredentials(await this.portal.signedIn(this.user));
		}
		this.emitted.push(...changes.emittedItems(items));
		counts.maxStateChars = Math.max(counts.maxStateChars, this.stateText().length);
		counts.maxTasks = Math.max(counts.maxTasks, changes.scope);
		return { items, failed };
	}

	private async reconfigure() {
		this.configurationBefore = this.trigger.state?.configuration;
		this.configuration = (this.configuration + 1) % CONFIGURATIONS.length;
		const next = CONFIGURATIONS[this.configuration];
		this.trigger.reconfigure(triggerParameters('updated', next.filters));
		if (next.user !== this.user) {
			this.user = next.user;
			this.trigger.useCredentials(await this.portal.signedIn(this.user));
		}
		this.counts.reconfigurations++;
	}

	/** After a poll that did not fail: the configuration moves on to its next phase. */
	private async afterPoll(items: IDataObject[] | null) {
		if (this.phase === 'settling') {
			// Every change so far was there for this poll to read in full: the configuration is
			// checked, and the user edits the trigger.
			this.checks.close(this.changes.log, this.emitted);
			this.emitted = [];
			this.changes.forgetChanges();
			await this.reconfigure();
			this.phase = 'taking over';
		} else if (this.phase === 'taking over') {
			// The first poll after a change of configuration emits nothing, and what it read is what
			// the next poll compares with, once it read the scope in full (it then stores the new
			// configuration): the new configuration takes over here, so the changes it reports are
			// the ones from now on (those since the edit were nobody's).
			expect(items).toBeNull();
			if (this.trigger.state?.configuration === this.configurationBefore) return;
			this.changes.log.reset();
			this.changes.forgetChanges();
			this.phase = 'polling';
		}
	}
}
