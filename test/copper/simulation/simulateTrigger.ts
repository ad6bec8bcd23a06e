import type { IDataObject } from 'n8n-workflow';

import type { ChangeLogCheck } from '../../helpers/reliability/changeLog';
import { ConfigurationChecks } from '../../helpers/reliability/configurations';
import { fakeMachineClock } from '../../helpers/reliability/machineClock';
import { seededRandom, type Random } from '../../helpers/reliability/random';
import { triggerParameters, type CopperForTrigger } from '../trigger-sandbox';
import { CopperUsers, emittedPair, type TriggerEvent } from './copperUsers';
import { pollPlanner } from './pollPlans';
import { PollScript, type PollPlan, type ScriptCounts } from './pollScript';

/** The events an edit of the active trigger cycles through. */
const EVENTS: TriggerEvent[] = ['createdOrUpdated', 'updated', 'created'];

/** Copper's page (the trigger's page size) and the trigger's overlap window, in seconds. */
const PAGE = 200;
const OVERLAP_SECONDS = 120;

/** How often the engine checks a second it paged through (listStream.ts). */
const SETTLE_ATTEMPTS = 3;

/** The most n8n's clock stands off Copper's, either way, in seconds. */
const MAX_SKEW_SECONDS = 300;

/** What a simulation measured. */
export interface SimulationResult {
	check: ChangeLogCheck;
	counts: ScriptCounts;
	polls: number;
	failedPolls: number;
	/** Failed polls that left the state other than they found it: must stay 0. */
	failuresThatMovedState: number;
	/** Polls that failed without meeting a fault: must stay empty. */
	unexpectedFailures: string[];
	/** Items emitted by the first poll of a configuration, which must emit none. */
	afreshEmissions: number;
	reconfigurations: number;
	restarts: number;
	bursts: number;
	largestBurst: number;
	/** Tasks created stamped up to a minute late, between polls. */
	stampedLate: number;
	sameSecondChanges: number;
	/** The furthest Copper's clock stood ahead of n8n's, and behind it, in seconds. */
	skewAhead: number;
	skewBehind: number;
	/**
	 * Polls that checked a second they paged through SETTLE_ATTEMPTS (3) times, each time finding
	 * Copper's count above what they had seen: they left it for the next poll.
	 */
	settleCapReached: number;
	maxStateChars: number;
	/** The state's size after a quiet spell longer than the overlap window. */
	quietStateChars: number;
}

/**
 * A seeded run of `polls` polls of the Copper trigger against its emulator: Copper's users change
 * tasks between polls and during them, polls fail midway, overlap, and the trigger is restarted and
 * edited, while n8n's clock stands up to 5 minutes off Copper's. Every emitted item is checked
 * against the changes Copper made (see ChangeLog).
 */
