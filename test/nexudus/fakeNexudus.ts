import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { BASE_URL } from './credentials';

/**
 * A small stateful Nexudus for trigger tests, behind nock: coworker tasks that can be created and
 * changed between and during polls, searched with from_ filters (to the minute), sorted and paged,
 * and read one by one. The server keeps its own clock, unrelated to the test machine's, and can
 * stamp times in UTC or as local wall-clock time with a literal Z, as some Nexudus APIs do.
 */
export class FakeNexudus {
	readonly tasks = new Map<number, IDataObject>();
	readonly requests: string[] = [];
	private nextId = 2001;
	/** Runs before the server answers a search page: lets a test change data in mid-poll. */
	beforeSearchPage?: (page: number) => void;
	/** Runs before the server answers a read of records by ID (batch or single). */
	beforeRecordRead?: () => void;
	/** Refuses longer `id=[…]` lists as IIS does past its query-string limit (404.15). */
	maxIdListLength?: number;
	/** Makes the next reads of a record fail with HTTP 500. */
	failRecordReads = 0;

	constructor(
		private clock: Date,
		/** Hours the server's stamps are ahead of UTC; 0 stamps real UTC. */
		private readonly stampOffsetHours = 0,
	) {
		const scope = nock(BASE_URL).persist();
		scope
			.get('/crm/coworkertasks')
			.query(true)
			.reply((uri) => this.search(uri));
		scope.get(/^\/api\/crm\/coworkertasks\/\d+$/).reply((uri) => this.read(uri));
	}

	/** Moves the server clock forward. */
	tick(seconds: number) {
		this.clock = new Date(this.clock.getTime() + seconds * 1000);
	}

	private stamp() {
		const local = new Date(this.clock.getTime() + this.stampOffsetHours * 3_600_000);
		return local.toISOString().replace(/\.\d{3}Z$/, 'Z');
	}

	/** Creates a task; some Nexudus records are created with an empty UpdatedOn. */
	create(name: string, { withoutUpdatedOn = false } = {}): IDataObject {
		const now = this.stamp();
		const task = {
			Id: this.nextId++,
			Name: name,
			Completed: false,
			Notes: `${name} notes`,
			CreatedOn: now,
			UpdatedOn: withoutUpdatedOn ? null : now,
		};
		this.tasks.set(task.Id, task);
		return task;
	}

	update(id: number, changes: IDataObject): IDataObject {
		const task = { ...this.tasks.get(id)!, ...changes, UpdatedOn: this.stamp() };
		this.tasks.set(id, task);
		return task;
	}

	/** A record as the trigger must emit it: in full, as GET by ID returns it. */
	full(id: number): IDataObject {
		const task = this.tasks.get(id)!;
		return { ...task, ResponsibleFullName: 'Grace Hopper', BusinessName: 'Harbour Hub' };
	}

	private search(uri: string): [number, IDataObject | string] {
		this.requests.push(`GET ${uri}`);
		const query = new URL(uri, BASE_URL).searchParams;
		const page = Number(query.get('page') ?? 1);
		const size = Number(query.get('size') ?? 25);
		const ids = /^\[([\d,]*)\]$/.exec(query.get('id') ?? '');
		if (ids && ids[0].length > (this.maxIdListLength ?? Infinity)) {
			return [404, '<html><body>HTTP Error 404.15 - Query String Too Long</body></html>'];
		}
		if (ids) return this.readBatch(ids[1].split(',').map(Number), page, size);
		this.beforeSearchPage?.(page);
		const orderBy = query.get('orderBy') ?? 'Id';
		const direction = Number(query.get('dir') ?? 1);
		let records = [...this.tasks.values()];
		for (const [key, value] of query) {
			const range = /^(from|to)_CoworkerTask_(\w+)$/.exec(key);
			if (!range) continue;
			// Filters are read to the minute, in the same frame the server stamps times in.
			const bound = `${value}:00Z`;
			records = records.filter((task) => {
				if (!task[range[2]]) return false;
				const time = String(task[range[2]]).slice(0, 16) + ':00Z';
				return range[1] === 'from' ? time >= bound : time <= bound;
			});
		}
		// An empty time matches no from_/to_ filter, and sorts first ascending, as in SQL Server.
		records.sort(
			(a, b) =>
				(String(a[orderBy] ?? '') > String(b[orderBy] ?? '')
					? 1
					: String(a[orderBy] ?? '') < String(b[orderBy] ?? '')
						? -1
						: Number(a.Id) - Number(b.Id)) * direction,
		);
		const slice = records.slice((page - 1) * size, page * size);
		const summaries = slice.map(({ Id, Name, CreatedOn, UpdatedOn }) => ({
			Id,
			Name,
			CreatedOn,
			UpdatedOn,
		}));
		return [
			200,
			{
				Records: summaries,
				CurrentPage: page,
				CurrentPageSize: size,
				TotalItems: records.length,
				HasNextPage: page * size < records.length,
			},
		];
	}

	/** The batch form `?id=[…]`: full records, paged like any search (25 unless sized). */
	private readBatch(ids: number[], page: number, size: number): [number, IDataObject] {
		this.beforeRecordRead?.();
		if (this.failRecordReads > 0) {
			this.failRecordReads--;
			return [500, { Message: 'An error has occurred.' }];
		}
		const records = ids.filter((id) => this.tasks.has(id)).map((id) => this.full(id));
		return [
			200,
			{
				Records: records.slice((page - 1) * size, page * size),
				CurrentPage: page,
				CurrentPageSize: size,
				TotalItems: records.length,
				HasNextPage: page * size < records.length,
			},
		];
	}

	private read(uri: string): [number, IDataObject | string] {
		this.requests.push(`GET ${uri}`);
		this.beforeRecordRead?.();
		if (this.failRecordReads > 0) {
			this.failRecordReads--;
			return [500, { Message: 'An error has occurred.' }];
		}
		const id = Number(uri.split('/').pop());
		return this.tasks.has(id) ? [200, this.full(id)] : [404, 'Not found'];
	}
}
