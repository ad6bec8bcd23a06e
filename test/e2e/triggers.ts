/* eslint-disable no-console -- local tooling, not shipped */
/**
 * The checks of the activated triggers (Nexudus, Copper, ONLYOFFICE Task Closed, Cotalker Any
 * Change and State Changed): each waits for its activation poll, changes records in its sandbox,
 * checks what reached the sink, then makes a second round of changes and checks again. They run
 * side by side, each on its own path of the sink.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectEqual, expectTrue } from './checks';
import {
	changeKey as copperChangeKey,
	checkTriggerRequests as checkCopperTriggerRequests,
	presented as presentedCopperTask,
} from './copper';
import {
	ANA,
	BRUNO,
	PROJECTS,
	SUPPORT,
	byId,
	changeKey as cotalkerChangeKey,
	expectSameTask,
	isTriggerList,
	seedTaskOf,
} from './cotalker';
import { type Vendor, sleep, waitFor } from './n8n';
import { changeKey as nexudusChangeKey } from './nexudus';
import { expectSame, listed as listedOnlyofficeTask } from './onlyoffice';
import { type Sandboxes, type VendorCheck, waitForSink } from './scenarios';

/** The trigger example workflow of each vendor (examples/<vendor>-trigger.workflow.json). */
export const TRIGGER_WORKFLOWS: Record<Vendor, string> = {
	nexudus: 'nexudusTrigger01',
	copper: 'copperTrigger001',
	onlyoffice: 'onlyofficeTrig01',
	cotalker: 'cotalkerTrigger1',
};

/** What a runner may do between the two rounds of changes of each trigger check. */
export interface TriggerRounds {
	/** Awaited by each vendor's check after its first round was checked and before it makes its second round of changes. */
	betweenRounds?: (vendor: Vendor) => Promise<void>;
	/** How long each wait for the sink may take (today 150_000 for the main waits; the 60_000 waits of Cotalker's State Changed scale with it: keep their ratio or take the same value). */
	sinkTimeoutMs?: number;
}

/** What the trigger checks need: the n8n line (for messages), the sandboxes, the sink's port. */
export interface TriggerContext {
	version: string;
	sandboxes: Sandboxes;
	sinkPort: number;
	rounds?: TriggerRounds;
}

/** The trigger context with the rounds' defaults filled in. */
interface TriggerRun {
	version: string;
	sandboxes: Sandboxes;
	sinkPort: number;
	betweenRounds: (vendor: Vendor) => Promise<void>;
	/** The main waits for the sink. */
	sinkTimeoutMs: number;
	/** The waits for Cotalker's State Changed trigger, which come after its Any Change waits. */
	stateTimeoutMs: number;
}

const SINK_TIMEOUT_MS = 150_000;
const STATE_TIMEOUT_MS = 60_000;
const COPPER_TASKS = '/developer_api/v1/tasks';

/**
 * The checks of the activated triggers, Nexudus, Copper, ONLYOFFICE, Cotalker: the triggers were
 * activated together, so the caller runs their bodies side by side.
 */
export function triggerChecks(context: TriggerContext): VendorCheck[] {
	const sinkTimeoutMs = context.rounds?.sinkTimeoutMs ?? SINK_TIMEOUT_MS;
	const run: TriggerRun = {
		version: context.version,
		sandboxes: context.sandboxes,
		sinkPort: context.sinkPort,
		betweenRounds: context.rounds?.betweenRounds ?? (async () => {}),
		sinkTimeoutMs,
		stateTimeoutMs: Math.round((sinkTimeoutMs * STATE_TIMEOUT_MS) / SINK_TIMEOUT_MS),
	};
	return [
		{
			vendor: 'nexudus',
			name: 'the activated Nexudus trigger delivers exactly the changes made between polls, each once',
			body: async () => await nexudusTrigger(run),
		},
		{
			vendor: 'copper',
			name: 'the activated Copper trigger delivers exactly the tasks created or changed between polls, each once',
			body: async () => await copperTrigger(run),
		},
		{
			vendor: 'onlyoffice',
			name: 'the activated ONLYOFFICE trigger (Task Closed) delivers exactly the tasks closed between polls, each once',
			body: async () => await onlyofficeTrigger(run),
		},
		{
			vendor: 'cotalker',
			name: "the activated Cotalker triggers deliver exactly the tasks created, changed and moved between polls, each once (Any Change over two task groups; State Changed of Ana's tasks)",
			body: async () => await cotalkerTrigger(run),
		},
	];
}

/** Waits for the first poll `polls` counts, then a little longer. */
async function afterActivationPoll(polls: () => Promise<number>): Promise<void> {
	await waitFor(
		'the activation poll',
		async () => ((await polls()) > 0 ? true : undefined),
		60_000,
	);
	await sleep(1500);
}

