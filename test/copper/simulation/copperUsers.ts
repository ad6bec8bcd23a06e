import type { IDataObject } from 'n8n-workflow';

import { ChangeLog } from '../../helpers/reliability/changeLog';
import type { Random } from '../../helpers/reliability/random';
import type { CopperForTrigger } from '../trigger-sandbox';

/** The trigger's Event parameter. */
export type TriggerEvent = 'created' | 'updated' | 'createdOrUpdated';

/** JSON with its keys sorted: one text for one task, whatever order its keys come in. */
const canonical = (value: unknown): string => {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const keys = Object.keys(value).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`).join(',')}}`;
	}
	return JSON.stringify(value);
};

/**
 * The version of a task an event reports. Created reports the creation (a task is created once, at
 * its date_created), whatever the task reads by the time the trigger reads it; the other events
 * report the task exactly as Copper holds it after the change.
 */
export const versionOf = (task: IDataObject, event: TriggerEvent) =>
	event === 'created' ? `created at ${String(task.date_created)}` : canonical(task);

/**
 * The (id, version) an emitted item stands for: the item without the readable `<date>_iso` copies
 * the trigger adds, which must then be the task exactly as Copper held it.
 */
export function emittedPair(item: IDataObject, event: TriggerEvent) {
	const task = Object.fromEntries(Object.entries(item).filter(([key]) => !key.endsWith('_iso')));
	return { id: String(item.id), version: versionOf(task, event) };
}

/**
 * Copper's users during a simulation: they create and change tasks in the emulator, stamped by
 * Copper's clock in whole seconds, and every change the trigger's event reports goes into the
 * ground-truth log, as the task reads right after it.
 */
export class CopperUsers {
	readonly log = new ChangeLog();
	/** The event of the trigger's current configuration: which changes the log takes. */
	event: TriggerEvent = 'createdOrUpdated';
	/** Changes stamped in the same second as the change before them. */
	sameSecondChanges = 0;
	private readonly ids: number[] = [];
	private lastSecond = -1;
	private edits = 0;

	constructor(
		private readonly copper: CopperForTrigger,
		private readonly random: Random,
	) {}

	/** Creates `count` tasks, all in Copper's current second. */
	create(count: number) {
		for (const id of this.copper.createMany(count, 'Task')) {
			this.ids.push(id);
			this.logged(id, 'created');
		}
	}

	/** Creates a task stamped at an earlier `second`, as Copper stamps a creation it saves late. */
	createStampedAt(second: number) {
		const late = this.copper.nowSeconds - second;
		this.copper.tick(-late);
		this.create(1);
		this.copper.tick(late);
	}

	/** Changes `count` tasks (picked among all, or among the newest), each in Copper's current second. */
	update(count: number) {
		for (let change = 0; change < count && this.ids.length; change++) {
			this.change(
				this.random.chance(0.5)
					? this.random.pick(this.ids.slice(-50))
					: this.random.pick(this.ids),
			);
		}
	}

	/** Changes one task; the caller picks it (e.g. one the trigger is paging through). */
	change(id: number) {
		const edit = ++this.edits;
		const before = this.copper.sandbox.getTask(id);
		// Every edit leaves the task in a state it never had: an edit that changes nothing is no
		// change, and one back to an earlier state within the same second could not be told from it.
		const body = {
			details: `Edit ${edit}`,
			...(edit % 5 === 0 ? { priority: before?.priority === 'High' ? 'None' : 'High' } : {}),
		};
		const task = this.copper.sandbox.updateTask(id, body);
		if (typeof task === 'string') throw new Error(`Changing task ${id}: ${task}`);
		this.logged(id, 'updated');
	}

	/** The IDs of the tasks Copper stamped at `second` (date_modified). */
	modifiedAt(second: number): number[] {
		const tasks = [...this.copper.sandbox.state.tasks.values()];
		return tasks.filter((task) => task.date_modified === second).map((task) => task.id);
	}

	/** Logs the change if the trigger's event reports it, as the task reads now. */
	private logged(id: number, change: 'created' | 'updated') {
		const task = this.copper.sandbox.getTask(id) as unknown as IDataObject;
		const second = task.date_modified as number;
		if (second === this.lastSecond) this.sameSecondChanges++;
		this.lastSecond = second;
		// Updated reports a change stamped after the creation second: within that second Copper's
		// stamps cannot tell a change from the creation (date_modified = date_created).
		const reported = {
			created: change === 'created',
			updated: change === 'updated' && second > (task.date_created as number),
			createdOrUpdated: true,
		}[this.event];
		if (reported) this.log.record(String(id), versionOf(task, this.event));
	}
}
