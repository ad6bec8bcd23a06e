import nock from 'nock';

import { recordSimulation } from '../helpers/reliability/simulationFigures';
import { recordWaits } from '../helpers/waits';
import { simulateCopperTrigger } from './simulation/simulateTrigger';
import { CopperForTrigger } from './trigger-sandbox';

/** The run's seed: a failing seed is replayed by putting it here. */
const SEED = 20261123;
const POLLS = 500;

/**
 * The most static data the trigger may hold, in characters, however many changes the run makes:
 * its state holds the changes of the overlap window (2 minutes of Copper's clock) and the versions
 * of its newest second, so it grows with the busiest window, never with the run. The busiest
 * windows here (bursts of up to 500 tasks in a second) take about 9,500.
 */
const MAX_STATE_CHARS = 20_000;

/** The state once the overlap window has passed with one change in it: the cursor and that change. */
const QUIET_STATE_CHARS = 300;

/**
 * Issue 11, trigger simulation: the Copper trigger, polled 500 times against its emulator over real
 * HTTP through n8n's PollContext, emits every change Copper made exactly once and in order, whatever
 * happens around the polls (see simulateCopperTrigger).
 */
describe('Copper Trigger › simulation', () => {
	let copper: CopperForTrigger;
	// The transport's backoff between attempts is recorded, not slept.
	const waits = recordWaits();
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	afterEach(async () => {
		await copper.close();
	});

	it(`emits each change once, in order, over ${POLLS} polls (seed ${SEED})`, async () => {
		copper = await CopperForTrigger.start();
		const startedAt = performance.now();

		const run = await simulateCopperTrigger(copper, { seed: SEED, polls: POLLS });

		const { check, counts } = run;
		recordSimulation('Copper', SEED, check, {
			...run,
			overlappingPolls: counts.overlappingPolls,
			requests: counts.searches,
			startedAt,
		});

		expect(check.missed).toEqual([]);
		expect(check.duplicates).toEqual([]);
		expect(check.unknown).toEqual([]);
		expect(check.outOfOrder).toEqual([]);
		expect(run.unexpectedFailures).toEqual([]);
		expect(run.failuresThatMovedState).toBe(0);
		expect(run.afreshEmissions).toBe(0);
		expect(counts.overlapsThatActed).toBe(0);

		// Every scenario happened.
		expect(run.polls).toBeGreaterThanOrEqual(POLLS);
		expect(run.sameSecondChanges).toBeGreaterThan(0);
		expect(counts.changesBeforeLaterPage).toBeGreaterThan(0);
		expect(counts.changesBeforeRead).toBeGreaterThan(0);
		expect(counts.stormChanges).toBeGreaterThan(0);
		expect(run.bursts).toBeGreaterThan(0);
		expect(run.largestBurst).toBeGreaterThan(2 * 200);
		expect(counts.lateCreations).toBeGreaterThan(0);
		expect(run.stampedLate).toBeGreaterThan(0);
		expect(run.settleCapReached).toBeGreaterThan(0);
		expect(run.skewAhead).toBeGreaterThanOrEqual(240);
		expect(run.skewBehind).toBeGreaterThanOrEqual(240);
		expect([...counts.faultKinds].sort()).toEqual(
			expect.arrayContaining([
				'429 with Retry-After past the wait bound',
				'429 with Retry-After: 0, once',
				'429 without Retry-After, once',
				'no answer (timeout), once',
				'no answer (timeout)',
				expect.stringMatching(/^HTTP 5\d\d$/),
				expect.stringMatching(/^HTTP 5\d\d once$/),
			]),
		);
		expect(run.failedPolls).toBeGreaterThan(0);
		expect(waits.length).toBeGreaterThan(0);
		expect(counts.overlappingPolls).toBeGreaterThan(0);
		expect(run.reconfigurations).toBeGreaterThan(0);
		expect(run.restarts).toBeGreaterThan(0);

		expect(run.maxStateChars).toBeLessThanOrEqual(MAX_STATE_CHARS);
		expect(run.quietStateChars).toBeLessThanOrEqual(QUIET_STATE_CHARS);
	}, 300_000);
});
