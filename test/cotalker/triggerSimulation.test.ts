import { transientFaultPolicy } from '../../nodes/shared/transport/faults';
import { ConfigurationChecks } from '../helpers/reliability/configurations';
import { recordSimulation } from '../helpers/reliability/simulationFigures';
import { fakeMachineClock, type MachineClock } from '../helpers/reliability/machineClock';
import { seededRandom } from '../helpers/reliability/random';
import { recordWaits } from '../helpers/waits';
import { CotalkerGroundTruth, type WatchedChanges } from './simulation/groundTruth';
import { FAULT_KINDS, ListFaults } from './simulation/listFaults';
import { SimulatedTrigger } from './simulation/simulatedTrigger';
import { TaskChanges } from './simulation/taskChanges';
import { closeEveryCotalker, CotalkerForTrigger, PROJECTS, SUPPORT } from './trigger-sandbox';

/** The seed of the run: a failing run is replayed with SIMULATION_SEED=<the seed in its name>. */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code, not shipped
const SEED = Number(process.env.SIMULATION_SEED ?? 20261123);
const POLLS = 500;
/** Polls between two changes of the trigger's configuration. */
const POLLS_PER_CONFIGURATION = 100;
/**
 * The configurations the run goes through, in turn. Updated is left to its own proof
 * (triggerRaces): an edit followed by a state move before a poll is one State Changed, so whether
 * an edit is an Updated change depends on when the polls ran, which a change log cannot say.
 */
const CONFIGURATIONS: WatchedChanges[] = [
	{ event: 'anyChange', groups: [PROJECTS, SUPPORT] },
	{ event: 'stateChanged', groups: [PROJECTS] },
	{ event: 'created', groups: [PROJECTS, SUPPORT] },
	{ event: 'anyChange', groups: [SUPPORT] },
	{ event: 'stateChanged', groups: [PROJECTS, SUPPORT] },
];
/** How far Cotalker's clock is ahead of this machine's, at most (behind when negative). */
const MAX_SKEW_MS = 5 * 60_000;
/** How far the Date of Cotalker's answers may be from its tasks' stamps (see readWindow). */
const MAX_DATE_OFFSET_MS = 60_000;
/** Polls between two changes of the skew: both extremes first, then anywhere between. */
const POLLS_PER_SKEW = 40;
/** Polls between two bursts: up to 260 tasks in one millisecond (pages hold 100). */
const POLLS_PER_BURST = 50;
const MAX_BURST = 260;
const MAX_BULK_EDITS = 60;
/** Polls between two windows that keep growing while read (WALK_ATTEMPTS). */
const POLLS_PER_BUSY_WINDOW = 100;
/**
 * The most a poll's state may hold, whatever the number of changes: it keeps the IDs of the
 * changes in the two minutes the next poll reads again (a 24-character ObjectId and a comma
 * each), and a fingerprint of those at the newest instant (about 40 characters each). The busiest
 * two minutes of the run hold a burst and its bulk edits, a busy window and a few dozen single
 * changes: under 700 changes. Remembering every change of the run would take far more.
 */
const STATE_BOUND_CHARS = 700 * 70;

/** What must have happened in the run, each at least once. */
const SCENARIOS = [
	'failedPolls',
	'overlappingPolls',
	'reconfigurations',
	'restarts',
	'changesWhilePaging',
	'bursts',
	'busyWindows',
	'slowPolls',
] as const;

/**
 * The most attempts in a row a fault takes: one more than the transport makes for a transient
 * fault, as many as it makes for throttling. Shorter runs of faults are waited out, longer ones
 * fail the poll.
 */
const MAX_FAULTS_IN_A_ROW = transientFaultPolicy.maxAttempts + 1;
/** How long a hanging list request is waited for (the transport gives each attempt 60 s). */
const TIMEOUT_MS = 1_000;

