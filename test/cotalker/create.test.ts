/**
 * Create: `POST /api/v1/tasks/{group}/task/create` with the Admin header (even with Admin Access
 * off), the body the user's fields make; the new task output whether Cotalker answers it bare (the
 * docs) or as `{task}` (the SDK's reading).
 */
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, TOKEN, withoutAdmin } from './credentials';
import {
	ANA,
	BOT,
	BRUNO,
	HIGH,
	TASKS_V1,
	badId,
	cotalker,
	failed,
	runTask,
	task,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';

const CREATE = `${TASKS_V1}/create`;

const create = (name: string, additionalFields = {}, options = {}) =>
	runTask('create', { name, additionalFields }, options);

describe('Cotalker › task › create', () => {
	it('sends only the name when nothing else is set, and outputs the bare task', async () => {
		const scope = cotalker()
			.post(CREATE, { name: 'Website redesign' })
			.matchHeader('content-type', 'application/json')
			.reply(200, task);

		const run = await create('Website redesign');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('outputs the task when Cotalker wraps it as {task}', async () => {
		const scope = cotalker().post(CREATE, { name: 'Website redesign' }).reply(200, { task });

		const run = await create('Website redesign');

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends every field: users, dates in the workflow time zone, additional fields, extensions', async () => {
		const body = {
			name: 'Website redesign',
			assignee: ANA,
			editors: [BOT, ANA],
			followers: [BRUNO],
			startDate: '2026-11-03T13:00:00.000Z',
			endDate: '2026-12-15T17:00:00.000Z',
			estimatedTime: 20,
			info: 'New landing page and pricing table.',
			status1: HIGH,
			status5: '6a1e00000e00000000000004',
			extensions: {
				project: { budget: 12000, client: 'Acme', signed: true },
				billing: { code: null },
			},
		};
		const scope = cotalker().post(CREATE, body).reply(200, task);

		const run = await create('Website redesign', {
			assignee: picked(ANA, 'list'),
			editors: `${BOT}, ${ANA}`,
			followers: [BRUNO],
			// No offset: a time in the workflow's time zone (n8n's default, America/New_York: UTC-5).
			startDate: '2026-11-03T08:00:00',
			endDate: '2026-12-15T18:00:00+01:00',
			estimatedTime: 20,
			info: 'New landing page and pricing table.',
			status1: HIGH,
			status5: '6a1e00000e00000000000004',
			extensions: {
				entry: [
					{ group: 'project', key: 'budget', value: 12000 },
					{ group: ' project ', key: 'client', value: 'Acme' },
					{ group: 'project', key: 'signed', value: true },
					{ group: 'billing', key: 'code', value: '' },
				],
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends the Admin header with Admin Access off, as Cotalker requires on writes', async () => {
		const scope = nock(BASE_URL, {
			reqheaders: { authorization: `Bearer ${TOKEN}`, admin: 'true' },
		})
			.post(CREATE, { name: 'Plan' })
			.reply(200, task);

		const run = await create('Plan', {}, { credentials: withoutAdmin });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message when it refuses the task", async () => {
		const scope = cotalker()
			.post(CREATE, { name: 'Plan', assignee: ANA })
			.reply(400, failed(400, 'Bad Request', `assignee: no user with id ${ANA}`));

		const run = await create('Plan', { assignee: picked(ANA) });

		expect(run.error?.message).toBe(`assignee: no user with id ${ANA}`);
		expectExactRequests(scope);
	});

	it.each([
		['an empty name', ' ', {}, 'Invalid value for "Name": This field is required'],
		[
			'a malformed assignee',
			'Plan',
			{ assignee: picked('ana', 'list') },
			badId('Assignee', 'user'),
		],
		[
			'a malformed editor',
			'Plan',
			{ editors: `${ANA}, bruno` },
			'Invalid value for "Editor Names or IDs": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		],
		[
			'a bad start date',
			'Plan',
			{ startDate: 'next monday' },
			'Invalid value for "Start Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'an impossible end date',
			'Plan',
			{ endDate: '2026-02-30' },
			'Invalid value for "End Date": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
		[
			'a status that is not an ObjectId',
			'Plan',
			{ status2: 'high' },
			'Invalid value for "Status 2 Name or ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		],
		[
			'an extension without a collection code',
			'Plan',
			{ extensions: { entry: [{ group: ' ', key: 'budget', value: 1 }] } },
			'Invalid value for "Extensions: Collection Code": This field is required',
		],
		[
			'the same extension field twice',
			'Plan',
			{
				extensions: {
					entry: [
						{ group: 'project', key: 'budget', value: 1 },
						{ group: 'project', key: 'budget', value: 2 },
					],
				},
			},
			'"Extensions" sets project.budget twice (entry 2)',
		],
	])('refuses %s before any request', async (_, name, additionalFields, message) => {
		const run = await create(name, additionalFields);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	it('refuses a malformed task group before any request', async () => {
		const run = await runTask('create', { taskGroup: picked('projects', 'list'), name: 'Plan' });

		expect(run.error?.message).toBe(badId('Task Group', 'task group'));
		expectNoRequests();
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it.each([false, true])(
			'outputs the new task as stored, whether Cotalker wraps it (createWrap %s)',
			async (createWrap) => {
				const { sandbox, credentials } = emulator;
				sandbox.setShape({ createWrap });

				const run = await runTask(
					'create',
					{
						name: 'Plan the offsite',
						additionalFields: {
							assignee: picked(BRUNO),
							followers: ANA,
							endDate: '2026-12-01T09:00:00',
							status1: HIGH,
							extensions: {
								entry: [{ group: 'project_data', key: 'budget', value: 900 }],
							},
						},
					},
					{ credentials },
				);

				expect(run.error).toBeUndefined();
				const stored = sandbox.getTask(run.json[0]._id as string)!;
				expect(run.json).toEqual([stored]);
				expect(stored).toMatchObject({
					name: 'Plan the offsite',
					assignee: BRUNO,
					followers: [ANA],
					endDate: '2026-12-01T14:00:00.000Z',
					status1: HIGH,
					extensions: { project_data: { budget: 900 } },
				});
			},
		);
	});
});
