import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import type { ActivePollTrigger } from '../helpers/pollTrigger';
import { idsOf, OnlyofficeForTrigger, PAGE, pollRequests } from './trigger-sandbox';

/**
 * Shifting pages: ONLYOFFICE pages by offset (startIndex) over a list that sorts open tasks first,
 * by deadline. A task closed, reopened, edited, created or deleted between page 1 and page 2 of the
 * same poll moves the others across the page boundary, so the walk may read one task twice and
 * miss another. Nothing may be reported twice, and nothing lost over the next polls.
 *
 * Every test: 1,200 generated tasks (900 open, 300 closed; 3 pages), a first poll (list requests
 * 0-2), then changes made by a hook between page 1 and page 2 of the second poll (list request 4).
 */
describe('ONLYOFFICE Trigger › shifting pages', () => {
	let portal: OnlyofficeForTrigger;
	let ids: number[];
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		portal = await OnlyofficeForTrigger.start();
		ids = portal.generate(1200);
	});
	afterEach(async () => {
		await portal.stop();
		expect(portal.hookErrors).toEqual([]);
	});

	/** The task at `position` of the list as it is now. */
	const at = (position: number) => portal.listOrder()[position];

	/** Activates one trigger per event on the same tasks; returns them after their first poll. */
	async function activate(...events: string[]) {
		const credentials = await portal.signedIn();
		const triggers: Record<string, ActivePollTrigger> = {};
		for (const event of events) {
			triggers[event] = portal.activate(event, {}, credentials);
			expect(await triggers[event].poll()).toBeNull();
		}
		return triggers;
	}

	/**
	 * Polls a trigger three times; `between` runs between page 1 and page 2 of the first of them.
	 * Returns the IDs each poll reported.
	 */
	async function pollThrice(trigger: ActivePollTrigger, between: () => void) {
		let hooked = false;
		let listed = 0;
		portal.beforeList = () => {
			if (listed++ === 1) {
				hooked = true;
				between();
			}
		};
		const reported: Array<unknown[] | null> = [];
		for (let poll = 0; poll < 3; poll++) reported.push(idsOf(await trigger.poll()));
		portal.beforeList = undefined;
		expect(hooked).toBe(true);
		return reported;
	}

	it.each([
		['closed', [[':closed'], null, null]],
		['updated', [null, [':missed'], null]],
		['created', [null, null, null]],
		['reopened', [null, null, null]],
	])(
		'a task closed on page 1 is read twice (closed once); the one it shifts onto page 1 is missed, then reported (%s)',
		async (event, expected) => {
			const [trigger] = Object.values(await activate(event));
			const closed = at(100);
			const missed = at(PAGE);
			portal.clearRequests();
			const reported = await pollThrice(trigger, () => {
				portal.close(closed);
				portal.edit(missed, { description: 'Edited while the poll paged' });
				// The closed task moved to the closed part (after the 899 open ones): read twice. The task
				// that opened page 2 is now the last of page 1, which was read already: missed by this walk.
				expect(portal.listOrder().indexOf(closed)).toBeGreaterThanOrEqual(899);
				expect(at(PAGE - 1)).toBe(missed);
			});
			const names: Record<string, number> = { ':closed': closed, ':missed': missed };
			expect(reported).toEqual(expected.map((list) => list && list.map((name) => names[name])));
			expect(portal.listRequests).toEqual([0, 1, 2].flatMap(() => pollRequests(1200)));
		},
	);

	it('the missed task keeps its last fingerprint: unchanged, it is not reported at all', async () => {
		const { updated, closed } = await activate('updated', 'closed');
		const closedTask = at(100);
		const missed = at(PAGE);
		const before = (updated.state?.fingerprints as string).length;
		expect(await pollThrice(updated, () => portal.close(closedTask))).toEqual([null, null, null]);
		expect((updated.state?.fingerprints as string).length).toBe(before);
		expect(await closed.poll()).toEqual([portal.emitted(closedTask)]);
		expect(missed).toBeDefined();
	});

	it('a closed task reopened into page 1 is missed by the walk, and reported reopened once, a poll later', async () => {
		const { reopened, updated } = await activate('reopened', 'updated');
		// Generated task 31 is closed, due in 1 day: reopened, it sorts near the top of page 1.
		const task = ids[31];
		expect(portal.sandbox.getTask(task)?.isClosed).toBe(true);
		const reported = await pollThrice(reopened, () => {
			portal.reopen(task);
			expect(portal.listOrder().indexOf(task)).toBeLessThan(PAGE);
		});
		expect(reported).toEqual([null, [task], null]);
		expect(await updated.poll()).toBeNull();
	});

	it('a task whose deadline moves it from page 1 to page 2 is read twice and reported once, as it is now', async () => {
		const { updated } = await activate('updated');
		const task = at(10);
		let items: IDataObject[] | null = null;
		const page2 = portal.listCount + 1;
		portal.beforeList = (index) => {
			if (index !== page2) return;
			// Due after every other task: the last open one.
			portal.edit(task, { deadLineMs: Date.parse('2026-04-30T00:00:00Z') });
			expect(portal.listOrder().indexOf(task)).toBeGreaterThanOrEqual(PAGE);
		};
		items = await updated.poll();
		expect(items).toEqual([portal.emitted(task)]);
		expect(await updated.poll()).toBeNull();
	});

	it('a task whose deadline moves it from page 2 to page 1 is missed, and reported a poll later', async () => {
		const { updated } = await activate('updated');
		const task = at(700);
		const reported = await pollThrice(updated, () => {
			portal.edit(task, { deadLineMs: Date.parse('2026-01-01T00:00:00Z') });
			expect(portal.listOrder().indexOf(task)).toBe(0);
		});
		expect(reported).toEqual([null, [task], null]);
	});

	it('a task deleted from page 1 mid-walk is no event, and shifts nothing into loss', async () => {
		// The updated trigger polls first: the deletion and the edit happen during its walk.
		const triggers = await activate('updated', 'created', 'closed', 'reopened');
		const deleted = at(5);
		const shifted = at(PAGE);
		let first = true;
		for (const trigger of Object.values(triggers)) {
			const reported = await pollThrice(trigger, () => {
				if (!first) return;
				first = false;
				portal.delete(deleted);
				portal.edit(shifted, { title: 'Edited while the poll paged' });
			});
			expect(reported).toEqual(
				trigger === triggers.updated ? [null, [shifted], null] : [null, null, null],
			);
		}
		// Gone from the snapshot once a walk read the scope in full.
		expect(triggers.updated.state?.ids).not.toContain(String(deleted));
	});

	it('a close on page 1 and a creation on page 2 mid-walk: the total matches, yet a task was missed; it is not reported as changed', async () => {
		const { updated, created } = await activate('updated', 'created');
		const closed = at(100);
		const missed = at(PAGE);
		let newTask = 0;
		let hooked = false;
		const page2 = portal.listCount + 1;
		portal.beforeList = (index) => {
			if (index !== page2 || hooked) return;
			hooked = true;
			portal.tick(1);
			[newTask] = portal.create({ title: 'Created mid-walk', deadline: '2026-06-30T00:00:00Z' });
			portal.close(closed);
			expect(portal.listOrder().indexOf(newTask)).toBeGreaterThanOrEqual(PAGE);
			expect(at(PAGE - 1)).toBe(missed);
		};
		// Only the creation is news, and it was read; the missed task never changed.
		const reported: Array<unknown[] | null> = [];
		for (let poll = 0; poll < 3; poll++) reported.push(idsOf(await updated.poll()));
		expect(reported).toEqual([null, null, null]);
		expect(idsOf(await created.poll())).toEqual([newTask]);
	});

	it('a task created between polls and missed by the walk is still reported created, not updated', async () => {
		const { created, updated } = await activate('created', 'updated');
		portal.tick(60);
		// Task A sorts exactly at the start of page 2; B, a second newer, at the end of the open part.
		const neighbour = portal.sandbox.getTask(at(PAGE - 1))!;
		const [a] = portal.create({
			title: `${neighbour.title} zz`,
			deadline: String(neighbour.deadLine),
		});
		portal.tick(1);
		const [b] = portal.create({ title: 'B', deadline: '2026-06-30T00:00:00Z' });
		expect(portal.listOrder().indexOf(a)).toBe(PAGE);
		const closed = at(100);
		let closedOnce = false;
		const reported = await pollThrice(created, () => {
			closedOnce = true;
			portal.close(closed);
			expect(at(PAGE - 1)).toBe(a);
		});
		expect(closedOnce).toBe(true);
		expect(reported).toEqual([[b], [a], null]);
		// The updated trigger, polled after all this in one go, sees one close and nothing updated.
		expect(await updated.poll()).toBeNull();
	});

	it('a first poll whose walk came short stores nothing; the next builds the snapshot, and the missed task is never reported', async () => {
		const trigger = portal.activate('updated', {}, await portal.signedIn());
		const missed = at(PAGE);
		const states: Array<IDataObject | undefined> = [];
		let listed = 0;
		portal.beforeList = () => {
			if (listed++ === 1) portal.close(at(100));
		};
		for (let poll = 0; poll < 3; poll++) {
			expect(await trigger.poll()).toBeNull();
			states.push(trigger.state);
		}
		expect(states[0] ?? {}).toEqual({});
		expect(states[1]?.ids).toBe('1201..2400');
		expect(states[2]).toEqual(states[1]);
		expect(missed).toBeDefined();
	});
});
