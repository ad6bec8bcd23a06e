import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';

import { MAX_SNAPSHOT_RECORDS, pollSnapshot } from '../../nodes/shared/polling/pollSnapshot';
import type { SnapshotChange, SnapshotFeed } from '../../nodes/shared/polling/snapshotFeed';
import { FINGERPRINT_WIDTH } from '../../nodes/shared/polling/snapshotState';

/** A record of the fake vendor: an ID, a creation time, and what its fingerprint is made of. */
interface FakeRecord extends IDataObject {
	id: string;
	created: string;
	version: string;
}

const record = (id: number | string, created: string, version = 'v1'): FakeRecord => ({
	id: String(id),
	created,
	version,
});

/**
 * A vendor list without change times: `records` in their list order, `pageSize` a page, the total
 * announced on each page, each page dated `clock` (its Date header) if set; `beforePage` may change
 * the list or the clock between pages. Each change the engine passes to `reports` is kept, and
 * every record is reported.
 */
class FakeFeed implements SnapshotFeed {
	records: FakeRecord[] = [];
	pageSize = 3;
	announceTotal = true;
	/** The vendor's clock, as its answers' Date header gives it; undefined: answers not dated. */
	clock: Date | undefined;
	fetched: number[] = [];
	changes: Array<{ id: string } & SnapshotChange> = [];
	beforePage: ((pageIndex: number) => Promise<void> | void) | undefined;
	configuration: IDataObject = { account: 'a', filters: {} };
	fingerprint: (record: IDataObject) => string = (item) => `o${String(item.version)}`;

	async fetchPage(pageIndex: number) {
		await this.beforePage?.(pageIndex);
		this.fetched.push(pageIndex);
		const start = pageIndex * this.pageSize;
		const records = this.records.slice(start, start + this.pageSize).map((item) => ({ ...item }));
		return {
			records,
			hasMore: start + records.length < this.records.length,
			...(this.announceTotal ? { total: this.records.length } : {}),
			...(this.clock ? { servedAt: this.clock } : {}),
		};
	}

	idOf = (item: IDataObject) => String(item.id);
	createdAt = (item: IDataObject) => new Date(String(item.created));
	reports = (item: IDataObject, change: SnapshotChange) => {
		this.changes.push({ id: String(item.id), ...change });
		return true;
	};
}

