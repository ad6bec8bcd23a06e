import type { PollRow } from './polling';
import type { BenchResults, StateRow } from './report';
import { mergeResults } from './results';

const poll = (vendor: string, changes: number, requests: number): PollRow => ({
	vendor,
	changes,
	requests,
	target: 1,
	ms: 10,
	requestsMs: 5,
	fetchLoopMs: 10,
	emitted: changes,
	distinct: changes,
	stateChars: 100,
	routes: {},
});
const state = (vendor: string, maxChars: number): StateRow => ({
	vendor,
	polls: 10,
	changes: 5,
	maxChars,
	finalChars: maxChars,
});
const results = (polls: PollRow[], states: StateRow[], n8nVersion = '2.40.7'): BenchResults => ({
	n8nVersion,
	machine: '2 × CPU',
	returnAll: [],
	polls,
	state: states,
});

describe('merging a partial benchmark run into the last results', () => {
	const last = results(
		[
			poll('Nexudus', 0, 2),
			poll('ONLYOFFICE', 0, 1),
			poll('Nexudus', 10, 3),
			poll('ONLYOFFICE', 10, 1),
		],
		[state('Nexudus', 500), state('ONLYOFFICE', 300)],
	);

	it('replaces the rows of the phases and vendors it ran, keeps the rest, in the report’s order', () => {
		const run = results([poll('ONLYOFFICE', 0, 5), poll('ONLYOFFICE', 10, 6)], [], '2.40.8');
		const merged = mergeResults(last, run, new Set(['polling']), ['ONLYOFFICE']);
		expect(merged.polls.map((row) => [row.vendor, row.changes, row.requests])).toEqual([
			['Nexudus', 0, 2],
			['ONLYOFFICE', 0, 5],
			['Nexudus', 10, 3],
			['ONLYOFFICE', 10, 6],
		]);
		expect(merged.state).toEqual(last.state);
		expect(merged.n8nVersion).toBe('2.40.8');
	});

	it('takes a run as it is when there are no last results', () => {
		const run = results([poll('Copper', 0, 1)], []);
		expect(mergeResults(undefined, run, new Set(['polling']), ['Copper'])).toBe(run);
	});
});
