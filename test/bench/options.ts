/* eslint-disable @n8n/community-nodes/no-restricted-globals -- local tooling, not shipped */
/**
 * What `npm run bench` measures, from the environment (defaults: the whole benchmark):
 *   BENCH_VENDORS=nexudus,copper,onlyoffice,cotalker   BENCH_N8N_VERSION=2.40.7
 *   BENCH_SIZES=1000,10000,100000   BENCH_LATENCIES=0,50   BENCH_CHANGES=0,10,100,1000,10000
 *   BENCH_STATE_POLLS=1000   BENCH_PHASES=polling,returnAll,state
 *   BENCH_README=true (copy the report into README.md; only a run of the whole benchmark does)
 */
import type { Vendor } from './vendors';

const list = (name: string, fallback: string) =>
	(process.env[name] ?? fallback)
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean);

const numbers = (name: string, fallback: string) => list(name, fallback).map(Number);

export const options = {
	vendors: list('BENCH_VENDORS', 'nexudus,copper,onlyoffice,cotalker') as Vendor[],
	n8nVersion: process.env.BENCH_N8N_VERSION ?? '2.40.7',
	sizes: numbers('BENCH_SIZES', '1000,10000,100000'),
	latencies: numbers('BENCH_LATENCIES', '0,50'),
	changes: numbers('BENCH_CHANGES', '0,10,100,1000,10000'),
	statePolls: Number(process.env.BENCH_STATE_POLLS ?? 1_000),
	phases: new Set(list('BENCH_PHASES', 'polling,returnAll,state')),
	updateReadme:
		process.env.BENCH_README !== undefined
			? process.env.BENCH_README === 'true'
			: !Object.keys(process.env).some((name) => name.startsWith('BENCH_')),
};
