import type { Random } from '../../helpers/reliability/random';
import { PROJECTS, SUPPORT, type CotalkerForTrigger } from '../trigger-sandbox';

const GROUPS = [PROJECTS, SUPPORT];

/**
 * Cotalker's users at work during the simulation: tasks created, edited, deactivated and moved
 * through Cotalker's API, at random, each change stamped by the emulator's clock (which only moves
 * when told). Every change lands in CotalkerForTrigger.changes, the simulation's ground truth.
 */
export class TaskChanges {
	private readonly tasks: string[] = [];
	private edits = 0;

	constructor(
		private readonly cotalker: CotalkerForTrigger,
		private readonly rand: Random,
	) {}

	/** Tasks that exist before the trigger is activated. */
	seed(perGroup: number) {
		for (const group of GROUPS)
			this.tasks.push(...this.cotalker.createMany(group, perGroup, 'Old'));
	}

	/**
	 * One change, a moment after the last one: mostly edits and state moves, often of the newest
	 * task (so some land within a second of its creation), sometimes a new task or a deactivation.
	 */
	async one() {
		const { cotalker, rand } = this;
		cotalker.tickMs(rand.between(1, 400));
		const roll = rand.next();
		if (roll < 0.2) {
			this.tasks.push(...cotalker.create(rand.pick(GROUPS), `New ${this.tasks.length}`));
			return;
		}
		const task = rand.chance(0.3) ? this.tasks[this.tasks.length - 1] : rand.pick(this.tasks);
		if (roll < 0.55) await cotalker.update(task, { info: `Edit ${++this.edits}` });
		else if (roll < 0.6) await cotalker.update(task, { isActive: rand.chance(0.5) });
		else await cotalker.move(task);
	}

	async some(max: number) {
		const count = this.rand.between(0, max);
		for (let change = 0; change < count; change++) await this.one();
	}

	/**
	 * A burst in one millisecond: `size` new tasks in one group, then `edited` of the older tasks
	 * edited in the next millisecond (an import, a bulk edit).
	 */
	async burst(size: number, edited: number) {
		const { cotalker, rand } = this;
		cotalker.tickMs(1);
		this.tasks.push(...cotalker.createMany(rand.pick(GROUPS), size, `Burst ${this.tasks.length}`));
		cotalker.tickMs(1);
		const older = this.tasks.slice(0, -size);
		for (let index = 0; index < edited; index++) {
			await cotalker.update(older[(index * 7) % older.length], { info: `Bulk ${++this.edits}` });
		}
	}
}
