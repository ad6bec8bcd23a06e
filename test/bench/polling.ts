/**
 * Polling cost in real n8n: each vendor's trigger is active, polling once a minute at its own
 * second (so that no two vendors poll at once). Before one chosen poll the benchmark makes k
 * changes (k new tasks) in the vendor's emulator, then records what that poll cost: its requests,
 * its time (from its first request to the start of the execution it emitted, or to its last
 * answer when it emitted nothing), what it emitted, the trigger's stored state, and the time a
 * plain fetch loop takes for the same requests.
 */
import type { IDataObject } from 'n8n-workflow';

import { sleep } from '../e2e/n8n';
import { clearRequests } from '../sandbox/traffic';
import type { Sink } from '../sandbox/sink';
import type { N8nUnderTest } from './n8nUnderTest';
import type { BenchSandbox, VendorBench } from './vendors';
import { replayRequests, servedRequests } from './replay';

export interface PollingSubject {
	bench: VendorBench;
	sandbox: BenchSandbox;
	url: string;
	workflowId: string;
	/** The second of each minute the trigger polls at. */
	second: number;
}

export interface PollRow {
	vendor: string;
	changes: number;
	requests: number;
	/** The fewest requests the poll could make: its list pages plus batched full reads. */
	target: number;
	/** From the first request to the start of the execution it emitted (else its last answer). */
	ms: number;
	/** From the first request's arrival to the last answer, as the emulator saw them. */
	requestsMs: number;
	fetchLoopMs: number;
	emitted: number;
	distinct: number;
	stateChars: number;
	/** The poll's requests by route, to read what they were. */
	routes: Record<string, number>;
}

const QUIET_MS = 2500;

/** When the trigger polls next at its second, at least `leadMs` from now. */
function nextPoll(second: number, leadMs: number): number {
	const earliest = Date.now() + leadMs;
	const minute = Math.floor(earliest / 60_000) * 60_000;
	const at = minute + second * 1000;
	return at >= earliest ? at : at + 60_000;
}

/** Waits until the trigger's poll after `pollAt` is over: requests came, then none for a while. */
async function pollRequests(subject: PollingSubject, pollAt: number) {
	for (;;) {
		await sleep(500);
		const requests = subject.sandbox.state.requests;
		const last = requests[requests.length - 1];
		const lastAt = last ? (last.finishedAt ?? Date.parse(String(last.at))) : 0;
		if (Date.now() > pollAt && requests.length > 0 && Date.now() - lastAt > QUIET_MS) return;
		if (Date.now() > pollAt + 300_000) throw new Error(`${subject.bench.displayName}: no poll`);
	}
}

/** Measures one poll of one vendor's trigger after `changes` new tasks. */
export async function measurePoll(
	n8n: N8nUnderTest,
	sink: Sink,
	subject: PollingSubject,
	changes: number,
	target: (changes: number) => number,
): Promise<PollRow> {
	const { bench, sandbox } = subject;
	const pollAt = nextPoll(subject.second, 8000);
	await sleep(pollAt - 4000 - Date.now());
	clearRequests(sandbox.state);
	sink.items = sink.items.filter((item) => !item.url.endsWith(`/${bench.vendor}`));
	if (changes > 0) {
		const made = sandbox.seedTasks(
			Array.from({ length: changes }, (_, index) => bench.newTask(index)),
		);
		if (typeof made === 'string') throw new Error(`${bench.displayName}: ${made}`);
	}
	await pollRequests(subject, pollAt);
	const requests = [...sandbox.state.requests];
	const first = Date.parse(requests[0].at);
	const lastAnswer = Math.max(
		...requests.map((request) => request.finishedAt ?? Date.parse(request.at)),
	);
	let end = lastAnswer;
	let emitted = 0;
	let distinct = 0;
	if (changes > 0) {
		for (
			let wait = 0;
			wait < 120 && !sink.items.some((item) => item.url.endsWith(`/${bench.vendor}`));
			wait++
		) {
			await sleep(500);
		}
		const report = sink.items.find((item) => item.url.endsWith(`/${bench.vendor}`))?.body as
			| IDataObject
			| undefined;
		const counts = Object.entries(report ?? {});
		emitted = Number(counts.find(([key]) => key.startsWith('count_'))?.[1] ?? 0);
		distinct = Number(counts.find(([key]) => key.startsWith('unique_count_'))?.[1] ?? 0);
		const started = n8n.executionStarts(subject.workflowId, first).find((at) => at >= first);
		if (started !== undefined) end = started;
	}
	// Read before the fetch loop replays the poll against the same emulator.
	const served = structuredClone(sandbox.state.served);
	const replayed = servedRequests(sandbox);
	const floor = await replayRequests(
		n8n.env,
		subject.url,
		await bench.authHeaders(subject.url),
		replayed,
	);
	const state = await n8n.staticData(subject.workflowId);
	return {
		vendor: bench.displayName,
		changes,
		requests: served.count,
		target: target(changes),
		ms: end - first,
		requestsMs: lastAnswer - first,
		fetchLoopMs: floor.ms,
		emitted,
		distinct,
		stateChars: JSON.stringify(state).length,
		routes: served.byRoute,
	};
}

/**
 * One measured poll per vendor and number of changes, the smallest number first; then the
 * triggers are deactivated.
 */
export async function measurePolling(
	n8n: N8nUnderTest,
	sink: Sink,
	vendors: Array<{ bench: VendorBench; poll: PollingSubject }>,
	changeCounts: number[],
	report: (row: PollRow) => void,
): Promise<void> {
	// The activation polls take each trigger's baseline.
	await sleep(10_000);
	for (const changes of changeCounts) {
		for (const { bench, poll } of vendors) {
			report(
				await measurePoll(n8n, sink, poll, changes, (k) =>
					bench.pollTarget(k, poll.sandbox.taskCount()),
				),
			);
		}
	}
	for (const { poll } of vendors) await n8n.deactivate(poll.workflowId);
}