async function nexudusTrigger(run: TriggerRun): Promise<void> {
	const { nexudus } = run.sandboxes;
	const polls = async () =>
		(await nexudus.requests()).filter((request) =>
			/from_CoworkerTask_UpdatedOn=.*dir=1|dir=1.*from_CoworkerTask_UpdatedOn/.test(request.url),
		).length;
	// The activation poll reads what exists; changes made after it are news.
	await afterActivationPoll(polls);
	const seedId = await nexudus.firstTaskId();
	const first = await nexudus.createTask('Trigger e2e: first');
	const second = await nexudus.createTask('Trigger e2e: second');
	const seedUpdated = await nexudus.updateTask(seedId, { Notes: 'Changed by the e2e suite' });
	const expected = [first, second, seedUpdated].map(nexudusChangeKey);
	const afterFirstRound = await waitForSink(
		run.sinkPort,
		'/nexudus-trigger',
		expected.length,
		run.sinkTimeoutMs,
	);
	expectEqual(
		afterFirstRound.map(nexudusChangeKey).sort(),
		[...expected].sort(),
		'first round of changes',
	);
	await run.betweenRounds('nexudus');

	const firstUpdated = await nexudus.updateTask(first.Id as number, { Completed: true });
	const all = await waitForSink(
		run.sinkPort,
		'/nexudus-trigger',
		expected.length + 1,
		run.sinkTimeoutMs,
	);
	expectEqual(
		all.map(nexudusChangeKey).sort(),
		[...expected, nexudusChangeKey(firstUpdated)].sort(),
		'all changes, each once',
	);
	expectEqual(all[all.length - 1], firstUpdated, 'the trigger emits the full record');
}

async function copperTrigger(run: TriggerRun): Promise<void> {
	const { copper } = run.sandboxes;
	const polls = async () =>
		(await copper.requests()).filter(
			(request) => (request.body as IDataObject | undefined)?.sort_by === 'date_modified',
		).length;
	await afterActivationPoll(polls);
	const [seed] = await copper.tasks();
	const first = await copper.createTask({ name: 'Trigger e2e: first' });
	const second = await copper.createTask({ name: 'Trigger e2e: second', priority: 'High' });
	const seedUpdated = await copper.updateTask(seed.id as number, {
		details: 'Changed by the e2e suite',
	});
	const expected = [first, second, seedUpdated].map(copperChangeKey);
	const afterFirstRound = await waitForSink(
		run.sinkPort,
		'/copper-trigger',
		expected.length,
		run.sinkTimeoutMs,
	);
	expectEqual(
		afterFirstRound.map(copperChangeKey).sort(),
		[...expected].sort(),
		'first round of changes',
	);
	await run.betweenRounds('copper');

	const firstUpdated = await copper.updateTask(first.id as number, { status: 'Completed' });
	const all = await waitForSink(
		run.sinkPort,
		'/copper-trigger',
		expected.length + 1,
		run.sinkTimeoutMs,
	);
	expectEqual(
		all.map(copperChangeKey).sort(),
		[...expected, copperChangeKey(firstUpdated)].sort(),
		'all changes, each once',
	);
	expectEqual(
		all[all.length - 1],
		presentedCopperTask(firstUpdated),
		'the trigger emits the full task, with readable dates',
	);
	const own = [first, second, seedUpdated, firstUpdated].map((task, index) =>
		index < 2 ? `POST ${COPPER_TASKS}` : `PUT ${COPPER_TASKS}/${String(task.id)}`,
	);
	const calls = checkCopperTriggerRequests(await copper.requests(), own, all);
	console.log(
		`[n8n ${run.version}] Copper trigger: ${calls.listings.length} listing searches and ${calls.reads.length} reads by ID (${calls.reads
			.map((read) => (read.body as IDataObject).ids as number[])
			.map((ids) => ids.length)
			.join(', ')} IDs) while active`,
	);
}

async function onlyofficeTrigger(run: TriggerRun): Promise<void> {
	const { onlyoffice } = run.sandboxes;
	const polls = async () =>
		(await onlyoffice.requests()).filter(
			(request) => request.url.startsWith('/api/2.0/crm/task/filter?') && request.status === 200,
		).length;
	await afterActivationPoll(polls);
	const open = ((await onlyoffice.state()).tasks as IDataObject[]).filter(
		(task) => task.isClosed !== true,
	);
	expectTrue(open.length >= 4, `open tasks to close: ${open.length}`);
	const [a, b, c, d] = open.map((task) => task.id as number);
	// Two closes are news; a rename of an open task is not a close.
	const firstRound = [await onlyoffice.closeTask(a), await onlyoffice.closeTask(b)];
	await onlyoffice.renameTask(c, 'Renamed by the e2e suite (not a close)');
	const byNumericId = (records: IDataObject[]) =>
		[...records].sort((x, y) => (x.id as number) - (y.id as number));
	const afterFirstRound = await waitForSink(
		run.sinkPort,
		'/onlyoffice-trigger',
		2,
		run.sinkTimeoutMs,
	);
	expectSame(
		byNumericId(afterFirstRound),
		byNumericId(firstRound.map(listedOnlyofficeTask)),
		'first round: the two closed tasks, each as listed',
	);
	await run.betweenRounds('onlyoffice');

	// Reopening is not a close either; closing another task is.
	await onlyoffice.reopenTask(a);
	const closedLater = await onlyoffice.closeTask(d);
	const all = await waitForSink(run.sinkPort, '/onlyoffice-trigger', 3, run.sinkTimeoutMs);
	expectSame(
		byNumericId(all),
		byNumericId([...firstRound, closedLater].map(listedOnlyofficeTask)),
		'all closes, each once',
	);
	// The trigger's own calls: task lists only (sorted by deadline, paged by 500), each accepted in
	// JSON with the stored token.
	const lists = (await onlyoffice.requests()).filter((request) =>
		request.url.startsWith('/api/2.0/crm/task/filter?'),
	);
	const wrong = lists.filter(
		(request) =>
			request.method !== 'GET' ||
			request.status !== 200 ||
			request.format !== 'json' ||
			!request.authorization ||
			!request.url.endsWith('?sortBy=deadLine&sortOrder=ascending&startIndex=0&count=500'),
	);
	expectEqual(wrong, [], 'task lists of the trigger that are not as expected');
	console.log(`[n8n ${run.version}] ONLYOFFICE trigger: ${lists.length} task lists while active`);
}

