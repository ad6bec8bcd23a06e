import nock from 'nock';

import { NexudusForTrigger } from './nexudusForTrigger';

const ALL_TASKS = { resource: 'coworkerTask', event: 'createdOrUpdated', filters: {} };

describe('Nexudus Trigger › stamps in local time with a fake Z, across a daylight-saving change', () => {
	let serverTime = 0;
	let nexudus: NexudusForTrigger;
	const at = (iso: string) => (serverTime = Date.parse(iso));

	beforeAll(() => nock.enableNetConnect(/^127\.0\.0\.1:\d+$/));
	beforeEach(async () => {
		nexudus = await NexudusForTrigger.start({
			now: () => new Date(serverTime),
			timestampMode: 'localWithFakeZ',
			timeZone: 'Europe/Berlin',
		});
	});
	afterEach(async () => await nexudus.close());

	it('reports a change stamped in the repeated hour, earlier than the change before it', async () => {
		at('2026-10-25T00:40:00Z');
		nexudus.create({ Name: 'Before activation' });
		const trigger = nexudus.activate(ALL_TASKS);
		expect(await trigger.poll()).toBeNull();

		// 02:58 summer time, then the clocks go back at 03:00 to 02:00 winter time.
		at('2026-10-25T00:58:00Z');
		const summer = nexudus.create({ Name: 'Stamped 02:58' });
		expect(await trigger.poll()).toEqual([nexudus.task(summer)]);

		at('2026-10-25T01:05:00Z');
		const winter = nexudus.create({ Name: 'Stamped 02:05, seven minutes after it' });
		expect(nexudus.task(winter).UpdatedOn).toBe('2026-10-25T02:05:00Z');
		expect(await trigger.poll()).toEqual([nexudus.task(winter)]);
		at('2026-10-25T01:06:00Z');
		expect(await trigger.poll()).toBeNull();
	});

	it('reports changes on both sides of the spring gap once', async () => {
		at('2026-03-29T00:50:00Z');
		const trigger = nexudus.activate(ALL_TASKS);
		expect(await trigger.poll()).toBeNull();

		// 01:59 winter time, then the clocks go forward at 02:00 to 03:00 summer time.
		at('2026-03-29T00:59:00Z');
		const winter = nexudus.create({ Name: 'Stamped 01:59' });
		at('2026-03-29T01:01:00Z');
		const summer = nexudus.create({ Name: 'Stamped 03:01' });
		expect(await trigger.poll()).toEqual([nexudus.task(winter), nexudus.task(summer)]);
		expect(await trigger.poll()).toBeNull();
	});
});
