import {
	builtInCopperTable,
	markdownReport,
	pollTable,
	returnAllTable,
	throughputChart,
	type ReturnAllRow,
} from './report';

const row: ReturnAllRow = {
	vendor: 'Copper',
	tasks: 10_000,
	latencyMs: 50,
	minimum: 50,
	node: { requests: 50, ms: 4_000, memoryMb: 41.6 },
	fetchLoop: { requests: 50, ms: 3_500, memoryMb: 30 },
	httpRequest: { requests: 51, ms: 5_250, memoryMb: 80.2 },
	builtIn: { requests: 500, ms: 30_500, memoryMb: 90, records: 10_000, distinct: 20 },
};

describe('benchmark report', () => {
	it('shows a Return All run against its minimum, the fetch loop and the HTTP Request node', () => {
		expect(returnAllTable([row]).split('\n')[2]).toBe(
			'| Copper | 10,000 | 50 ms | 50 (50) | 4,000 ms | 2,500 | 42 MB | 3,500 ms | 1.14× | 5,250 ms (51 requests) | 80 MB |',
		);
	});

	it('shows what n8n’s built-in Copper node returned, distinct tasks included', () => {
		expect(
			builtInCopperTable([row, { ...row, vendor: 'Nexudus', builtIn: undefined }])
				.split('\n')
				.slice(2),
		).toEqual(['| 10,000 | 50 ms | 500 | 10,000 | 20 | 30.5 s | 50, 4,000 ms |']);
	});

	it('shows a poll against its target and the fetch loop', () => {
		expect(
			pollTable([
				{
					vendor: 'Nexudus',
					changes: 1000,
					requests: 2,
					target: 2,
					ms: 300,
					requestsMs: 120,
					fetchLoopMs: 250,
					emitted: 1000,
					distinct: 1000,
					stateChars: 6_513,
					routes: {},
				},
			]).split('\n')[2],
		).toBe(
			'| Nexudus | 1,000 | 2 (2) | 300 ms | 120 ms | 250 ms | 1.20× | 1,000 (1,000) | 6,513 chars |',
		);
	});

	it('puts every table in the report', () => {
		const report = markdownReport({
			n8nVersion: '2.40.7',
			machine: '2 × CPU',
			returnAll: [row],
			polls: [],
			state: [
				{ vendor: 'Copper', polls: 10_000, changes: 5_977, maxChars: 9_000, finalChars: 8_500 },
			],
		});
		expect(report).toContain('in real n8n 2.40.7');
		expect(report).toContain('| Copper | 10,000 | 5,977 | 9,000 chars | 8,500 chars |');
		expect(report.match(/^\| Copper \| 10,000 \| 50 ms/gm)).toHaveLength(1);
	});

	it('charts records per second at the largest size without latency, one bar per contender', () => {
		const chart = throughputChart([
			row,
			{ ...row, tasks: 100_000, latencyMs: 0, node: { ...row.node, ms: 10_000 } },
		]);
		expect(chart.match(/<rect [^>]*height="(?!10")/g)).toHaveLength(3);
		expect(chart).toContain('>10,000</text>');
		expect(chart).toContain('Return All of 100,000 tasks');
	});
});
