/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, not shipped */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where a test run's figures are collected (printed by printFigures.ts, then kept for reading). */
export const FIGURES_DIR = join(__dirname, '..', '..', '..', '.reliability');

/** The n8n line the test runs on: the n8n-workflow it loads (the 1.x project maps it to 1.x). */
export function n8nLine(): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { version } = require('n8n-workflow/package.json') as { version: string };
	return `n8n-workflow ${version}`;
}

export type FigureRow = Record<string, string | number | boolean>;

/**
 * Adds one row of figures to a table (one table a proof: "trigger simulation", "faults", …),
 * tagged with the n8n line it ran on. The tables are printed at the end of the Jest run.
 */
export function recordFigures(table: string, row: FigureRow) {
	mkdirSync(FIGURES_DIR, { recursive: true });
	const file = join(FIGURES_DIR, `${table.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.jsonl`);
	appendFileSync(file, `${JSON.stringify({ table, line: n8nLine(), ...row })}\n`);
}
