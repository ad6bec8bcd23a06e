import { decodeIds, encodeIds } from '../../nodes/shared/polling/idList';
import { digest } from '../../nodes/shared/digest';
import { StreamMemory } from '../../nodes/shared/polling/pollState';

const minutes = { granularityMs: 60_000, overlapMs: 120_000 };
const at = (time: string) => new Date(time);

describe('poll state › IDs', () => {
	it('writes runs of consecutive IDs as first..last, and reads back exactly what it wrote', () => {
		const ids = ['7', '2001', '2002', '2003', '2005', '1', 'a1b2', '2004', '9', '0'];

		expect(encodeIds(ids)).toBe('0..1,7,9,2001..2005,a1b2');
		expect(decodeIds(encodeIds(ids)).sort()).toEqual([...ids].sort());
		expect(decodeIds('')).toEqual([]);
	});

	it('keeps IDs that only look like numbers as they are', () => {
		expect(decodeIds(encodeIds(['007', '7']))).toEqual(['7', '007']);
	});
});

describe('poll state › a stream remembers', () => {
	it('keeps every change the next poll can still list, and nothing older', () => {
		const memory = new StreamMemory();
		memory.add(at('2026-01-01T10:02:30Z'), '1');
		memory.add(at('2026-01-01T10:03:00Z'), '3');
		memory.add(at('2026-01-01T10:05:10Z'), '2');
		memory.add(at('2026-01-01T10:07:00Z'), '4'); // an emitted version newer than the cursor
		memory.advance(at('2026-01-01T10:05:10Z'));

		// The next poll lists from floor(10:05:10 - 2 min) = 10:03, so 10:02:30 is forgotten.
		expect(memory.toState(minutes)).toEqual({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: {
				'2026-01-01T10:03:00.000Z': '3',
				'2026-01-01T10:05:10.000Z': '2',
				'2026-01-01T10:07:00.000Z': '4',
			},
		});
	});

	it('never moves the cursor back', () => {
		const memory = new StreamMemory({ cursor: '2026-01-01T10:00:00.000Z', seen: {} });
		memory.advance(at('2026-01-01T09:00:00Z'));
		expect(memory.cursor).toEqual(at('2026-01-01T10:00:00Z'));
	});

	it('forgets no change inside the window however many share it, and stays compact', () => {
		const memory = new StreamMemory();
		const time = at('2026-01-01T10:00:00Z');
		for (let id = 100_001; id <= 105_000; id++) memory.add(time, String(id));
		memory.advance(time);

		const state = memory.toState(minutes);
		const reloaded = new StreamMemory(JSON.parse(JSON.stringify(state)));
		for (let id = 100_001; id <= 105_000; id++) expect(reloaded.has(time, String(id))).toBe(true);
		expect(reloaded.has(time, '105001')).toBe(false);
		expect(JSON.stringify(state).length).toBeLessThan(120);
	});
});

describe('poll state › versions at the newest time listed', () => {
	const cursor = at('2026-01-01T10:05:10Z');
	const newest = at('2026-01-01T10:07:00Z');

	it('keeps fingerprints for the newest time listed only, even past the cursor, and reads them back after a restart', () => {
		const memory = new StreamMemory();
		memory.add(at('2026-01-01T10:04:00Z'), '1', 'aaaaaaaa');
		memory.add(cursor, '2', 'bbbbbbbb');
		memory.add(cursor, '3', 'cccccccc');
		// Newer than the cursor, as when an unconfirmed instant holds the cursor back.
		memory.add(newest, '4', 'dddddddd');
		memory.add(newest, '5', 'eeeeeeee');
		memory.advance(cursor);

		const state = memory.toState(minutes);
		expect(state).toEqual({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: {
				'2026-01-01T10:04:00.000Z': '1',
				'2026-01-01T10:05:10.000Z': '2..3',
				'2026-01-01T10:07:00.000Z': '4..5',
			},
			versions: {
				at: '2026-01-01T10:07:00.000Z',
				fingerprints: { '4': 'dddddddd', '5': 'eeeeeeee' },
			},
		});

		// A restart: the state went through JSON (workflow static data).
		const reloaded = new StreamMemory(JSON.parse(JSON.stringify(state)));
		expect(reloaded.toState(minutes)).toEqual(state);
		expect(reloaded.has(newest, '4', 'dddddddd')).toBe(true);
		// Changed again within the newest instant: its time is the same, its fingerprint is not.
		expect(reloaded.has(newest, '4', 'ffffffff')).toBe(false);
		expect(reloaded.has(newest, '4')).toBe(true); // a stream without fingerprints
		expect(reloaded.has(newest, '6', 'dddddddd')).toBe(false);
		// Other instants, the cursor's included, keep IDs only: any version there counts as seen.
		expect(reloaded.has(cursor, '2', 'zzzzzzzz')).toBe(true);
		expect(reloaded.has(at('2026-01-01T10:04:00Z'), '1', 'zzzzzzzz')).toBe(true);
	});

	it('drops the fingerprints of an instant once a newer one is listed, and keeps none without fingerprints', () => {
		const memory = new StreamMemory({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: { '2026-01-01T10:05:10.000Z': '2' },
			versions: { at: '2026-01-01T10:05:10.000Z', fingerprints: { '2': 'bbbbbbbb' } },
		});
		expect(memory.has(cursor, '2', 'bbbbbbbb')).toBe(true);
		expect(memory.has(cursor, '2', 'x')).toBe(false);
		const next = at('2026-01-01T10:05:11Z');
		memory.add(next, '6', 'ffffffff');
		memory.advance(next);

		const state = memory.toState(minutes);
		expect(state.versions).toEqual({
			at: '2026-01-01T10:05:11.000Z',
			fingerprints: { '6': 'ffffffff' },
		});
		expect(new StreamMemory(JSON.parse(JSON.stringify(state))).has(cursor, '2', 'x')).toBe(true);

		const plain = new StreamMemory();
		plain.add(cursor, '7');
		plain.advance(cursor);
		expect(plain.toState(minutes)).toEqual({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: { '2026-01-01T10:05:10.000Z': '7' },
		});
	});

	it('reads the earlier form of versions (ID → fingerprint) as IDs only, and writes the new form', () => {
		const earlier = {
			cursor: '2026-01-01T10:05:10.000Z',
			seen: { '2026-01-01T10:05:10.000Z': '2' },
			versions: { '2': 'bbbbbbbb' },
		} as unknown as ConstructorParameters<typeof StreamMemory>[0];
		const memory = new StreamMemory(earlier);

		expect(memory.has(cursor, '2', 'x')).toBe(true);
		expect(memory.toState(minutes)).toEqual({
			cursor: '2026-01-01T10:05:10.000Z',
			seen: { '2026-01-01T10:05:10.000Z': '2' },
		});
	});
});

describe('poll state › configuration digest', () => {
	it('gives the same digest for the same settings in any key order, another for any change', () => {
		const settings = digest({ event: 'updated', filters: { a: 1, b: 2 } });

		expect(digest({ filters: { b: 2, a: 1 }, event: 'updated' })).toBe(settings);
		expect(digest({ event: 'updated', filters: { a: 1, b: 3 } })).not.toBe(settings);
		expect(digest({ event: 'created', filters: { a: 1, b: 2 } })).not.toBe(settings);
	});
});