export async function simulateCopperTrigger(
	copper: CopperForTrigger,
	{ seed, polls }: { seed: number; polls: number },
): Promise<SimulationResult> {
	const random = seededRandom(seed);
	const users = new CopperUsers(copper, random);
	users.create(30);
	const trigger = copper.activate(users.event);
	const script = new PollScript(copper, users, trigger, random);
	const clock = fakeMachineClock(copper.sandbox.now());
	const configurations = new ConfigurationChecks();
	const plans = pollPlanner(random);
	const result = {
		polls: 0,
		failedPolls: 0,
		failuresThatMovedState: 0,
		unexpectedFailures: [] as string[],
		afreshEmissions: 0,
		reconfigurations: 0,
		restarts: 0,
		bursts: 0,
		largestBurst: 0,
		stampedLate: 0,
		skewAhead: 0,
		skewBehind: 0,
		settleCapReached: 0,
		maxStateChars: 0,
	};
	let emitted: Array<{ id: string; version: string }> = [];
	let skew = 0;

	// The trigger's static data as JSON; n8n creates it empty on the first poll.
	const stateNow = () => JSON.stringify(trigger.state ?? {});

	/** One poll as n8n runs it: a failure is caught and counted, and the next poll goes on. */
	const poll = async (plan: PollPlan): Promise<IDataObject[] | undefined> => {
		script.start(plan);
		result.polls++;
		const stateBefore = stateNow();
		try {
			const items = (await trigger.poll()) ?? [];
			emitted.push(...items.map((item) => emittedPair(item, users.event)));
			if ([...script.counted.values()].some((times) => times >= SETTLE_ATTEMPTS)) {
				result.settleCapReached++;
			}
			return items;
		} catch (error) {
			result.failedPolls++;
			if (!script.faulted) result.unexpectedFailures.push((error as Error).message);
			if (stateNow() !== stateBefore) result.failuresThatMovedState++;
			return undefined;
		} finally {
			result.maxStateChars = Math.max(result.maxStateChars, stateNow().length);
		}
	};

	/**
	 * The first poll of a configuration emits nothing and starts from Copper's newest change: that is
	 * where the configuration takes over, so the ground truth starts afresh right after it (what
	 * changed before, even since the edit, is history to the new configuration). It may fail; then
	 * the next poll is the first again.
	 */
	const startAfresh = async () => {
		for (;;) {
			const items = await poll(plans.firstOfConfiguration());
			if (!items) continue;
			result.afreshEmissions += items.length;
			users.log.reset();
			emitted = [];
			return;
		}
	};

	/** Quiet polls until the trigger has caught up (one emits nothing): the configuration's end. */
	const catchUp = async () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const items = await poll({});
			if (items?.length === 0) return;
		}
		throw new Error('The trigger did not catch up in 5 quiet polls');
	};

	try {
		await startAfresh();
		while (result.polls < polls) {
			if (random.chance(0.01)) {
				await catchUp();
				configurations.close(users.log, emitted);
				users.event = EVENTS[(EVENTS.indexOf(users.event) + 1) % EVENTS.length];
				trigger.reconfigure(triggerParameters(users.event));
				result.reconfigurations++;
				usersAct(users, copper, random, result);
				await startAfresh();
				continue;
			}
			if (random.chance(0.02)) {
				trigger.restart();
				result.restarts++;
			}
			usersAct(users, copper, random, result);
			skew = nextSkew(skew, random);
			result.skewAhead = Math.max(result.skewAhead, skew);
			result.skewBehind = Math.max(result.skewBehind, -skew);
			clock.set(new Date(copper.sandbox.now().getTime() - skew * 1000));
			await poll(plans.next());
		}
		await catchUp();
		configurations.close(users.log, emitted);

		// Once the overlap window has passed with one new change, the state holds that change and
		// its cursor, and forgets every change before.
		copper.tick(OVERLAP_SECONDS + 60);
		users.create(1);
		await poll({});
		await poll({});
		const quietStateChars = stateNow().length;
		return {
			...result,
			check: configurations.total(),
			counts: script.counts,
			sameSecondChanges: users.sameSecondChanges,
			quietStateChars,
		};
	} finally {
		script.stop();
		clock.restore();
	}
}

/**
 * Copper's users between two polls: time passes (nothing, seconds, or past the overlap window),
 * a few tasks are created and changed, and now and then a burst larger than a page lands in one
 * second: new tasks, or changes to existing ones.
 */
function usersAct(
	users: CopperUsers,
	copper: CopperForTrigger,
	random: Random,
	result: { bursts: number; largestBurst: number; stampedLate: number },
) {
	if (random.chance(0.04)) copper.tick(random.between(OVERLAP_SECONDS + 1, 400));
	else if (!random.chance(0.25)) copper.tick(random.between(1, 6));
	users.create(random.between(0, 2));
	users.update(random.between(0, 2));
	// A creation Copper saved late, stamped up to a minute before the newest stamp a poll has seen:
	// what the overlap window is for.
	if (random.chance(0.05)) {
		users.createStampedAt(copper.nowSeconds - random.between(1, 60));
		result.stampedLate++;
	}
	const burst = random.chance(0.02) ? random.between(PAGE + 1, 2 * PAGE + 100) : 0;
	if (burst) {
		result.bursts++;
		result.largestBurst = Math.max(result.largestBurst, burst);
		if (random.chance(0.6)) users.create(burst);
		else users.update(burst);
	}
}

/** n8n's clock drifts against Copper's, and now and then jumps to the other side of it. */
function nextSkew(skew: number, random: Random) {
	const next = random.chance(0.03) ? -skew : skew + random.between(-40, 40);
	return Math.max(-MAX_SKEW_SECONDS, Math.min(MAX_SKEW_SECONDS, next));
}
