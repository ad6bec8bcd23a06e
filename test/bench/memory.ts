/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- local tooling, not shipped */
/**
 * A process's memory as Linux counts it: its resident set now (VmRSS) and at its highest since
 * the last reset (VmHWM). Writing 5 to /proc/<pid>/clear_refs resets the high-water mark, so the
 * peak of one run is measured alone inside a long-running n8n.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const kilobytes = (pid: number, field: 'VmRSS' | 'VmHWM') => {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(match[1]);
};

/** Megabytes, to one decimal. */
const megabytes = (kb: number) => Math.round(kb / 102.4) / 10;

export const residentMb = (pid: number) => megabytes(kilobytes(pid, 'VmRSS'));
export const peakMb = (pid: number) => megabytes(kilobytes(pid, 'VmHWM'));

/** Starts a new peak from the resident set as it is now. */
export function resetPeak(pid: number): void {
	writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Asks a process started with test/bench/gcOnSignal.cjs preloaded to collect its garbage, so
 * that what one run left behind does not count towards the next.
 */
export function collectGarbage(pid: number): void {
	process.kill(pid, 'SIGUSR2');
}
