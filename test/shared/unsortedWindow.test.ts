import type { IDataObject } from 'n8n-workflow';

import {
	NEWEST_WINDOWS_MS,
	readWindow,
	unsortedStream,
	type UnsortedWindow,
	type WindowPage,
} from '../../nodes/shared/polling/unsortedWindow';

const T0 = Date.parse('2026-05-04T09:00:00.000Z');
const task = (id: string, offsetMs: number, extra: IDataObject = {}): IDataObject => ({
	id,
	at: new Date(T0 + offsetMs).toISOString(),
	...extra,
});

/**
 * A fake vendor window over a list the test controls: pages of `size` in the list's order,
 * filtered by `at >= since`, with the total; `beforePage` may change the list between pages.
 */
function fakeWindow(
	list: IDataObject[],
	options: {
		size?: number;
		total?: boolean;
		overlapMs?: number;
		beforePage?: (pageIndex: number, call: number) => void;
		servedAt?: Date;
	} = {},
) {
	const size = options.size ?? 2;
	const calls: Array<{ since?: string; page: number }> = [];
	const window: UnsortedWindow = {
		overlapMs: options.overlapMs ?? 120_000,
		idOf: (record) => String(record.id),
		timeOf: (record) => new Date(String(record.at)),
		async fetchPage(since, pageIndex): Promise<WindowPage> {
			options.beforePage?.(pageIndex, calls.length);
			calls.push({ since: since?.toISOString(), page: pageIndex + 1 });
			const inWindow = list.filter(
				(record) => !since || Date.parse(String(record.at)) >= since.getTime(),
			);
			const records = inWindow.slice(pageIndex * size, pageIndex * size + size);
			return {
				records,
				hasMore: records.length === size && (pageIndex + 1) * size < inWindow.length,
				...(options.total === false ? {} : { total: inWindow.length }),
				...(options.servedAt ? { servedAt: options.servedAt } : {}),
			};
		},
	};
	return { window, calls };
}

const ids = (records: IDataObject[]) => records.map((record) => String(record.id)).sort();

