import nock from 'nock';

import { MAX_SNAPSHOT_RECORDS } from '../../nodes/shared/polling/pollSnapshot';
import { pauses, transientFaultPolicy } from '../../nodes/shared/transport/faults';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { ChangeLog } from '../helpers/reliability/changeLog';
import { recordSimulation } from '../helpers/reliability/simulationFigures';
import { seededRandom } from '../helpers/reliability/random';
import { passwordCredentials, TRIGGER } from './credentials';
import { listedTask, serveTasks, type ListedTask } from './simulation/capPortal';
import { SkewedClocks } from './simulation/skewedClocks';
import { versionOf } from './simulation/taskChanges';
import { TriggerRun } from './simulation/triggerRun';
import { OnlyofficeForTrigger, START, triggerParameters } from './trigger-sandbox';

/** The seed of the run: a failing run is replayed with the seed its test name shows. */
const SEED = 20_261_123;
const POLLS = 500;
/** The most tasks the run has on the portal (see TriggerRun). */
const MAX_TASKS = 1_600;

/**
 * A seeded run of 500 polls of the ONLYOFFICE trigger (Task Updated) against the emulator on the
 * loopback: tasks created (in bursts of more than a page at one time stamp, too), edited, their
 * deadlines moved, closed, reopened and deleted between polls and between the pages of a poll;
 * polls failing midway; overlapping polls; ±5 minutes between n8n's clock and the portal's;
 * configuration changes and n8n restarts. Every edit of a watched task is reported once, as a
 * version the portal had, in order, and the state stays bounded.
 */
describe('ONLYOFFICE Trigger › simulation', () => {
	let portal: OnlyofficeForTrigger;
	let clocks: SkewedClocks;
	const timeoutMs = transientFaultPolicy.timeoutMs;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(() => {
		// The transport's waits between attempts are counted, not slept, and an answer that does not
		// come is given up after a second: the run is about what the trigger emits, not how long it
		// waits.
		jest.spyOn(pauses, 'wait').mockResolvedValue();
		transientFaultPolicy.timeoutMs = 1_000;
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		transientFaultPolicy.timeoutMs = timeoutMs;
		clocks?.restore();
		await portal?.stop();
		expect(portal.hookErrors).toEqual([]);
	});

	it(`seed ${SEED}: ${POLLS} polls report every edit once, in order, with bounded state`, async () => {
		const startedAt = performance.now();
		const random = seededRandom(SEED);
		clocks = new SkewedClocks(START, random);
		portal = await OnlyofficeForTrigger.start({ now: clocks.portalNow });
		const run = new TriggerRun(portal, clocks, random);
		await run.start();
		for (let round = 0; round < POLLS; round++) await run.round(round === 0);
		expect(await run.finish()).toEqual({ phase: 'polling', failed: false });
		const { counts, changes, faults, overlaps } = run;

		const total = run.checks.total();
		recordSimulation('ONLYOFFICE', SEED, total, {
			...counts,
			requests: portal.requestCount,
			startedAt,
		});

		expect({
			missed: total.missed,
			duplicates: total.duplicates,
			unknown: total.unknown,
			outOfOrder: total.outOfOrder,
		}).toEqual({ missed: [], duplicates: [], unknown: [], outOfOrder: [] });
		expect(overlaps.filter((overlap) => overlap.items !== null || overlap.requests !== 0)).toEqual(
			[],
		);
		expect(overlaps.every((overlap) => overlap.stateKept)).toBe(true);
		// Every scenario happened.
		expect(counts.polls).toBeGreaterThanOrEqual(POLLS);
		for (const count of [
			total.changes,
			total.emitted,
			counts.failedPolls,
			counts.overlappingPolls,
			counts.reconfigurations,
			counts.restarts,
			counts.midWalkChanges,
			...Object.values(changes.counts),
			...Object.values(faults.counts),
		]) {
			expect(count).toBeGreaterThan(0);
		}
		expect(clocks.range.min).toBeLessThanOrEqual(-4 * 60_000);
		expect(clocks.range.max).toBeGreaterThanOrEqual(4 * 60_000);
		// The state: 6 characters a task and its ID (at most 5 digits and a comma) and ~180 besides,
		// whatever the number of changes.
		expect(counts.maxTasks).toBeLessThanOrEqual(MAX_TASKS);
		expect(counts.maxStateChars).toBeLessThanOrEqual(12 * MAX_TASKS + 200);
	}, 300_000);
});

/**
 * The one cap of the engine a burst can cross: a snapshot of at most 25,000 tasks. Past it, a poll
 * fails clearly and keeps its state; back under it, the next poll reports every edit made
 * meanwhile, once. (The engine's other bound, 1,000 pages a poll, is 500,000 tasks: this one stops
 * a poll long before.)
 */
describe('ONLYOFFICE Trigger › simulation › the snapshot cap', () => {
	it(`a burst past ${MAX_SNAPSHOT_RECORDS} tasks fails polls clearly, state kept; back under, each edit is reported once`, async () => {
		let servedAt = START.getTime();
		const tasks = Array.from({ length: MAX_SNAPSHOT_RECORDS - 10 }, (_, index) =>
			listedTask(index + 1, new Date(servedAt - 3_600_000).toISOString()),
		);
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: triggerParameters('updated'),
			credentials: passwordCredentials,
		});
		const log = new ChangeLog();
		const emitted: Array<{ id: string; version: string }> = [];
		let editions = 0;
		const edit = (task: ListedTask) => {
			task.title = `Edited ${++editions}`;
			log.record(String(task.id), versionOf({ ...task }));
		};
		const poll = async () => {
			servedAt += 60_000;
			serveTasks(tasks, new Date(servedAt));
			const items = await trigger.poll();
			emitted.push(
				...(items ?? []).map((item) => ({ id: String(item.id), version: versionOf(item) })),
			);
			return items;
		};

		expect(await poll()).toBeNull();
		const state = trigger.state;
		// A burst of 20 tasks at one time stamp takes the scope past the cap; two edits with it.
		const created = new Date(servedAt + 30_000).toISOString();
		for (let id = tasks.length + 1; tasks.length < MAX_SNAPSHOT_RECORDS + 10; id++) {
			tasks.push(listedTask(id, created));
		}
		edit(tasks[3]);
		edit(tasks[20_000]);
		for (let failing = 0; failing < 2; failing++) {
			await expect(poll()).rejects.toMatchObject({
				message: 'The trigger watches more than 25,000 records',
				description: 'Narrow it with its filters, so that each poll can compare every record.',
			});
			expect(trigger.state).toEqual(state);
			edit(tasks[3 + failing * 7_000]);
		}
		// Back under the cap: 30 tasks nobody edited are deleted.
		tasks.splice(100, 30);
		const reported = await poll();
		expect(reported?.map((item) => item.id)).toEqual([4, 7_004, 20_001]);
		expect(await poll()).toBeNull();
		expect(log.check(emitted)).toMatchObject({
			changes: 4,
			missed: [],
			duplicates: [],
			unknown: [],
			outOfOrder: [],
		});
	});
});
