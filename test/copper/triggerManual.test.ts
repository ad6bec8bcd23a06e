import nock from 'nock';

import { runNode } from '../helpers/runNode';
import { TRIGGER } from './credentials';
import { fetchTestEvent, withTriggerState } from '../helpers/fetchTestEvent';
import { CopperForTrigger, newestBody, readBody, triggerParameters } from './trigger-sandbox';

/**
 * "Fetch Test Event": the newest change the event reports, as a full task, with one search of the
 * newest 25, one read of that task by ID, and no change to the state of the active trigger.
 */
describe('Copper Trigger › Fetch Test Event', () => {
	let copper: CopperForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		copper = await CopperForTrigger.start();
	});
	afterEach(async () => {
		await copper.close();
	});

	/** A history where the newest change is a creation, and an older task was really updated. */
	async function history() {
		const [updated, older] = copper.create('Updated later', 'Older');
		copper.tick(60);
		await copper.update(updated, { status: 'Completed' });
		copper.tick(60);
		const [newest] = copper.create('Newest, never updated');
		copper.tick(10);
		return { updated, older, newest };
	}

	it.each([
		['updated', 'updated', 'date_modified'],
		['created', 'newest', 'date_created'],
		['createdOrUpdated', 'newest', 'date_modified'],
	] as const)(
		'returns the newest %s change with one search and one read by ID',
		async (event, which, stream) => {
			const tasks = await history();
			copper.clearRequests();

			const run = await runNode({
				type: TRIGGER,
				parameters: triggerParameters(event),
				credentials: copper.credentials(),
			});

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([copper.emitted(tasks[which])]);
			expect(copper.searches).toEqual([newestBody(stream), readBody([tasks[which]])]);
			expect(copper.requests).toHaveLength(2);
		},
	);

	it('leaves the state of the active trigger alone, and the trigger loses nothing', async () => {
		const tasks = await history();
		const trigger = copper.activate('updated');
		expect(await trigger.poll()).toBeNull();
		copper.tick(10);
		await copper.update(tasks.older, { details: 'Changed after activation' });
		const state = withTriggerState(trigger.state);

		const sample = await fetchTestEvent(
			TRIGGER,
			triggerParameters('updated'),
			copper.credentials(),
			state,
		);

		expect(sample.items).toEqual([copper.emitted(tasks.older)]);
		expect(sample.staticData).toEqual(state);
		expect(await trigger.poll()).toEqual([copper.emitted(tasks.older)]);
	});

	it('returns nothing when the event has no change yet', async () => {
		copper.create('Created, never updated');

		const sample = await fetchTestEvent(
			TRIGGER,
			triggerParameters('updated'),
			copper.credentials(),
		);

		expect(sample).toEqual({ items: null, staticData: {} });
	});
});