describe('Unsorted window (engine)', () => {
	it('reads every page once when nothing moves, keeps the latest version of each record', async () => {
		const list = [task('a', 3), task('b', 1), task('c', 5), task('d', 2), task('e', 4)];
		const { window, calls } = fakeWindow(list);
		const read = await readWindow(window, new Date(T0));
		expect(ids(read.records)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(read).toMatchObject({ complete: true, reached: new Date(T0 + 5) });
		expect(calls).toEqual([1, 2, 3].map((page) => ({ since: new Date(T0).toISOString(), page })));
	});

	it('walks again when a record moved back onto a page already read, and finds it', async () => {
		// 'e' moves to the front of the order after page 1 was read: the walk never reaches it.
		const list = [task('a', 1), task('b', 2), task('c', 3), task('d', 4), task('e', 5)];
		const { window, calls } = fakeWindow(list, {
			beforePage: (pageIndex, call) => {
				if (call === 1) {
					const [moved] = list.splice(4, 1);
					list.unshift({ ...moved, at: new Date(T0 + 9).toISOString() });
				}
			},
		});
		const read = await readWindow(window, new Date(T0));
		expect(ids(read.records)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(read.records.find((record) => record.id === 'e')?.at).toBe(
			new Date(T0 + 9).toISOString(),
		);
		expect(read.complete).toBe(true);
		// Walk 1: pages 1-3 (the last short), 4 of 5 seen, so page 4 (empty) too; walk 2: pages 1-3.
		expect(calls.map((call) => call.page)).toEqual([1, 2, 3, 4, 1, 2, 3]);
	});

	it('gives up after three walks that each miss a record: incomplete, and the cursor stays', async () => {
		const list = [task('a', 1), task('b', 2), task('c', 3), task('d', 4)];
		let moves = 0;
		const { window, calls } = fakeWindow(list, {
			beforePage: (pageIndex) => {
				// A new record lands in front of the order before every second page, so each walk
				// misses one: busier than three walks can keep up with.
				if (pageIndex === 1) list.unshift(task(`new ${moves}`, 10 + moves++));
			},
		});
		const read = await readWindow(window, new Date(T0));
		expect(read.complete).toBe(false);
		expect(read.reached).toBeUndefined();
		expect(calls.filter((call) => call.page === 1)).toHaveLength(3);

		const stream = unsortedStream({ name: 's', window });
		const listing = await stream.listWindow!(new Date(T0));
		expect(listing.unsettled).toEqual(new Date(T0));
		expect(listing.reached).toBeUndefined();
	});

	it("a complete read reaches the vendor's Date less the overlap when that is later than its changes", async () => {
		const list = [task('a', 1), task('b', 2)];
		const later = new Date(T0 + 600_000);
		const { window } = fakeWindow(list, { servedAt: later });
		expect((await readWindow(window, new Date(T0))).reached).toEqual(new Date(T0 + 480_000));
		// A Date before the changes less the overlap changes nothing.
		const early = fakeWindow(list, { servedAt: new Date(T0 + 60_000) });
		expect((await readWindow(early.window, new Date(T0))).reached).toEqual(new Date(T0 + 2));
		// An empty window still reaches it.
		const empty = fakeWindow([], { servedAt: later });
		expect((await readWindow(empty.window, new Date(T0))).reached).toEqual(new Date(T0 + 480_000));
	});

	it('takes a vendor that gives no total at its word', async () => {
		const { window } = fakeWindow([task('a', 1), task('b', 2), task('c', 3)], { total: false });
		const read = await readWindow(window, undefined);
		expect(read).toMatchObject({ complete: true, reached: new Date(T0 + 3) });
	});

	it('moves the cursor only to what pages answered within half the overlap showed', async () => {
		const list = [task('a', 1), task('b', 2), task('c', 50), task('d', 60), task('e', 70)];
		let clock = 0;
		const { window } = fakeWindow(list, { overlapMs: 1000, beforePage: () => (clock += 300) });
		// Pages answered at 300, 600 and 900 ms after the walk began: only the first counts past 500.
		const read = await readWindow(window, new Date(T0), () => clock);
		expect(read.complete).toBe(true);
		expect(read.reached).toEqual(new Date(T0 + 2));
	});

	it("lists only the changes at or after the window start in the stream's own time, oldest first", async () => {
		// The window is by `at`; the stream's time is `moved`, never later than `at`.
		const list = [
			task('a', 10, { moved: new Date(T0 - 5000).toISOString() }),
			task('b', 30, { moved: new Date(T0 + 20).toISOString() }),
			task('c', 20, { moved: new Date(T0 + 5).toISOString() }),
		];
		const { window } = fakeWindow(list);
		const stream = unsortedStream({
			name: 's',
			window,
			timeOf: (record) => new Date(String(record.moved)),
		});
		const listing = await stream.listWindow!(new Date(T0));
		expect(listing.records.map((record) => record.id)).toEqual(['c', 'b']);
		// The cursor follows the window's time, which the next window filters on.
		expect(listing.reached).toEqual(new Date(T0 + 30));
	});

	it('finds the newest change through widening windows, whatever the clocks', async () => {
		const now = T0 + 40 * 24 * 3600_000;
		const list = [
			task('old', 0),
			task('older', -1000),
			task('edited', 5, { moved: new Date(T0 - 9e9).toISOString() }),
		];
		const { window, calls } = fakeWindow(list);
		const stream = unsortedStream({
			name: 's',
			window,
			timeOf: (record) => new Date(String(record.moved ?? record.at)),
			now: () => now,
		});
		// Hour, day, week, month: empty; the year holds 'old' and 'edited', whose own change is
		// older than the window, so 'old' is the newest change.
		const newest = await stream.fetchNewest(2);
		expect(newest.map((record) => record.id)).toEqual(['old', 'older']);
		expect(calls.map((call) => call.since)).toEqual(
			NEWEST_WINDOWS_MS.map((span) => new Date(now - span).toISOString()).flatMap((since, index) =>
				index === 4 ? [since, since] : [since],
			),
		);
	});
});
