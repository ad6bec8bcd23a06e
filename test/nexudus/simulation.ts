import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { pauses } from '../../nodes/shared/transport/faults';
import { ChangeLog, type ChangeLogCheck } from '../helpers/reliability/changeLog';
import { ConfigurationChecks } from '../helpers/reliability/configurations';
import { fakeMachineClock } from '../helpers/reliability/machineClock';
import { seededRandom, type Random } from '../helpers/reliability/random';
import { SEED_REFERENCE_DATA } from '../sandbox/nexudus/seed';
import { NexudusForTrigger, type NexudusFault, type TriggerRequest } from './nexudusForTrigger';

/**
 * The space's time zone, and the two stretches of Nexudus' clock the run covers: each starts
 * shortly before one of its daylight-saving changes (the spring gap on 29 March 2026 at 01:00 UTC,
 * the repeated hour on 25 October 2026 at 01:00 UTC), and the run jumps from one to the other.
 */
const TIME_ZONE = 'Europe/Berlin';
const SPRING = new Date('2026-03-29T00:20:00Z');
const SPRING_GAP = new Date('2026-03-29T01:00:00Z');
const AUTUMN = new Date('2026-10-25T00:15:00Z');
const REPEATED_HOUR = new Date('2026-10-25T01:00:00Z');

/** Tasks the space has before the trigger is activated: more than a page, for bursts of updates. */
const POOL = 1_150;
const [HARBOUR, LISBON] = SEED_REFERENCE_DATA.businesses;

/** The two configurations the run switches between; both report creations and updates. */
const CONFIGURATIONS: Array<{ parameters: INodeParameters; watches: (task: IDataObject) => boolean }> =
	[
		{
			parameters: { resource: 'coworkerTask', event: 'createdOrUpdated', filters: {} },
			watches: () => true,
		},
		{
			parameters: {
				resource: 'coworkerTask',
				event: 'createdOrUpdated',
				filters: { business: { __rl: true, mode: 'id', value: String(LISBON.Id) } },
			},
			watches: (task) => task.BusinessId === LISBON.Id,
		},
	];

/**
 * Faults that fail a poll midway: every request from that point on gets them, until it throws.
 * Server errors are retried with real waits before the poll gives up, so they are the rarer ones.
 */
const SERVER_ERRORS: NexudusFault[] = [
	{ status: 500 },
	{ status: 502 },
	{ status: 503 },
	{ status: 504 },
];
/** Throttled for longer than the trigger waits: it gives up at once. */
const LONG_THROTTLING: NexudusFault = { status: 409, retryAfterSeconds: 61 };

export interface SimulationResult {
	check: ChangeLogCheck;
	polls: number;
	failedPolls: number;
	/** Failed polls after which the trigger's state differed from before them: must be 0. */
	failedPollsThatChangedState: number;
	throttledPolls: number;
	/** Polls that met server errors that did not clear. */
	serverErrorPolls: number;
	overlappingPolls: number;
	reconfigurations: number;
	restarts: number;
	bursts: number;
	largestBurst: number;
	changesBetweenPolls: number;
	changesDuringPaging: number;
	changesBeforeFullRead: number;
	skews: { ahead: number; behind: number };
	polledInRepeatedHour: number;
	polledAfterSpringGap: number;
	maxStateChars: number;
	requests: number;
	seconds: number;
}

/**
 * A seeded run of the Nexudus trigger against the emulator, as n8n drives it, with everything that
 * happens to a real space and a real n8n between and during polls. Every change the space makes is
 * logged as the task reads after it (the ground truth), and every item the trigger emits is
 * checked against that log.
 */
