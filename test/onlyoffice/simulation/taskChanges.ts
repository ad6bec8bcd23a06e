import type { IDataObject } from 'n8n-workflow';

import { decodeIds } from '../../../nodes/shared/polling/idList';
import { ChangeLog } from '../../helpers/reliability/changeLog';
import type { Random } from '../../helpers/reliability/random';
import { CALL, EMAIL, FOLLOW_UP, MEETING, type OnlyofficeForTrigger } from '../trigger-sandbox';

/**
 * A version of a task for the Updated event: the task as the task list shows it, open or closed
 * alike (closing and reopening are other events). Every edit writes a new description, so no
 * version ever comes back.
 */
export function versionOf(task: IDataObject): string {
	const content = { ...task };
	delete content.isClosed;
	return JSON.stringify(content);
}

/** Deadlines fall in these 60 days, so a deadline moved sends its task anywhere in the list. */
const DEADLINES_FROM = Date.parse('2026-03-01T09:00:00Z');
const DEADLINE_DAYS = 60;
const CATEGORIES = [CALL, EMAIL, MEETING, FOLLOW_UP];
const CONTACTS = [0, 301, 302, 303, 304, 305];
const ALERTS = [0, 15, 30, 60];

/** What the run changed on the portal, by kind. */
export interface ChangeCounts {
	created: number;
	/** Creations of more than a page of tasks, each all at one time stamp. */
	bursts: number;
	edited: number;
	deadlinesMoved: number;
	closed: number;
	reopened: number;
	deleted: number;
}

/**
 * The portal's tasks as the simulation changes them, and the ground truth of the Updated event:
 * every edit of a task the trigger watches (one in its snapshot: it was listed by a poll before)
 * goes into the change log as the version the list shows after it. Tasks are all Olga's, so a
 * trigger filtered on her sees the same tasks.
 */
export class TaskChanges {
	readonly log = new ChangeLog();
	readonly counts: ChangeCounts = {
		created: 0,
		bursts: 0,
		edited: 0,
		deadlinesMoved: 0,
		closed: 0,
		reopened: 0,
		deleted: 0,
	};
	/** The newest version of each task in the log, and the newest the trigger emitted. */
	private readonly logged = new Map<number, string>();
	private readonly emitted = new Map<number, string>();
	private watched: number[] = [];
	private edits = 0;

	constructor(
		private readonly portal: OnlyofficeForTrigger,
		private readonly random: Random,
	) {}

	/** How many tasks the portal holds. */
	get scope() {
		return this.portal.sandbox.state.tasks.size;
	}

	/** Takes the tasks in the trigger's snapshot (its state) as the ones edits are reported for. */
	watch(state: IDataObject | undefined) {
		this.watched = typeof state?.ids === 'string' ? decodeIds(state.ids).map(Number) : [];
	}

	/** Creates `count` tasks, all at one time stamp. */
	create(count: number) {
		const tasks = Array.from({ length: count }, () => ({
			title: `Task ${this.random.between(1, 10_000)}`,
			deadline: this.deadline().toISOString(),
			categoryId: this.random.pick(CATEGORIES),
		}));
		const ids = this.portal.create(...tasks);
		this.counts.created += count;
		if (count > 500) this.counts.bursts++;
		return ids;
	}

	/** Edits a watched task: a new description, and now and then other fields (the deadline too). */
	edit() {
		const tasks = this.portal.sandbox.state.tasks;
		const id = this.random.pick(this.watched);
		if (id === undefined || !tasks.has(id)) return;
		const fields: Parameters<OnlyofficeForTrigger['edit']>[1] = {
			description: `Edit ${++this.edits}`,
		};
		if (this.random.chance(0.3)) {
			fields.deadLineMs = this.deadline().getTime();
			this.counts.deadlinesMoved++;
		}
		if (this.random.chance(0.2)) fields.title = `Task ${this.random.between(1, 10_000)}`;
		if (this.random.chance(0.2)) fields.categoryId = this.random.pick(CATEGORIES);
		if (this.random.chance(0.1)) fields.contactId = this.random.pick(CONTACTS);
		if (this.random.chance(0.1)) fields.alertValue = this.random.pick(ALERTS);
		this.portal.edit(id, fields);
		this.counts.edited++;
		const version = versionOf(this.portal.emitted(id));
		this.log.record(String(id), version);
		this.logged.set(id, version);
	}

	/** Closes an open task or reopens a closed one: no version of its own, it moves in the list. */
	closeOrReopen() {
		const task = this.portal.sandbox.state.tasks.get(this.someTask());
		if (!task) return;
		if (task.isClosed) {
			this.portal.reopen(task.id);
			this.counts.reopened++;
		} else {
			this.portal.close(task.id);
			this.counts.closed++;
		}
	}

	/**
	 * Deletes up to `count` tasks with no edit left to report (a task deleted before the trigger
	 * read its edit takes the edit with it: no trigger could report it).
	 */
	delete(count: number) {
		const candidates = [...this.portal.sandbox.state.tasks.keys()].filter(
			(id) => this.logged.get(id) === this.emitted.get(id),
		);
		for (let deleted = 0; deleted < count && candidates.length > 0; deleted++) {
			const [id] = candidates.splice(this.random.between(0, candidates.length - 1), 1);
			this.portal.delete(id);
			this.counts.deleted++;
		}
	}

	/** Takes note of the items a poll emitted; returns them as (id, version) pairs. */
	emittedItems(items: IDataObject[] | null) {
		return (items ?? []).map((item) => {
			const pair = { id: String(item.id), version: versionOf(item) };
			this.emitted.set(Number(item.id), pair.version);
			return pair;
		});
	}

	/** Forgets every change: the trigger starts afresh (the log itself is reset by its caller). */
	forgetChanges() {
		this.logged.clear();
		this.emitted.clear();
	}

	private someTask(): number {
		return this.random.pick([...this.portal.sandbox.state.tasks.keys()]) ?? -1;
	}

	private deadline() {
		const minutes = this.random.between(0, DEADLINE_DAYS * 24 * 60);
		return new Date(DEADLINES_FROM + minutes * 60_000);
	}
}
