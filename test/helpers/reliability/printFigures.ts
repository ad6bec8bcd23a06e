/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, not shipped */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { FIGURES_DIR, type FigureRow } from './figures';

/** Jest's globalSetup: a run starts with no figures. */
export function clearFigures() {
	rmSync(FIGURES_DIR, { recursive: true, force: true });
}

const cell = (value: unknown) => String(value ?? '').replace(/\|/g, '\\|');

/** The figures of one table, as a Markdown table (the README's reliability section uses them). */
export function figureTable(rows: FigureRow[]): string {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter(
		(column) => column !== 'table',
	);
	return [
		`| ${columns.join(' | ')} |`,
		`| ${columns.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(' | ')} |`),
	].join('\n');
}

/** Jest's globalTeardown: prints every table of figures the run recorded. */
export function printFigures() {
	if (!existsSync(FIGURES_DIR)) return;
	for (const file of readdirSync(FIGURES_DIR).sort()) {
		if (!file.endsWith('.jsonl')) continue;
		const rows = readFileSync(join(FIGURES_DIR, file), 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as FigureRow);
		if (rows.length === 0) continue;
		process.stdout.write(`\nReliability figures: ${String(rows[0].table)}\n${figureTable(rows)}\n`);
	}
}
