import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { MAX_SNAPSHOT_RECORDS } from '../../nodes/shared/polling/pollSnapshot';
import { pauses, transientFaultPolicy } from '../../nodes/shared/transport/faults';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { ChangeLog } from '../helpers/reliability/changeLog';
import { ConfigurationChecks } from '../helpers/reliability/configurations';
import { recordFigures } from '../helpers/reliability/figures';
import { seededRandom } from '../helpers/reliability/random';
import { passwordCredentials, TRIGGER } from './credentials';
import { listedTask, serveTasks, type ListedTask } from './simulation/capPortal';
import { PollFaults } from './simulation/pollFaults';
import { SkewedClocks } from './simulation/skewedClocks';
import { TaskChanges, versionOf } from './simulation/taskChanges';
import {
	OLGA,
	OnlyofficeForTrigger,
	PAGE,
	picked,
	START,
	triggerParameters,
} from './trigger-sandbox';

/** The seed of the run: a failing run is replayed with the seed its test name shows. */
const SEED = 20_261_123;
const POLLS = 500;
/**
 * The tasks on the portal: 400 at first; a burst of more than a page (one time stamp) when fewer
 * than 300, deletions in bulk now and then above 700; so polls read one, two or three pages.
 */
const FIRST_TASKS = 400;
const MAX_TASKS = 1_600;

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
		const started = performance.now();
		const random = seededRandom(SEED);
		clocks = new SkewedClocks(START, random);
		portal = await OnlyofficeForTrigger.start({ now: clocks.portalNow });
		const changes = new TaskChanges(portal, random);
		const checks = new ConfigurationChecks();
		const counts = {
			polls: 0,
			failedPolls: 0,
			overlappingPolls: 0,
			reconfigurations: 0,
			restarts: 0,
			midWalkChanges: 0,
			maxStateChars: 0,
			maxTasks: 0,
		};
		const faults = new PollFaults(portal, random);
		const overlaps: Array<{ items: unknown; requests: number; stateKept: boolean }> = [];

		changes.create(FIRST_TASKS);
		let configuration = 0;
		/** The digest of the configuration in the trigger's state before the user edited it. */
		let configurationBefore: unknown;
		let user: 'olga' | 'mike' = 'olga';
		const trigger = portal.activate('updated', {}, await portal.signedIn());
		let emitted: Array<{ id: string; version: string }> = [];
		let phase: Phase = 'polling';

		const stateText = () => JSON.stringify(trigger.state ?? null);

		const betweenPolls = () => {
			if (changes.scope < 300 && random.chance(0.15)) changes.create(random.between(501, 650));
			else if (random.chance(0.5)) changes.create(random.between(1, 3));
			for (let edits = random.between(0, 4); edits > 0; edits--) changes.edit();
			for (let moves = random.between(0, 2); moves > 0; moves--) changes.closeOrReopen();
			if (changes.scope > 700 && random.chance(0.3)) changes.delete(random.between(300, 600));
			else if (random.chance(0.2)) changes.delete(1);
		};

		const duringPaging = async () => {
			for (let count = random.between(1, 4); count > 0; count--) {
				clocks.tick(random.between(1, 50));
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
				counts.midWalkChanges++;
			}
			if (random.chance(0.4)) {
				const stateBefore = stateText();
				const requestsBefore = portal.requestCount;
				const items = await trigger.poll();
				overlaps.push({
					items,
					requests: portal.requestCount - requestsBefore,
					stateKept: stateText() === stateBefore,
				});
				counts.overlappingPolls++;
			}
		};

		/** Changes during the walk: before one list request of a page other than the first. */
		const planMidWalk = () => {
			const pages = Math.ceil(changes.scope / PAGE);
			if (pages < 2) return;
			const page = random.between(1, pages - 1);
			portal.beforeList = async (_index, request) => {
				if (!(request.url ?? '').includes(`startIndex=${page * PAGE}&`)) return;
				portal.beforeList = undefined;
				await duringPaging();
			};
		};

		const poll = async (plan: PollPlan) => {
			changes.watch(trigger.state);
			if (plan.midWalk && random.chance(0.5)) planMidWalk();
			const pages = Math.ceil(changes.scope / PAGE);
			const fault = plan.faults && random.chance(0.07) ? faults.plan(pages + 1) : undefined;
			const stateBefore = stateText();
			counts.polls++;
			let items: IDataObject[] | null = null;
			let failed = false;
			try {
				items = await trigger.poll();
			} catch (error) {
				failed = true;
				counts.failedPolls++;
				// A failed poll keeps the state it had: the next one catches up from there.
				expect(stateText()).toBe(stateBefore);
				expect(error).toBeInstanceOf(Error);
			}
			portal.beforeList = undefined;
			faults.clear();
			if (fault === 'token expired, sign-in throttled') {
				// n8n keeps the token the trigger renewed; the harness gives each poll the credential
				// anew, so it is signed in again here.
				trigger.useCredentials(await portal.signedIn(user));
			}
			emitted.push(...changes.emittedItems(items));
			counts.maxStateChars = Math.max(counts.maxStateChars, stateText().length);
			counts.maxTasks = Math.max(counts.maxTasks, changes.scope);
			return { items, failed };
		};

		const reconfigure = async () => {
			configurationBefore = trigger.state?.configuration;
			configuration = (configuration + 1) % CONFIGURATIONS.length;
			const next = CONFIGURATIONS[configuration];
			trigger.reconfigure(triggerParameters('updated', next.filters));
			if (next.user !== user) {
				user = next.user;
				trigger.useCredentials(await portal.signedIn(user));
			}
			counts.reconfigurations++;
		};

		/** After a poll that did not fail: the configuration moves on to its next phase. */
		const afterPoll = async (items: IDataObject[] | null) => {
			if (phase === 'settling') {
				// Every change so far was there for this poll to read in full: the configuration is
				// checked, and the user edits the trigger.
				checks.close(changes.log, emitted);
				emitted = [];
				changes.forgetChanges();
				await reconfigure();
				phase = 'taking over';
			} else if (phase === 'taking over') {
				// The first poll after a change of configuration emits nothing, and what it read is what
				// the next poll compares with, once it read the scope in full (it then stores the new
				// configuration): the new configuration takes over here, so the changes it reports are
				// the ones from now on (those since the edit were nobody's).
				expect(items).toBeNull();
				if (trigger.state?.configuration === configurationBefore) return;
				changes.log.reset();
				changes.forgetChanges();
				phase = 'polling';
			}
		};

		for (let round = 0; round < POLLS; round++) {
			if (phase === 'polling' && round > 0 && random.chance(0.02)) phase = 'settling';
			if (phase !== 'settling') betweenPolls();
			clocks.pass(random.between(20_000, 90_000));
			if (random.chance(0.03)) {
				trigger.restart();
				counts.restarts++;
			}
			const { items, failed } = await poll({
				midWalk: phase === 'polling',
				faults: phase !== 'settling',
			});
			if (!failed) await afterPoll(items);
		}
		// The last polls, with nothing changing or failing: the new configuration taking over if the
		// run ended with a change, then one poll that reads every change still to report.
		const quiet = { midWalk: false, faults: false };
		for (let round = 0; round < 2 && (phase as Phase) === 'taking over'; round++) {
			clocks.pass(60_000);
			await afterPoll((await poll(quiet)).items);
		}
		expect(phase).toBe('polling');
		clocks.pass(60_000);
		expect((await poll(quiet)).failed).toBe(false);
		checks.close(changes.log, emitted);

		const total = checks.total();
		const figures = {
			vendor: 'ONLYOFFICE',
			seed: SEED,
			polls: counts.polls,
			changes: total.changes,
			records: total.records,
			emitted: total.emitted,
			superseded: total.superseded,
			missed: total.missed.length,
			duplicates: total.duplicates.length,
			failedPolls: counts.failedPolls,
			overlappingPolls: counts.overlappingPolls,
			reconfigurations: counts.reconfigurations,
			restarts: counts.restarts,
			maxStateChars: counts.maxStateChars,
			requests: portal.requestCount,
			seconds: Math.round((performance.now() - started) / 1000),
		};
		recordFigures('trigger simulation', figures);

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
