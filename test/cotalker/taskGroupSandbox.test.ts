/**
 * Task groups against the Cotalker emulator: List with each filter, bound and order as Cotalker
 * applies them, Get, Create then List, and Cotalker's refusals, with the requests it received.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ADMIN_REQUIRED_MESSAGE, GROUP_IDS, TASK_GROUP_IDS } from '../sandbox/cotalker';
import { sandboxCredentials } from './credentials';
import { useEmulator } from './recordHelpers';
import { picked, runCotalker } from './runCotalker';

const NEW_GROUP = '6a1e00000b000000000000aa';

describe('Cotalker › task groups against the emulator', () => {
	const emulator = useEmulator(new Date('2026-11-20T08:00:00Z'));

	const run = (operation: string, parameters: INodeParameters = {}, admin = true) =>
		runCotalker('taskGroup', operation, parameters, {
			credentials: {
				cotalkerApi: { ...sandboxCredentials(emulator.server.url).cotalkerApi, admin },
			},
		});
	const names = (items: IDataObject[]) => items.map((item) => item.collectionName);
	const sent = () =>
		emulator.sandbox.state.requests.map(({ method, url, status }) => `${method} ${url} ${status}`);

	const at = (date: string) => encodeURIComponent(date);
	it.each<[string, INodeParameters, string[], string]>([
		['no filter (active ones)', {}, ['projects', 'support_tickets'], ''],
		[
			'Active and Inactive',
			{ filters: { isActive: 'all' } },
			['projects', 'support_tickets', 'archive'],
			'isActive=all&',
		],
		['Inactive Only', { filters: { isActive: 'false' } }, ['archive'], 'isActive=false&'],
		[
			'Task Group IDs',
			{
				filters: {
					isActive: 'all',
					ids: `${TASK_GROUP_IDS.archive}, ${TASK_GROUP_IDS.projects}`,
				},
			},
			['projects', 'archive'],
			`isActive=all&ids=${TASK_GROUP_IDS.archive}%2C${TASK_GROUP_IDS.projects}&`,
		],
		[
			'Workflow Group IDs',
			{ filters: { groupIds: GROUP_IDS.support } },
			['support_tickets'],
			`groupIds=${GROUP_IDS.support}&`,
		],
		[
			'Created After',
			{ dateRange: { createdAtGt: '2026-09-21T08:00:00Z' } },
			['support_tickets'],
			`createdAt_gt=${at('2026-09-21T08:00:00.000Z')}&`,
		],
		[
			'Created At or After',
			{ dateRange: { createdAtGte: '2026-09-21T08:00:00Z' } },
			['projects', 'support_tickets'],
			`createdAt_gte=${at('2026-09-21T08:00:00.000Z')}&`,
		],
		[
			'Created Before',
			{ dateRange: { createdAtLt: '2026-10-01T08:00:00Z' } },
			['projects'],
			`createdAt_lt=${at('2026-10-01T08:00:00.000Z')}&`,
		],
		[
			'Created At or Before',
			{ dateRange: { createdAtLte: '2026-10-01T08:00:00Z' } },
			['projects', 'support_tickets'],
			`createdAt_lte=${at('2026-10-01T08:00:00.000Z')}&`,
		],
		[
			'Modified After',
			{ dateRange: { modifiedAtGt: '2026-10-15T00:00:00Z' } },
			['projects'],
			`modifiedAt_gt=${at('2026-10-15T00:00:00.000Z')}&`,
		],
		[
			'Modified At or Before',
			{ dateRange: { modifiedAtLte: '2026-10-01T08:00:00Z' } },
			['support_tickets'],
			`modifiedAt_lte=${at('2026-10-01T08:00:00.000Z')}&`,
		],
		[
			'a range of both dates',
			{
				dateRange: {
					createdAtGte: '2026-09-01T00:00:00Z',
					modifiedAtLt: '2026-10-02T00:00:00Z',
				},
			},
			['support_tickets'],
			`createdAt_gte=${at('2026-09-01T00:00:00.000Z')}&modifiedAt_lt=${at('2026-10-02T00:00:00.000Z')}&`,
		],
	])('lists by %s', async (_, parameters, expected, query) => {
		const result = await run('list', { returnAll: true, ...parameters });

		expect(result.error).toBeUndefined();
		expect(names(result.json)).toEqual(expected);
		expect(sent()).toEqual([
			`GET /api/v2/task-groups?${query}sortBy=createdAt&orderBy=asc&limit=100&page=1&count=true 200`,
		]);
	});

	it.each<[string, string, string[]]>([
		['collectionName', 'asc', ['archive', 'projects', 'support_tickets']],
		['collectionName', 'desc', ['support_tickets', 'projects', 'archive']],
		['createdAt', 'desc', ['archive', 'support_tickets', 'projects']],
		['modifiedAt', 'asc', ['support_tickets', 'archive', 'projects']],
	])('sorts by %s %s', async (sortBy, orderBy, expected) => {
		const result = await run('list', {
			returnAll: true,
			filters: { isActive: 'all' },
			sortBy,
			orderBy,
		});

		expect(names(result.json)).toEqual(expected);
		expect(sent()).toEqual([
			`GET /api/v2/task-groups?isActive=all&sortBy=${sortBy}&orderBy=${orderBy}&limit=100&page=1&count=true 200`,
		]);
	});

	it('pages with a Limit of 1: one group per page, as many pages as asked', async () => {
		const result = await run('list', {
			limit: 1,
			filters: { isActive: 'all' },
			sortBy: 'collectionName',
		});

		expect(names(result.json)).toEqual(['archive']);
		expect(sent()).toEqual([
			'GET /api/v2/task-groups?isActive=all&sortBy=collectionName&orderBy=asc&limit=1&page=1&count=true 200',
		]);
	});

	it('gets a task group by ID, with the Admin header even when Admin Access is off', async () => {
		const result = await run('get', { recordId: picked(TASK_GROUP_IDS.support, 'list') }, false);

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([emulator.sandbox.snapshot().taskGroups[1]]);
		expect(sent()).toEqual([`GET /api/v2/task-groups/${TASK_GROUP_IDS.support} 200`]);
	});

	it('is refused by the emulator without the Admin header, which is why Get always sends it', async () => {
		const response = await fetch(
			`${emulator.server.url}/api/v2/task-groups/${TASK_GROUP_IDS.support}`,
			{
				headers: { Authorization: 'Bearer sandbox-cotalker-token' },
			},
		);

		expect(response.status).toBe(403);
		expect(((await response.json()) as IDataObject).message).toBe(ADMIN_REQUIRED_MESSAGE);
	});

	it("fails with Cotalker's message for an unknown task group", async () => {
		const result = await run('get', { recordId: picked('6a1e00000d0000000000abcd') });

		expect(result.error?.message).toBe('Task group not found');
		expect(sent()).toEqual(['GET /api/v2/task-groups/6a1e00000d0000000000abcd 404']);
	});

	it('creates a task group, with the Admin header even when Admin Access is off, and then lists it', async () => {
		const created = await run(
			'create',
			{ group: NEW_GROUP, additionalFields: { defaultView: 'kanban', hideClosedAfterDays: 7 } },
			false,
		);

		expect(created.error).toBeUndefined();
		expect(created.json).toHaveLength(1);
		expect(created.json[0]).toMatchObject({
			group: NEW_GROUP,
			defaultView: 'kanban',
			hideClosedAfterDays: 7,
			isActive: true,
		});
		const listed = await run('list', { returnAll: true, filters: { groupIds: NEW_GROUP } });
		expect(listed.json).toEqual(created.json);
		expect(sent()).toEqual([
			'POST /api/v2/task-groups 200',
			`GET /api/v2/task-groups?groupIds=${NEW_GROUP}&sortBy=createdAt&orderBy=asc&limit=100&page=1&count=true 200`,
		]);
		expect(emulator.sandbox.state.requests[0].body).toEqual({
			group: NEW_GROUP,
			defaultView: 'kanban',
			hideClosedAfterDays: 7,
		});
	});

	it("fails with Cotalker's message when the workflow group already has a task group", async () => {
		const result = await run('create', { group: GROUP_IDS.projects });

		expect(result.error?.message).toBe(`group ${GROUP_IDS.projects} already has a task group`);
		expect(sent()).toEqual(['POST /api/v2/task-groups 409']);
	});

	it('waits out 429 twice, as Retry-After says', async () => {
		emulator.sandbox.throttleNext(2, 0);

		const result = await run('list', { returnAll: true });

		expect(names(result.json)).toEqual(['projects', 'support_tickets']);
		expect(sent().map((line) => line.slice(-3))).toEqual(['429', '429', '200']);
	});
});
