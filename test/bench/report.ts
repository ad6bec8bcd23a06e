/**
 * The benchmark's results as a markdown report and an SVG chart. Pure functions of the rows, so
 * that they are tested on their own (report.test.ts).
 */
import type { PollRow } from './polling';

export interface ReturnAllRow {
	vendor: string;
	tasks: number;
	latencyMs: number;
	/** ceil(tasks / the vendor's largest page). */
	minimum: number;
	node: Measure;
	fetchLoop: Measure;
	httpRequest: Measure;
	/** n8n's built-in Copper node, for Copper only. */
	builtIn?: Measure & { records: number; distinct: number };
}

export interface Measure {
	requests: number;
	ms: number;
	/** Memory above the process's idle level at its peak, in MB. */
	memoryMb: number;
}

export interface StateRow {
	vendor: string;
	polls: number;
	changes: number;
	maxChars: number;
	finalChars: number;
}

export interface BenchResults {
	n8nVersion: string;
	machine: string;
	returnAll: ReturnAllRow[];
	polls: PollRow[];
	state: StateRow[];
}

const thousands = (value: number) => value.toLocaleString('en-US');
const ratio = (value: number, floor: number) =>
	floor > 0 ? `${(value / floor).toFixed(2)}×` : '–';
const seconds = (ms: number) =>
	ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${thousands(Math.round(ms))} ms`;
const perSecond = (records: number, ms: number) =>
	thousands(Math.round((records * 1000) / Math.max(ms, 1)));
const mb = (value: number) => `${Math.round(value)} MB`;
const plural = (count: number, noun: string) =>
	`${thousands(count)} ${noun}${count === 1 ? '' : 's'}`;

export function returnAllTable(rows: ReturnAllRow[]): string {
	const lines = [
		'| Vendor | Tasks | Latency | Requests (minimum) | This node | Records/s | Memory | Fetch loop | Node ÷ loop | HTTP Request node | Its memory |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.vendor} | ${thousands(row.tasks)} | ${row.latencyMs} ms | ${thousands(row.node.requests)} (${thousands(row.minimum)}) | ${seconds(row.node.ms)} | ${perSecond(row.tasks, row.node.ms)} | ${mb(row.node.memoryMb)} | ${seconds(row.fetchLoop.ms)} | ${ratio(row.node.ms, row.fetchLoop.ms)} | ${seconds(row.httpRequest.ms)} (${plural(row.httpRequest.requests, 'request')}) | ${mb(row.httpRequest.memoryMb)} |`,
		);
	}
	return lines.join('\n');
}

export function builtInCopperTable(rows: ReturnAllRow[]): string {
	const lines = [
		'| Tasks | Latency | Requests | Records returned | Distinct tasks | Time | This node: requests, time |',
		'|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows.filter((candidate) => candidate.builtIn)) {
		const builtIn = row.builtIn!;
		lines.push(
			`| ${thousands(row.tasks)} | ${row.latencyMs} ms | ${thousands(builtIn.requests)} | ${thousands(builtIn.records)} | ${thousands(builtIn.distinct)} | ${seconds(builtIn.ms)} | ${thousands(row.node.requests)}, ${seconds(row.node.ms)} |`,
		);
	}
	return lines.join('\n');
}

export function pollTable(rows: PollRow[]): string {
	const lines = [
		'| Vendor | Changes | Requests (target) | Poll time | Its requests | Fetch loop | Poll ÷ loop | Emitted (distinct) | State |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.vendor} | ${thousands(row.changes)} | ${thousands(row.requests)} (${thousands(row.target)}) | ${seconds(row.ms)} | ${seconds(row.requestsMs)} | ${seconds(row.fetchLoopMs)} | ${ratio(row.ms, row.fetchLoopMs)} | ${thousands(row.emitted)} (${thousands(row.distinct)}) | ${thousands(row.stateChars)} chars |`,
		);
	}
	return lines.join('\n');
}

export function stateTable(rows: StateRow[]): string {
	const lines = [
		'| Vendor | Polls | Changes | Largest state | State at the end |',
		'|---|---:|---:|---:|---:|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.vendor} | ${thousands(row.polls)} | ${thousands(row.changes)} | ${thousands(row.maxChars)} chars | ${thousands(row.finalChars)} chars |`,
		);
	}
	return lines.join('\n');
}

/** The whole report, as the results folder and the README show it. */
export function markdownReport(results: BenchResults): string {
	return [
		`Measured on ${results.machine}, in real n8n ${results.n8nVersion}, against the local emulators over loopback HTTP.`,
		'',
		'**Return All** (List with Return All; time is n8n’s own, from its event log; memory is n8n’s peak resident memory above its idle level):',
		'',
		returnAllTable(results.returnAll),
		'',
		'**n8n’s built-in Copper node**, task Get Many with Return All, against the same emulator:',
		'',
		builtInCopperTable(results.returnAll),
		'',
		'**Polling** (one poll after k new tasks; the target is the list pages plus the batched full reads):',
		'',
		pollTable(results.polls),
		'',
		'**Trigger state** over many polls (in-process, n8n-core’s PollContext, real HTTP):',
		'',
		stateTable(results.state),
	].join('\n');
}

const CHART_COLOURS = { node: '#ff6d5a', fetchLoop: '#7a869a', httpRequest: '#2a7ab0' };

/**
 * A grouped bar chart of records per second at the largest size without latency: for each
 * vendor, this node, the fetch loop and the HTTP Request node.
 */
export function throughputChart(rows: ReturnAllRow[]): string {
	const largest = Math.max(...rows.map((row) => row.tasks));
	const chosen = rows.filter((row) => row.tasks === largest && row.latencyMs === 0);
	const bars = chosen.flatMap((row) =>
		(['fetchLoop', 'node', 'httpRequest'] as const).map((key) => ({
			vendor: row.vendor,
			key,
			value: (row.tasks * 1000) / Math.max(row[key].ms, 1),
		})),
	);
	const top = Math.max(1, ...bars.map((bar) => bar.value));
	const width = 120 + chosen.length * 150;
	const height = 300;
	const plot = 195;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
		`<text x="10" y="18" font-size="14">Return All of ${thousands(largest)} tasks, records per second (0 ms latency)</text>`,
	];
	bars.forEach((bar, index) => {
		const group = Math.floor(index / 3);
		const x = 60 + group * 150 + (index % 3) * 36;
		const barHeight = (bar.value / top) * plot;
		parts.push(
			`<rect x="${x}" y="${250 - barHeight}" width="30" height="${barHeight}" fill="${CHART_COLOURS[bar.key]}"/>`,
			`<text x="${x + 15}" y="${245 - barHeight}" text-anchor="middle" font-size="10">${thousands(Math.round(bar.value))}</text>`,
		);
		if (index % 3 === 1)
			parts.push(`<text x="${x + 15}" y="268" text-anchor="middle">${bar.vendor}</text>`);
	});
	const legend = [
		['fetchLoop', 'plain fetch loop'],
		['node', 'this pack’s node'],
		['httpRequest', 'HTTP Request node'],
	] as const;
	legend.forEach(([key, label], index) => {
		parts.push(
			`<rect x="${60 + index * 150}" y="280" width="10" height="10" fill="${CHART_COLOURS[key]}"/>`,
			`<text x="${75 + index * 150}" y="289">${label}</text>`,
		);
	});
	parts.push('</svg>');
	return parts.join('\n');
}
