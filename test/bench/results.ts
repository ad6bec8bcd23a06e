/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * Where the benchmark's results go: results/bench (the report, its figures as JSON, the chart)
 * and, for a run of the whole benchmark, README.md between its bench markers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../e2e/n8n';
import { type BenchResults, markdownReport, throughputChart } from './report';

export const RESULTS_FOLDER = join(ROOT, 'results', 'bench');

const README_SECTION = /(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/;

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
			(_all, open: string, close: string) => `${open}${report}${close}`,
		),
	);
}