/** An IPollFunctions just large enough for the engine: mode, node, workflow, static data. */
function pollContext(staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	const node = { id: 'node-1', name: 'Trigger' } as INode;
	return {
		getMode: () => mode,
		getNode: () => node,
		getWorkflow: () => ({ id: 'workflow-1' }),
		getWorkflowStaticData: () => staticData,
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IPollFunctions;
}

describe('pollSnapshot (engine of triggers without change times)', () => {
	let feed: FakeFeed;
	let staticData: IDataObject;
	const T0 = '2026-03-10T08:00:00.000Z';
	const T1 = '2026-03-10T08:01:00.000Z';
	const T2 = '2026-03-10T08:02:00.000Z';

	/** One poll; the IDs reported, or null. */
	async function poll(mode: 'trigger' | 'manual' = 'trigger') {
		feed.changes = [];
		feed.fetched = [];
		const result = await pollSnapshot(pollContext(staticData, mode), feed);
		return result && result[0].map((item) => item.json.id);
	}

	/** The state as saved and loaded back (JSON), as n8n keeps static data. */
	const roundTrip = () => {
		staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	};

	beforeEach(() => {
		feed = new FakeFeed();
		staticData = {};
		feed.records = [record(1, T0), record(2, T0), record(3, T0), record(5, T0), record(4, T0)];
	});

	it('the first poll reports nothing and stores IDs as runs, 6 characters a fingerprint, the newest creation', async () => {
		expect(await poll()).toBeNull();
		expect(feed.fetched).toEqual([0, 1]);
		expect(staticData).toEqual({
			configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
			ids: '1..5',
			fingerprints: 'ov1___'.repeat(5),
			newest: { at: T0, id: '5' },
		});
		expect(await poll()).toBeNull();
		expect(feed.changes).toEqual([]);
	});

	it('tells a new record from one that moved into scope by creation time, then by ID at the same time', async () => {
		await poll();
		feed.records.push(
			record(6, T0), // same time as the newest (5), higher ID: new
			record(7, T1), // later: new
			record(0, T0), // same time, lower ID: moved into scope
			record('8', '2026-03-10T07:00:00.000Z'), // earlier, higher ID: moved into scope
		);
		expect(await poll()).toEqual(['6', '7', '0', '8']);
		expect(feed.changes).toEqual([
			{ id: '6', previous: undefined, current: 'ov1___', isNew: true },
			{ id: '7', previous: undefined, current: 'ov1___', isNew: true },
			{ id: '0', previous: undefined, current: 'ov1___', isNew: false },
			{ id: '8', previous: undefined, current: 'ov1___', isNew: false },
		]);
		expect(staticData.newest).toEqual({ at: T1, id: '7' });
	});

	it('compares IDs as numbers when both are whole numbers (10 is after 9), else as text', async () => {
		feed.records = [record(9, T0)];
		await poll();
		feed.records.push(record(10, T0));
		await poll();
		expect(feed.changes).toEqual([
			{ id: '10', previous: undefined, current: 'ov1___', isNew: true },
		]);
		staticData = {};
		feed.records = [record('b', T0)];
		await poll();
		feed.records.push(record('c', T0), record('a', T0));
		await poll();
		expect(feed.changes.map(({ id, isNew }) => [id, isNew])).toEqual([
			['c', true],
			['a', false],
		]);
	});

	it('reports a changed fingerprint with the previous one; an unchanged record is not passed on', async () => {
		await poll();
		feed.records[1] = { ...feed.records[1], version: 'v2' };
		expect(await poll()).toEqual(['2']);
		expect(feed.changes).toEqual([
			{ id: '2', previous: 'ov1___', current: 'ov2___', isNew: false },
		]);
		expect(await poll()).toBeNull();
	});

	it('fixes fingerprints to 6 characters: longer ones are cut (a change past them is not seen), shorter padded', async () => {
		feed.fingerprint = (item) => `o${String(item.version)}-0123456789`;
		await poll();
		expect(staticData.fingerprints).toBe('ov1-01'.repeat(5));
		expect(FINGERPRINT_WIDTH).toBe(6);
		feed.fingerprint = (item) => `o${String(item.version)}-0123456789-changed`;
		expect(await poll()).toBeNull();
		feed.fingerprint = (item) => `c${String(item.version)}`;
		expect(await poll()).toEqual(['1', '2', '3', '5', '4']);
		expect(feed.changes[0]).toEqual({
			id: '1',
			previous: 'ov1-01',
			current: 'cv1___',
			isNew: false,
		});
	});

	it('a short read keeps the last fingerprint of every record it missed, and the newest creation', async () => {
		await poll();
		// Between page 1 and page 2, record 2 (page 1) leaves the list's front for its end, record 5
		// changes and slides from page 2 onto page 1 (missed), and record 9 is created.
		feed.beforePage = (pageIndex) => {
			if (pageIndex !== 1) return;
			feed.records = [
				record(1, T0),
				record(3, T0),
				record(5, T0, 'v2'),
				record(4, T0),
				record(2, T0),
			];
		};
		expect(await poll()).toBeNull();
		expect(feed.fetched).toEqual([0, 1]);
		expect(staticData.ids).toBe('1..5');
		expect(staticData.fingerprints).toBe('ov1___'.repeat(5));
		feed.beforePage = undefined;
		expect(await poll()).toEqual(['5']);
		expect(feed.changes).toEqual([
			{ id: '5', previous: 'ov1___', current: 'ov2___', isNew: false },
		]);
	});

	it('a read whose total changed between pages is short too, even when the count matches', async () => {
		await poll();
		// Record 2 is closed (to the end: read twice), record 5 slides onto page 1 (missed), and a new
		// record 6 lands on page 2: 5 distinct records read, as many as page 1 announced.
		feed.beforePage = (pageIndex) => {
			if (pageIndex !== 1) return;
			feed.records = [
				record(1, T0),
				record(3, T0),
				record(5, T0),
				record(4, T0),
				record(6, T1),
				record(2, T0, 'closed'),
			];
		};
		expect(await poll()).toEqual(['2', '6']);
		expect(feed.changes.map(({ id, isNew }) => [id, isNew])).toEqual([
			['2', false],
			['6', true],
		]);
		expect(staticData.ids).toBe('1..6');
		// The mark stays where it was after a short read.
		expect(staticData.newest).toEqual({ at: T0, id: '5' });
		feed.beforePage = undefined;
		expect(await poll()).toBeNull();
		expect(staticData.newest).toEqual({ at: T1, id: '6' });
	});

	it('a record created before a newer one, both missed or seen by a short read, is still new next poll', async () => {
		await poll();
		feed.records.splice(3, 0, record(6, T1)); // page 2, position 3
		feed.records.push(record(7, T2)); // page 2, the end
		feed.beforePage = (pageIndex) => {
			if (pageIndex === 1) feed.records.splice(0, 1); // record 1 deleted: 6 slides onto page 1
		};
		expect(await poll()).toEqual(['7']);
		feed.beforePage = undefined;
		expect(await poll()).toEqual(['6']);
		expect(feed.changes).toEqual([
			{ id: '6', previous: undefined, current: 'ov1___', isNew: true },
		]);
	});

	it('deleted records drop from the snapshot on a complete read (no event)', async () => {
		await poll();
		feed.records = feed.records.filter((item) => item.id !== '3' && item.id !== '4');
		expect(await poll()).toBeNull();
		expect(feed.changes).toEqual([]);
		expect(staticData.ids).toBe('1..2,5');
		expect(staticData.fingerprints).toBe('ov1___'.repeat(3));
		// Back in scope (e.g. an edit moved it back): not new, it was created long ago.
		feed.records.push(record(3, T0));
		expect(await poll()).toEqual(['3']);
		expect(feed.changes[0]).toMatchObject({ previous: undefined, isNew: false });
	});

	it('without a total from the vendor, a read is taken as complete', async () => {
		feed.announceTotal = false;
		await poll();
		feed.records = feed.records.slice(1);
		expect(await poll()).toBeNull();
		expect(staticData.ids).toBe('2..5');
	});

	it('the first poll stores nothing when its read came short; the next one builds the snapshot', async () => {
		feed.beforePage = (pageIndex) => {
			if (pageIndex === 1) feed.records.splice(0, 1);
		};
		expect(await poll()).toBeNull();
		expect(staticData).toEqual({});
		feed.beforePage = undefined;
		expect(await poll()).toBeNull();
		expect(staticData.ids).toBe('2..5');
	});

	it('the state round-trips JSON: the same snapshot, the same answers', async () => {
		feed.records.push(record('f3b1c0de-0000-4000-8000-000000000001', T1));
		await poll();
		const saved = JSON.stringify(staticData);
		roundTrip();
		expect(JSON.stringify(staticData)).toBe(saved);
		expect(staticData.ids).toBe('1..5,f3b1c0de-0000-4000-8000-000000000001');
		expect(await poll()).toBeNull();
		feed.records[0] = { ...feed.records[0], version: 'v2' };
		roundTrip();
		expect(await poll()).toEqual(['1']);
		roundTrip();
		expect(await poll()).toBeNull();
	});

	describe("the vendor's time of the previous poll (its Date header)", () => {
		/** 08:01:00, the second the first page of the next poll is served in. */
		const POLLED = '2026-03-10T08:01:00.000Z';
		const at = (iso: string) => new Date(iso);

		it('decides new from moved into scope: created after it is new, at or before it moved in', async () => {
			feed.clock = at(POLLED);
			await poll();
			expect(staticData.polledAt).toBe(POLLED);
			expect(staticData.newest).toEqual({ at: T0, id: '5' });
			feed.records.push(
				// After the newest creation in scope (which alone would take them for new), before the poll:
				record(6, T0), // the same time, a later ID
				record(7, '2026-03-10T08:00:30.000Z'), // later: created out of scope, since moved in
				record(8, POLLED), // stamped the very second of the Date: created no later than it
				record(9, '2026-03-10T08:01:00.001Z'), // later within that second: new
				record(10, T2), // new
				record(0, '2026-03-10T07:00:00.000Z'), // long before: moved in
			);
			feed.clock = at('2026-03-10T08:05:00.000Z');
			expect(await poll()).toEqual(['6', '7', '8', '9', '10', '0']);
			expect(feed.changes.map(({ id, isNew }) => [id, isNew])).toEqual([
				['6', false],
				['7', false],
				['8', false],
				['9', true],
				['10', true],
				['0', false],
			]);
			// The state keeps this poll's time, and the newest creation as ever.
			expect(staticData.polledAt).toBe('2026-03-10T08:05:00.000Z');
			expect(staticData.newest).toEqual({ at: T2, id: '10' });
		});

		it("takes the first page's time: a record created while later pages were read is new next poll", async () => {
			feed.clock = at(T1);
			await poll();
			feed.clock = at(POLLED);
			// Created out of scope between the pages (after the first page's Date), moved in later.
			const betweenPages = record(11, '2026-03-10T08:01:03.000Z');
			feed.beforePage = (pageIndex) => {
				if (pageIndex === 1) feed.clock = at('2026-03-10T08:01:05.000Z');
			};
			expect(await poll()).toBeNull();
			expect(staticData.polledAt).toBe(POLLED);
			feed.beforePage = undefined;
			feed.records.push(betweenPages);
			feed.clock = at(T2);
			expect(await poll()).toEqual(['11']);
			expect(feed.changes).toEqual([
				{ id: '11', previous: undefined, current: 'ov1___', isNew: true },
			]);
		});

		it('a read that saw a record created after its first page is short, though the count is right: what slid past is not taken for moved in', async () => {
			feed.clock = at(T1);
			await poll();
			// Between the pages, record 1 (page 1) is deleted and record 6 created: 5 slides onto page
			// 1, read already, and is missed, while 6 on page 2 makes the count come out at 5 again.
			feed.beforePage = (pageIndex) => {
				if (pageIndex !== 1) return;
				feed.records.splice(0, 1);
				feed.records.push(record(6, '2026-03-10T08:01:00.400Z'));
			};
			expect(await poll()).toEqual(['6']);
			expect(feed.fetched).toEqual([0, 1]);
			expect(staticData.ids).toBe('1..6');
			expect(staticData.polledAt).toBe(T1);
			feed.beforePage = undefined;
			feed.clock = at(T2);
			// Record 5 never changed: nothing to report; record 1 is gone from the snapshot.
			expect(await poll()).toBeNull();
			expect(staticData.ids).toBe('2..6');
			expect(staticData.polledAt).toBe(T2);
		});

		it('falls back to the newest creation when the answers carry no Date', async () => {
			expect(feed.clock).toBeUndefined();
			await poll();
			// No date: no `polledAt` in the state at all (as states written before it).
			expect(Object.keys(staticData).sort()).toEqual([
				'configuration',
				'fingerprints',
				'ids',
				'newest',
			]);
			feed.records.push(record(6, T0), record(7, '2026-03-10T08:00:30.000Z'), record(0, T0));
			expect(await poll()).toEqual(['6', '7', '0']);
			expect(feed.changes.map(({ id, isNew }) => [id, isNew])).toEqual([
				['6', true],
				['7', true],
				['0', false],
			]);
			// A dated poll, then one not dated again: the time it can no longer vouch for is dropped,
			// and the mark decides.
			feed.clock = at(T2);
			await poll();
			expect(staticData.polledAt).toBe(T2);
			feed.clock = undefined;
			await poll();
			expect(staticData.polledAt).toBeUndefined();
			feed.records.push(record(8, '2026-03-10T08:00:45.000Z')); // after the mark (7 at 08:00:30)
			expect(await poll()).toEqual(['8']);
			expect(feed.changes[0]).toMatchObject({ id: '8', isNew: true });
		});

		it('an incomplete read keeps the previous time: what it missed, created since, is still new', async () => {
			feed.clock = at(T1);
			await poll();
			// Created after the poll at T1; record 1 deleted between the pages: 6 slides onto page 1.
			feed.records.splice(3, 0, record(6, '2026-03-10T08:01:30.000Z'));
			feed.clock = at(T2);
			feed.beforePage = (pageIndex) => {
				if (pageIndex === 1) feed.records.splice(0, 1);
			};
			expect(await poll()).toBeNull();
			expect(staticData.polledAt).toBe(T1);
			expect(staticData.newest).toEqual({ at: T0, id: '5' });
			feed.beforePage = undefined;
			feed.clock = at('2026-03-10T08:03:00.000Z');
			expect(await poll()).toEqual(['6']);
			expect(feed.changes).toEqual([
				{ id: '6', previous: undefined, current: 'ov1___', isNew: true },
			]);
			expect(staticData.polledAt).toBe('2026-03-10T08:03:00.000Z');
		});

		it('round-trips JSON with the state: the same time, the same answers', async () => {
			feed.clock = at(POLLED);
			await poll();
			const saved = JSON.stringify(staticData);
			roundTrip();
			expect(JSON.stringify(staticData)).toBe(saved);
			expect(staticData).toEqual({
				configuration: expect.stringMatching(/^[0-9a-f]{16}$/),
				ids: '1..5',
				fingerprints: 'ov1___'.repeat(5),
				newest: { at: T0, id: '5' },
				polledAt: POLLED,
			});
			feed.records.push(record(6, '2026-03-10T08:00:30.000Z'), record(7, T2));
			feed.clock = at('2026-03-10T08:05:00.000Z');
			roundTrip();
			expect(await poll()).toEqual(['6', '7']);
			expect(feed.changes.map(({ id, isNew }) => [id, isNew])).toEqual([
				['6', false],
				['7', true],
			]);
			roundTrip();
			expect(await poll()).toBeNull();
			expect(staticData.polledAt).toBe('2026-03-10T08:05:00.000Z');
		});

		it('a change of configuration starts afresh from the time of its first read', async () => {
			feed.clock = at(T1);
			await poll();
			feed.configuration = { account: 'a', filters: { responsible: 'x' } };
			feed.clock = at(T2);
			expect(await poll()).toBeNull();
			expect(staticData.polledAt).toBe(T2);
		});
	});

	it('a change of configuration starts afresh: nothing reported, a new snapshot', async () => {
		await poll();
		const before = staticData.configuration;
		feed.records[0] = { ...feed.records[0], version: 'v2' };
		feed.records.push(record(9, T2));
		feed.configuration = { account: 'a', filters: { responsible: 'x' } };
		expect(await poll()).toBeNull();
		expect(staticData.configuration).not.toBe(before);
		expect(staticData.newest).toEqual({ at: T2, id: '9' });
	});

	it('manual mode returns the newest record and leaves the state alone', async () => {
		await poll();
		const saved = JSON.stringify(staticData);
		feed.records.push(record(9, T2), record(8, T2), record(7, T1));
		expect(await poll('manual')).toEqual(['9']);
		expect(JSON.stringify(staticData)).toBe(saved);
		feed.records = [];
		expect(await poll('manual')).toBeNull();
	});

	it(`more than ${MAX_SNAPSHOT_RECORDS} records fail the poll at the page that passes the bound, state kept`, async () => {
		feed.pageSize = 5000;
		feed.records = Array.from({ length: MAX_SNAPSHOT_RECORDS }, (_, index) =>
			record(index + 1, T0),
		);
		expect(await poll()).toBeNull();
		expect(feed.fetched).toEqual([0, 1, 2, 3, 4]);
		expect(JSON.stringify(staticData).length).toBe(150_127);
		const saved = JSON.stringify(staticData);
		feed.records.push(record(MAX_SNAPSHOT_RECORDS + 1, T1));
		await expect(poll()).rejects.toThrow('The trigger watches more than 25,000 records');
		expect(feed.fetched).toEqual([0, 1, 2, 3, 4, 5]);
		expect(JSON.stringify(staticData)).toBe(saved);
	});

	it('overlapping polls of the same trigger: the second reports nothing, reads nothing, changes nothing', async () => {
		await poll();
		feed.records.push(record(9, T2));
		const saved = JSON.stringify(staticData);
		let overlapping: unknown;
		let fetchedByOverlap = -1;
		let stateDuringOverlap = '';
		feed.beforePage = async (pageIndex) => {
			if (pageIndex !== 1 || overlapping !== undefined) return;
			const fetchedBefore = feed.fetched.length;
			overlapping = await pollSnapshot(pollContext(staticData), feed);
			fetchedByOverlap = feed.fetched.length - fetchedBefore;
			stateDuringOverlap = JSON.stringify(staticData);
		};
		expect(await poll()).toEqual(['9']);
		expect(overlapping).toBeNull();
		expect(fetchedByOverlap).toBe(0);
		expect(stateDuringOverlap).toBe(saved);
	});
});