async function cotalkerTrigger(run: TriggerRun): Promise<void> {
	const { cotalker } = run.sandboxes;
	// Both triggers poll both task groups at activation; changes made after that are news.
	const lists = async () => (await cotalker.requests()).filter(isTriggerList);
	await waitFor(
		'the activation polls',
		async () => {
			const urls = (await lists()).map((request) => request.url);
			return [PROJECTS, SUPPORT].every((group) => urls.some((url) => url.includes(group)))
				? true
				: undefined;
		},
		60_000,
	);
	let seen = -1;
	while (seen !== (await lists()).length) {
		seen = (await lists()).length;
		await sleep(3000);
	}
	const anasSeedTask = await seedTaskOf(cotalker, PROJECTS, ANA);
	const brunosSeedTask = await seedTaskOf(cotalker, SUPPORT, BRUNO);
	const created = await cotalker.createTask(PROJECTS, {
		name: 'Trigger e2e: created for Ana',
		assignee: ANA,
	});
	const createdInSupport = await cotalker.createTask(SUPPORT, {
		name: 'Trigger e2e: created in Support',
		assignee: BRUNO,
	});
	const movedAnas = await cotalker.moveTask(PROJECTS, anasSeedTask._id);
	const movedBrunos = await cotalker.moveTask(SUPPORT, brunosSeedTask._id);
	const edited = await cotalker.patchTask(SUPPORT, brunosSeedTask._id, {
		info: 'Changed by the e2e suite after its state move',
	});
	const afterFirstRound = await waitForSink(
		run.sinkPort,
		'/cotalker-trigger',
		4,
		run.sinkTimeoutMs,
	);
	// A poll that fell between Bruno's move and the edit (milliseconds apart) saw both.
	const split = afterFirstRound.some(
		(task) => cotalkerChangeKey(task) === cotalkerChangeKey(movedBrunos),
	);
	const firstRound = [
		created,
		createdInSupport,
		movedAnas,
		...(split ? [movedBrunos] : []),
		edited,
	];
	const statesAfterFirstRound = await waitForSink(
		run.sinkPort,
		'/cotalker-state',
		1,
		run.stateTimeoutMs,
	);
	expectEqual(
		afterFirstRound.map(cotalkerChangeKey).sort(),
		firstRound.map(cotalkerChangeKey).sort(),
		'Any Change, first round: two creations, a state move, a state move then an edit (once, as it is now)',
	);
	expectSameTask(
		byId(
			afterFirstRound.filter((task) => cotalkerChangeKey(task) !== cotalkerChangeKey(movedBrunos)),
		),
		byId(firstRound.filter((task) => task !== movedBrunos)),
		'Any Change emits whole tasks',
	);
	expectSameTask(statesAfterFirstRound, [movedAnas], "State Changed: Ana's task moved");
	expectTrue(
		movedBrunos.modifiedAt !== edited.modifiedAt,
		"the edit after Bruno's state move is a change of its own",
	);
	await run.betweenRounds('cotalker');

	// The task created for Ana moves: a change for both triggers, once each.
	const movedCreated = await cotalker.moveTask(PROJECTS, created._id);
	const all = await waitForSink(
		run.sinkPort,
		'/cotalker-trigger',
		firstRound.length + 1,
		run.sinkTimeoutMs,
	);
	const allStates = await waitForSink(run.sinkPort, '/cotalker-state', 2, run.stateTimeoutMs);
	expectEqual(
		all.map(cotalkerChangeKey).sort(),
		[...firstRound, movedCreated].map(cotalkerChangeKey).sort(),
		'Any Change: all changes, each once',
	);
	expectSameTask(
		byId(allStates),
		byId([movedAnas, movedCreated]),
		"State Changed: Ana's two state moves, each once",
	);
	const calls = await lists();
	const refused = calls.filter((request) => request.status !== 200);
	expectEqual(refused, [], 'task lists of the triggers that Cotalker refused');
	console.log(
		`[n8n ${run.version}] Cotalker triggers: ${calls.length} task lists while active (2 triggers, 2 task groups each)`,
	);
}
