import { MAX_SEEN_CHANGES, advanceState } from '../../nodes/shared/polling/changeFeed';

const feed = {
	granularityMs: 60_000,
	overlapMs: 120_000,
	changedAt: (record: { at?: unknown }) => (record.at ? new Date(String(record.at)) : undefined),
	changeKey: (record: { id?: unknown; at?: unknown }) =>
		`${String(record.id)}@${String(record.at)}`,
};

describe('poll state', () => {
	it('moves the cursor to the newest change and keeps the changes the next poll re-reads', () => {
		const state = advanceState(
			{ cursor: '2026-01-01T10:00:00.000Z', seen: { 'old@x': '2026-01-01T09:00:00.000Z' } },
			[
				{ id: 1, at: '2026-01-01T10:02:30Z' },
				{ id: 2, at: '2026-01-01T10:05:10Z' },
				{ id: 3, at: '2026-01-01T10:03:00Z' },
			],
			feed,
		);

		// The next poll reads from floor(10:05:10 - 2 min) = 10:03, so 10:02:30 is forgotten.
		expect(state).toEqual({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: {
				'2@2026-01-01T10:05:10Z': '2026-01-01T10:05:10.000Z',
				'3@2026-01-01T10:03:00Z': '2026-01-01T10:03:00.000Z',
			},
		});
	});

	it('never moves the cursor back, and stays put when nothing came', () => {
		const start = { cursor: '2026-01-01T10:00:00.000Z', seen: {} };
		expect(advanceState(start, [{ id: 1, at: '2026-01-01T09:00:00Z' }], feed).cursor).toBe(
			start.cursor,
		);
		expect(advanceState(start, [], feed).cursor).toBe(start.cursor);
	});

	it('bounds what it remembers even when very many changes share one minute', () => {
		const records = Array.from({ length: MAX_SEEN_CHANGES + 500 }, (_, id) => ({
			id,
			at: '2026-01-01T10:00:00Z',
		}));
		const state = advanceState({ cursor: null, seen: {} }, records, feed);
		expect(Object.keys(state.seen)).toHaveLength(MAX_SEEN_CHANGES);
	});

	it('remembers a snapshot of records without change times by fingerprint, nothing more', () => {
		const untimed = (id: number, title: string) => ({ id, at: undefined, title });
		const fingerprinted = {
			...feed,
			changeKey: (r: { id?: unknown; title?: unknown }) => `${String(r.id)}#${String(r.title)}`,
		};

		const first = advanceState(
			{ cursor: null, seen: {} },
			[untimed(1, 'Call'), untimed(2, 'Mail')],
			fingerprinted,
		);
		const second = advanceState(
			first,
			[untimed(1, 'Call back'), untimed(2, 'Mail')],
			fingerprinted,
		);

		expect(first).toEqual({ cursor: null, seen: { '1#Call': '', '2#Mail': '' } });
		// Task 1 changed: its old fingerprint is gone, the new one is remembered.
		expect(second).toEqual({ cursor: null, seen: { '1#Call back': '', '2#Mail': '' } });
	});
});