export async function simulateNexudusTrigger(seed: number, polls: number): Promise<SimulationResult> {
	const started = performance.now();
	const random = seededRandom(seed);
	let serverTime = SPRING.getTime() - 3_600_000;
	const nexudus = await NexudusForTrigger.start({
		now: () => new Date(serverTime),
		timestampMode: 'localWithFakeZ',
		timeZone: TIME_ZONE,
	});
	const machineClock = fakeMachineClock(new Date(serverTime));
	// The transport's waits between attempts are counted, not slept: the run is about what the
	// trigger emits, not how long it waits.
	const waits = jest.spyOn(pauses, 'wait').mockResolvedValue();
	const tick = (seconds: number) => (serverTime += seconds * 1000);
	try {
		const result = await run(random, nexudus, tick, (skewSeconds) =>
			machineClock.set(new Date(serverTime + skewSeconds * 1000)),
		);
		return { ...result, seconds: Math.round(performance.now() - started) / 1000 };
	} finally {
		machineClock.restore();
		waits.mockRestore();
		await nexudus.close();
	}

	async function run(
		random: Random,
		nexudus: NexudusForTrigger,
		tick: (seconds: number) => void,
		setMachineClock: (skewSeconds: number) => void,
	): Promise<Omit<SimulationResult, 'seconds'>> {
		const log = new ChangeLog();
		const checks = new ConfigurationChecks();
		let emitted: Array<{ id: string; version: string }> = [];
		let configuration = 0;
		let changeNumber = 0;
		const figures = {
			failedPolls: 0,
			failedPollsThatChangedState: 0,
			throttledPolls: 0,
			serverErrorPolls: 0,
			overlappingPolls: 0,
			reconfigurations: 0,
			restarts: 0,
			bursts: 0,
			largestBurst: 0,
			changesBetweenPolls: 0,
			changesDuringPaging: 0,
			changesBeforeFullRead: 0,
			skews: { ahead: 0, behind: 0 },
			polledInRepeatedHour: 0,
			polledAfterSpringGap: 0,
			maxStateChars: 0,
		};

		const pool: number[] = [];
		for (let index = 0; index < POOL; index++) {
			const business = index % 2 ? LISBON : HARBOUR;
			pool.push(nexudus.create({ Name: `Task ${index}`, BusinessId: business.Id }));
		}
		/** Logs the task's new version if the trigger's configuration watches it. */
		const logChange = (id: number) => {
			const task = nexudus.task(id);
			if (CONFIGURATIONS[configuration].watches(task)) log.record(String(id), JSON.stringify(task));
		};
		const change = () => {
			changeNumber++;
			if (random.chance(0.3)) {
				const business = random.pick([HARBOUR, LISBON]);
				const id = nexudus.create({ Name: `New ${changeNumber}`, BusinessId: business.Id });
				pool.push(id);
				logChange(id);
			} else {
				const id = random.pick(pool);
				nexudus.update(id, { Notes: `Change ${changeNumber}`, Completed: random.chance(0.5) });
				logChange(id);
			}
		};
		/** Updates a run of consecutive tasks in one second, as a bulk command does. */
		const burst = () => {
			const size = random.between(1_010, 1_100);
			const first = random.between(0, pool.length - size);
			changeNumber++;
			for (const id of pool.slice(first, first + size)) {
				nexudus.update(id, { Notes: `Bulk ${changeNumber}` });
				logChange(id);
			}
			figures.bursts++;
			figures.largestBurst = Math.max(figures.largestBurst, size);
		};

		const trigger = nexudus.activate(CONFIGURATIONS[configuration].parameters);
		expectQuiet(await trigger.poll(), 'activation');
		let skew = 0;
		for (let poll = 0; poll < polls; poll++) {
			if (poll === Math.floor(polls / 2)) serverTime = AUTUMN.getTime();
			if (poll % 40 === 0) skew = random.between(-300, 300);
			setMachineClock(skew);
			figures.skews[skew >= 0 ? 'ahead' : 'behind']++;

			if (poll % 125 === 60) {
				// The user edits the active trigger, a quiet minute after its last poll under the old
				// configuration, which delivered everything changed until then. The next poll starts
				// afresh from Nexudus' newest change and reports nothing: only what changes after that
				// poll is news, so the new configuration's log starts there (nothing changes while it
				// runs).
				tick(60);
				emitted.push(...(await quietPoll()));
				checks.close(log, emitted);
				emitted = [];
				configuration = 1 - configuration;
				trigger.reconfigure(CONFIGURATIONS[configuration].parameters);
				expectQuiet(await trigger.poll(), 'reconfiguration');
				figures.reconfigurations++;
				continue;
			}

			// Between polls: changes at random seconds, now and then a burst in one second.
			for (let count = random.between(0, 4); count > 0; count--) {
				tick(random.between(0, 12));
				change();
				figures.changesBetweenPolls++;
			}
			if (poll % 90 === 20) burst();
			tick(random.between(5, 40));
			// A quiet hour a few polls after a burst, which every poll re-reads until it leaves the
			// window (an hour and two minutes): a cost the run need not pay 70 times per burst. Not in
			// the autumn stretch, whose repeated hour the run polls through.
			if (poll % 90 === 26 && poll < polls / 2) tick(3_900);

			if (random.chance(0.02)) {
				trigger.restart();
				figures.restarts++;
			}

			const outcome = await pollWithEvents(trigger);
			if (outcome) emitted.push(...outcome.map((task) => versionOf(task)));
			figures.maxStateChars = Math.max(figures.maxStateChars, JSON.stringify(trigger.state).length);
		}
		// Quiet polls at the end, as time goes by, deliver what the last polls left.
		for (let poll = 0; poll < 3; poll++) {
			tick(60);
			emitted.push(...(await quietPoll()));
		}
		checks.close(log, emitted);
		return { ...figures, requests: nexudus.requests, polls, check: checks.total() };

		/** A poll with nothing happening during it. */
		async function quietPoll() {
			nexudus.pollStarts();
			return ((await trigger.poll()) ?? []).map((task) => versionOf(task));
		}

		/** One poll with whatever the seed sends its way; undefined when it failed. */
		async function pollWithEvents(active: ActivePollTrigger) {
			nexudus.pollStarts();
			const failAt = random.chance(0.06) ? random.between(0, 3) : undefined;
			const outage = random.chance(0.08) ? random.pick(SERVER_ERRORS) : LONG_THROTTLING;
			if (failAt !== undefined && outage !== LONG_THROTTLING) figures.serverErrorPolls++;
			// A server error that clears after one answer: retried, or the poll fails.
			if (random.chance(0.015)) nexudus.failNext(random.pick(SERVER_ERRORS));
			// Throttled once, then let through: with Retry-After 0, or without one (the trigger
			// then waits its own 2 s).
			if (random.chance(0.03)) {
				nexudus.failNext({ status: 409, retryAfterSeconds: random.chance(0.7) ? 0 : undefined });
				figures.throttledPolls++;
			}
			let overlapping: Promise<IDataObject[] | null> | undefined;
			let requestIndex = 0;
			nexudus.beforeRequest = (request: TriggerRequest) => {
				if (requestIndex++ === failAt) nexudus.outage = outage;
				if (request.kind === 'search' && !overlapping && random.chance(0.04)) {
					overlapping = active.poll();
				}
				if (request.laterPage && random.chance(0.5)) {
					tick(1);
					change();
					figures.changesDuringPaging++;
				}
				if (request.kind === 'read' && random.chance(0.3)) {
					tick(random.between(0, 2));
					change();
					figures.changesBeforeFullRead++;
				}
			};
			const stateBefore = JSON.stringify(active.state);
			try {
				return await active.poll();
			} catch {
				figures.failedPolls++;
				if (JSON.stringify(active.state) !== stateBefore) figures.failedPollsThatChangedState++;
				return undefined;
			} finally {
				nexudus.outage = undefined;
				nexudus.beforeRequest = undefined;
				if (overlapping) {
					expectQuiet(await overlapping, 'overlapping poll');
					figures.overlappingPolls++;
				}
				countDaylightSaving();
			}
		}

		/** Counts polls within the hour after each daylight-saving change. */
		function countDaylightSaving() {
			const within = (change: Date) =>
				serverTime >= change.getTime() && serverTime < change.getTime() + 3_600_000;
			if (within(SPRING_GAP)) figures.polledAfterSpringGap++;
			if (within(REPEATED_HOUR)) figures.polledInRepeatedHour++;
		}
	}
}

/** The (ID, version) pair an emitted task stands for: the task as Nexudus held it. */
const versionOf = (task: IDataObject) => ({ id: String(task.Id), version: JSON.stringify(task) });

function expectQuiet(items: IDataObject[] | null, poll: string) {
	if (items !== null) throw new Error(`The ${poll} emitted ${items.length} items`);
}
