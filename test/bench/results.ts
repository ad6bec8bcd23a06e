/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Where the benchmark's results go: results/bench (the report, its figures as JSON, the chart)
 * and, for a run of the whole benchmark, README.md between its bench markers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../e2e/n8n';
import { type BenchResults, markdownReport, throughputChart } from './report';
import { VENDOR_BENCHES } from './vendors';

export const RESULTS_FOLDER = join(ROOT, 'results', 'bench');

const README_SECTION = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;

/** The rows each phase of the benchmark writes. */
const PHASE_ROWS = { polling: 'polls', returnAll: 'returnAll', state: 'state' } as const;

const VENDOR_ORDER = Object.values(VENDOR_BENCHES).map((bench) => bench.displayName);
const byVendor = (row: { vendor: string }) => VENDOR_ORDER.indexOf(row.vendor);

/**
 * The results of a run of some phases or vendors merged into the last results: its rows replace
 * the last ones of the same phase and vendor; the rest are kept.
 */
export function mergeResults(
	last: BenchResults | undefined,
	run: BenchResults,
	phases: Set<string>,
	vendors: string[],
): BenchResults {
	if (!last) return run;
	const merged: BenchResults = { ...last, n8nVersion: run.n8nVersion, machine: run.machine };
	for (const [phase, key] of Object.entries(PHASE_ROWS)) {
		if (!phases.has(phase)) continue;
		const kept = (last[key] as Array<{ vendor: string }>).filter(
			(row) => !vendors.includes(row.vendor),
		);
		(merged[key] as Array<{ vendor: string }>) = [...kept, ...run[key]];
	}
	merged.polls.sort((a, b) => a.changes - b.changes || byVendor(a) - byVendor(b));
	merged.returnAll.sort(
		(a, b) => a.tasks - b.tasks || a.latencyMs - b.latencyMs || byVendor(a) - byVendor(b),
	);
	merged.state.sort((a, b) => byVendor(a) - byVendor(b));
	return merged;
}

/** The results the last run wrote, if any. */
export function lastResults(): BenchResults | undefined {
	const file = join(RESULTS_FOLDER, 'results.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : undefined;
}

export function writeResults(results: BenchResults, updateReadme: boolean): void {
	mkdirSync(RESULTS_FOLDER, { recursive: true });
	const report = markdownReport(results);
	writeFileSync(join(RESULTS_FOLDER, 'results.md'), `# Benchmark\n\n${report}\n`);
	writeFileSync(join(RESULTS_FOLDER, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	if (results.returnAll.length > 0)
		writeFileSync(
			join(RESULTS_FOLDER, 'throughput.svg'),
			`${throughputChart(results.returnAll)}\n`,
		);
	if (!updateReadme) return;
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	if (!README_SECTION.test(readme))
		throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
	writeFileSync(
		join(ROOT, 'README.md'),
		readme.replace(
			README_SECTION,
			(_all, open: string, close: string) => `${open}${report}\n${close}`,
		),
	);
}
