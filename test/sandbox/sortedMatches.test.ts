import { type ListOrder, SortedMatches } from './sortedMatches';

interface Task {
	id: number;
	due: number;
	open: boolean;
}

const byDue: ListOrder<Task> = {
	name: 'due asc',
	reads: [(task) => task.due],
	compare: (a, b) => a.due - b.due || a.id - b.id,
};
const byDueDescending: ListOrder<Task> = {
	name: 'due desc',
	reads: [(task) => task.due],
	compare: (a, b) => b.due - a.due || a.id - b.id,
};
const open = (task: Task) => task.open;
const ids = (tasks: Task[]) => tasks.map((task) => task.id);

describe('SortedMatches', () => {
	let store: Map<number, Task>;
	let orders: SortedMatches<Task>;
	const sorted = (order = byDue) => orders.sorted(store.values(), open, order);

	beforeEach(() => {
		store = new Map(
			[
				{ id: 1, due: 30, open: true },
				{ id: 2, due: 10, open: true },
				{ id: 3, due: 20, open: false },
				{ id: 4, due: 10, open: true },
			].map((task) => [task.id, task]),
		);
		orders = new SortedMatches();
	});

	it('sorts the matches, then hands back the same list while nothing changed', () => {
		const first = sorted();
		expect(ids(first)).toEqual([2, 4, 1]);
		expect(sorted()).toBe(first);
	});

	it('sorts again for another order', () => {
		const first = sorted();
		expect(ids(sorted(byDueDescending))).toEqual([1, 2, 4]);
		expect(sorted()).not.toBe(first);
	});

	it('sees a field the order reads changed in place on a stored task', () => {
		sorted();
		store.get(1)!.due = 5;
		expect(ids(sorted())).toEqual([1, 2, 4]);
	});

	it('sees a task that starts or stops matching', () => {
		sorted();
		store.get(3)!.open = true;
		expect(ids(sorted())).toEqual([2, 4, 3, 1]);
		store.get(2)!.open = false;
		expect(ids(sorted())).toEqual([4, 3, 1]);
	});

	it('sees a task added, a task deleted (the last one in the store too), and a task replaced', () => {
		sorted();
		store.set(5, { id: 5, due: 15, open: true });
		expect(ids(sorted())).toEqual([2, 4, 5, 1]);
		store.delete(5);
		expect(ids(sorted())).toEqual([2, 4, 1]);
		store.delete(4);
		expect(ids(sorted())).toEqual([2, 1]);
		store.set(2, { id: 2, due: 40, open: true });
		expect(ids(sorted())).toEqual([1, 2]);
	});
});
