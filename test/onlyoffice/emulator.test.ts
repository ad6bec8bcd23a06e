/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not shipped: a local proxy */
/**
 * The node against the ONLYOFFICE emulator (test/sandbox/onlyoffice.ts), which answers XML unless
 * asked for JSON, wraps every answer in its envelope, rebuilds a task on PUT from what it is sent
 * (wiping every field left out), throttles with 503 and Retry-After, and expires tokens.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OWNER_ID } from '../sandbox/onlyoffice/seed';
import { EMULATOR_NOW, useEmulator } from './emulatorHarness';
import { MIKE, NINA } from './recordHelpers';
import { picked, runOnlyoffice } from './runOnlyoffice';
import { recordWaits } from '../helpers/waits';

describe('ONLYOFFICE › node against the emulator', () => {
	// Waits between attempts are recorded, not slept.
	const waits = recordWaits();
	const emulator = useEmulator();
	const run = (resource: 'task' | 'taskCategory', operation: string, parameters: INodeParameters) =>
		runOnlyoffice(resource, operation, parameters, { credentials: emulator.credentials });
	const categoryOf = (id: number) =>
		(emulator.sandbox.snapshot().categories as IDataObject[]).find(
			(category) => category.id === id,
		);

	it('gets JSON for every operation because the node asks for it, never a .json path', async () => {
		const outcomes = [
			await run('task', 'list', { limit: 3 }),
			await run('task', 'find', { filters: { responsibleid: picked(MIKE) }, returnAll: true }),
			await run('task', 'range', { deadlineRange: { fromDate: '2026-11-21' }, limit: 2 }),
			await run('task', 'get', { recordId: picked('1201') }),
			await run('task', 'create', {
				title: 'Plan the kickoff',
				deadline: '2026-12-01T09:00:00',
				responsibleId: picked(NINA),
				categoryId: picked('33'),
				additionalFields: { alertValue: 30 },
			}),
			await run('task', 'update', { recordId: picked('1213'), updateFields: { title: 'Kickoff' } }),
			await run('task', 'runCommand', { recordId: picked('1213'), command: 'close' }),
			await run('task', 'runCommand', { recordId: picked('1213'), command: 'reopen' }),
			await run('task', 'delete', { recordId: picked('1213') }),
			await run('taskCategory', 'list', { returnAll: true }),
			await run('taskCategory', 'get', { recordId: picked('31') }),
			await run('taskCategory', 'create', { title: 'Visit', additionalFields: {} }),
			await run('taskCategory', 'update', {
				recordId: picked('35'),
				updateFields: { description: 'On site' },
			}),
			await run('taskCategory', 'delete', {
				recordId: picked('35'),
				newcategoryid: picked('31'),
			}),
		];

		expect(outcomes.map((outcome) => outcome.error?.message)).toEqual(
			outcomes.map(() => undefined),
		);
		const [list, find, range, get, create, update, close, reopen, remove] = outcomes;
		// Open tasks by deadline: yesterday 09:00, today 17:00, tomorrow 10:00 (portal time).
		expect(list.json.map((task) => task.id)).toEqual([1204, 1212, 1201]);
		expect(find.json.map((task) => task.id)).toEqual([1212, 1202, 1206, 1207]);
		expect(range.json.map((task) => task.id)).toEqual([1201, 1202]);
		expect(get.json).toEqual([emulator.sandbox.listTasks()[0]]);
		expect(create.json).toMatchObject([
			{
				id: 1213,
				title: 'Plan the kickoff',
				deadLine: '2026-12-01T17:00:00.0000000+03:00', // 09:00 in New York
				alertValue: 30,
				responsible: { id: NINA },
				category: { id: 33 },
			},
		]);
		expect(update.json).toMatchObject([{ id: 1213, title: 'Kickoff', alertValue: 30 }]);
		expect(close.json).toMatchObject([{ id: 1213, isClosed: true }]);
		expect(reopen.json[0].isClosed).toBeUndefined();
		expect(remove.json).toEqual([{ id: 1213, deleted: true }]);
		expect(emulator.sandbox.getTask(1213)).toBeUndefined();
		const [categoryList, categoryGet, categoryCreate, categoryUpdate, categoryDelete] =
			outcomes.slice(9);
		expect(categoryList.json.map((category) => category.title)).toEqual([
			'Call',
			'Email',
			'Meeting',
			'Follow up',
		]);
		expect(categoryGet.json).toMatchObject([{ id: 31, title: 'Call' }]);
		expect(categoryCreate.json).toMatchObject([{ id: 35, title: 'Visit' }]);
		expect(categoryUpdate.json).toMatchObject([{ id: 35, title: 'Visit', description: 'On site' }]);
		expect(categoryDelete.json).toEqual([{ id: 35, deleted: true }]);

		const requests = emulator.requests();
		expect(requests.length).toBeGreaterThan(20);
		expect(requests.filter(({ format }) => format !== 'json')).toEqual([]);
		expect(requests.filter(({ url }) => /\.json(\?|$)/.test(url))).toEqual([]);
	});

	it('fails clearly, instead of outputting XML or no tasks, behind a proxy that drops Accept', async () => {
		// A proxy in front of the emulator that forwards every API request without its Accept
		// header (sign-in aside, so that the node gets a token).
		const proxy = createServer((req, res) => {
			const headers = { ...req.headers };
			if (!req.url?.endsWith('/authentication')) delete headers.accept;
			const upstream = request(
				{
					host: '127.0.0.1',
					port: emulator.server.port,
					path: req.url,
					method: req.method,
					headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			req.pipe(upstream);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		const { port } = proxy.address() as AddressInfo;
		const viaProxy = {
			onlyofficeWorkspaceApi: {
				...emulator.credentials.onlyofficeWorkspaceApi,
				portalUrl: `http://127.0.0.1:${port}`,
			},
		};
		try {
			const got = await runOnlyoffice(
				'task',
				'get',
				{ recordId: picked('1201') },
				{ credentials: viaProxy },
			);
			const listed = await runOnlyoffice(
				'task',
				'list',
				{ returnAll: true },
				{ credentials: viaProxy },
			);

			for (const outcome of [got, listed]) {
				expect(outcome.error?.message).toBe('ONLYOFFICE answered with something other than JSON');
				expect(outcome.error?.description).toMatch(
					/^The node asks for JSON \(Accept: application\/json\); a proxy between n8n and the portal may drop that header\. The answer began: /,
				);
				expect(outcome.json).toEqual([]);
			}
			expect(
				emulator.requests().map(({ method, url, format }) => `${method} ${url} ${format}`),
			).toEqual([
				// An unreadable answer is retried (4 attempts) before the error.
				'POST /authentication json',
				...Array(4).fill('GET /crm/task/1201 xml'),
				'POST /authentication json',
				...Array(4).fill(
					'GET /crm/task/filter?sortBy=deadLine&sortOrder=ascending&startIndex=0&count=500 xml',
				),
			]);
		} finally {
			await new Promise((resolve) => proxy.close(resolve));
		}
	});

	describe('update keeps every field it does not change (the emulator wipes what a PUT leaves out)', () => {
		it('changes only the title of a task with contact, linked opportunity, reminder and description', async () => {
			const before = emulator.sandbox.getTask(1201)!;
			expect(before).toMatchObject({
				description: 'Confirm the seat count.',
				alertValue: 15,
				contact: { id: 302 },
				entity: { entityType: 'opportunity', entityId: 402 },
				responsible: { id: OWNER_ID },
				category: { id: 31 },
			});

			const updated = await run('task', 'update', {
				recordId: picked('1201'),
				updateFields: { title: 'Call Kim: seats' },
			});

			const after = emulator.sandbox.getTask(1201)!;
			expect(updated.error).toBeUndefined();
			expect(after).toEqual({ ...before, title: 'Call Kim: seats' });
			expect(updated.json).toEqual([after]);
			const sent = emulator.requests().filter(({ url }) => url !== '/authentication');
			expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
				'GET /crm/task/1201',
				'PUT /crm/task/1201',
				'GET /crm/task/1201',
			]);
		});

		it('changes only the responsible of a case task, keeping its deadline to the second', async () => {
			const before = emulator.sandbox.getTask(1204)!;

			const updated = await run('task', 'update', {
				recordId: picked('1204'),
				updateFields: { responsibleId: picked(MIKE, 'list') },
			});

			const after = emulator.sandbox.getTask(1204)!;
			expect(updated.error).toBeUndefined();
			expect(after).toEqual({
				...before,
				responsible: {
					id: MIKE,
					displayName: 'Mike Zanyatski',
					title: 'Manager',
					avatarSmall: '/skins/default/images/default_user_photo_size_32-32.png',
					profileUrl: '/Products/People/Profile.aspx?user=mike.zanyatski',
				},
			});
		});

		it('is needed: the same PUT with only the title wipes what the node keeps', async () => {
			const before = emulator.sandbox.getTask(1201)!;
			const signIn = (await (
				await fetch(`${emulator.server.url}/api/2.0/authentication`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
					body: JSON.stringify({
						userName: 'admin@onlyoffice.sandbox.test',
						password: 'sandbox-password',
					}),
				})
			).json()) as { response: { token: string } };

			await fetch(`${emulator.server.url}/api/2.0/crm/task/1201`, {
				method: 'PUT',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					Authorization: signIn.response.token,
				},
				body: JSON.stringify({ title: 'x', deadline: '2026-12-01', categoryId: 31 }),
			});

			const after = emulator.sandbox.getTask(1201)!;
			expect(before.description).toBe('Confirm the seat count.');
			expect(after.description).toBeUndefined();
			expect(after.contact).toBeUndefined();
			expect(after.entity).toBeUndefined();
			expect(after.alertValue).toBeUndefined();
		});

		it('changes only the title of a category, keeping its description, icon and position', async () => {
			await run('taskCategory', 'update', {
				recordId: picked('33'),
				updateFields: { description: 'Face to face' },
			});
			const before = categoryOf(33)!;
			expect(before).toMatchObject({
				description: 'Face to face',
				sortOrder: 2,
				imagePath: '/Products/CRM/App_Themes/default/images/task_category_meeting.png',
			});

			const updated = await run('taskCategory', 'update', {
				recordId: picked('33'),
				updateFields: { title: 'Meetings' },
			});

			const after = categoryOf(33)!;
			expect(updated.error).toBeUndefined();
			expect(after).toEqual({ ...before, title: 'Meetings' });
			expect(updated.json).toEqual([after]);
		});
	});

	it('moves the tasks of a deleted category to the one named', async () => {
		const calls = emulator.sandbox
			.listTasks()
			.filter((task) => (task.category as IDataObject).id === 31)
			.map((task) => task.id);

		const removed = await run('taskCategory', 'delete', {
			recordId: picked('31'),
			newcategoryid: picked('34'),
		});

		expect(removed.json).toEqual([{ id: 31, deleted: true }]);
		expect(calls).toEqual([1201, 1206, 1210]);
		for (const id of calls) {
			expect(emulator.sandbox.getTask(id)!.category).toMatchObject({ id: 34 });
		}
	});

	it("refuses a delete without a successor the way ONLYOFFICE does, with the server's message", async () => {
		const removed = await run('taskCategory', 'delete', {
			recordId: picked('31'),
			newcategoryid: picked('31'),
		});

		expect(removed.error?.message).toBe('Value does not fall within the expected range.');
		expect(categoryOf(31)).toBeDefined();
	});

	it('waits out 503 throttling as Retry-After says, then succeeds', async () => {
		emulator.sandbox.throttleNext(2, 1);

		const got = await run('task', 'get', { recordId: picked('1201') });

		expect(got.error).toBeUndefined();
		expect(got.json).toEqual([emulator.sandbox.getTask(1201)]);
		expect(waits).toEqual([1_000, 1_000]);
		// The sign-in is throttled too, and waited out the same way.
		expect(emulator.requests().map(({ url, status }) => `${status} ${url}`)).toEqual([
			'503 /authentication',
			'503 /authentication',
			'201 /authentication',
			'200 /crm/task/1201',
		]);
	});

	it('signs in again when the token has expired, and repeats the request', async () => {
		const first = await run('task', 'get', { recordId: picked('1201') });
		emulator.sandbox.expireTokens();
		emulator.clear();

		const second = await runOnlyoffice(
			'task',
			'get',
			{ recordId: picked('1201') },
			{ credentials: first.storedCredentials },
		);

		expect(second.error).toBeUndefined();
		expect(second.json).toEqual(first.json);
		// The first 401 comes back as an answer; the transport sends the request once more in the
		// form on which n8n signs in again (nodes/shared/transport/request.ts, sendOnce).
		expect(emulator.requests().map(({ url, status }) => `${status} ${url}`)).toEqual([
			'401 /crm/task/1201',
			'401 /crm/task/1201',
			'201 /authentication',
			'200 /crm/task/1201',
		]);
	});

	it('runs at the emulator clock it was given', () => {
		expect(emulator.sandbox.now()).toEqual(EMULATOR_NOW);
	});
});