describe('Cotalker Trigger › simulation', () => {
	closeEveryCotalker();
	// The transport's waits between attempts are recorded, not slept.
	const waits = recordWaits();
	let clock: MachineClock | undefined;
	const timeoutMs = transientFaultPolicy.timeoutMs;
	beforeEach(() => {
		transientFaultPolicy.timeoutMs = TIMEOUT_MS;
	});
	afterEach(() => {
		clock?.restore();
		transientFaultPolicy.timeoutMs = timeoutMs;
	});

	it(`${POLLS} polls with changes, bursts, faults, skew, overlaps, new settings and restarts: each change once (seed ${SEED})`, async () => {
		const startedAt = performance.now();
		const cotalker = await CotalkerForTrigger.start();
		const rand = seededRandom(SEED);
		const changes = new TaskChanges(cotalker, rand);
		const faults = new ListFaults(cotalker);
		const truth = new CotalkerGroundTruth(cotalker, CONFIGURATIONS[0]);
		clock = fakeMachineClock(cotalker.sandbox.now());
		const trigger = new SimulatedTrigger({ cotalker, rand, changes, faults, truth, clock });
		const { counters } = trigger;
		const checks = new ConfigurationChecks();

		changes.seed(30);
		cotalker.tick(60);
		await trigger.activate();
		for (let round = 0; round < POLLS; round++) {
			if (round % POLLS_PER_SKEW === 0) {
				const turn = round / POLLS_PER_SKEW;
				trigger.skew(
					turn < 2 ? [MAX_SKEW_MS, -MAX_SKEW_MS][turn] : rand.between(-MAX_SKEW_MS, MAX_SKEW_MS),
				);
				// Cotalker's web front dates its answers by a clock of its own, a minute either side
				// of the one that stamps tasks, and now and then sends no Date at all.
				cotalker.dateOffsetMs = rand.between(-MAX_DATE_OFFSET_MS, MAX_DATE_OFFSET_MS);
				cotalker.dated = turn % 4 !== 3;
			}
			cotalker.tick(rand.between(20, 120));
			await changes.some(4);
			if (round % POLLS_PER_BURST === 17) {
				await changes.burst(rand.between(130, MAX_BURST), rand.between(0, MAX_BULK_EDITS));
				counters.bursts++;
			}
			const busyWindow = round % POLLS_PER_BUSY_WINDOW === 33;
			if (busyWindow) {
				cotalker.tickMs(1);
				cotalker.createMany(truth.watched.groups[0], 150, 'Busy');
			}
			await trigger.poll({
				fault: !busyWindow && rand.chance(0.1) ? faults.plan(rand, MAX_FAULTS_IN_A_ROW) : undefined,
				overlap: rand.chance(0.05),
				changesWhilePaging: rand.chance(0.4),
				slow: rand.chance(0.05),
				busyWindow,
			});
			if (rand.chance(0.04)) trigger.restart();
			if (round % POLLS_PER_CONFIGURATION === POLLS_PER_CONFIGURATION - 1) {
				// A burst as the newest change: the new configuration's first poll looks through
				// only the newest 25 (NEWEST_CANDIDATES) for where to start.
				await changes.burst(rand.between(130, MAX_BURST), 0);
				await trigger.close(checks);
				const next = CONFIGURATIONS[(round + 1) / POLLS_PER_CONFIGURATION];
				if (next) await trigger.reconfigure(next);
			}
		}

		const result = checks.total();
		recordSimulation('Cotalker', SEED, result, { ...counters, startedAt });

		expect(result).toMatchObject({ missed: [], duplicates: [], unknown: [], outOfOrder: [] });
		expect(checks.count).toBe(CONFIGURATIONS.length);
		expect(counters.polls).toBeGreaterThanOrEqual(POLLS);
		expect(result.emitted).toBeGreaterThan(0);
		// Every scenario happened (the list names those that did not).
		expect(SCENARIOS.filter((scenario) => counters[scenario] === 0)).toEqual([]);
		expect(FAULT_KINDS.filter((kind) => !faults.met.get(kind))).toEqual([]);
		// Some faults were waited out by the transport's retries, some failed their poll.
		expect(waits.length).toBeGreaterThan(0);
		expect(truth.sameChangeEdits).toBeGreaterThan(0);
		expect([counters.minSkewMs, counters.maxSkewMs]).toEqual([-MAX_SKEW_MS, MAX_SKEW_MS]);
		expect(counters.maxStateChars).toBeLessThan(STATE_BOUND_CHARS);
	}, 180_000);
});
