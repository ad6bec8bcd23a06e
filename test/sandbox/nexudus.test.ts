import nock from 'nock';

import {
	createNexudusSandbox,
	NEXUDUS_ADMIN_EMAIL,
	NEXUDUS_ADMIN_PASSWORD,
	NEXUDUS_THROTTLE_MESSAGE,
	type NexudusSandbox,
	type NexudusSandboxOptions,
	type RunningServer,
} from './nexudus';
import type { ListEnvelope } from './nexudus/query';

const TASKS = '/api/crm/coworkertasks';
const HISTORIES = '/api/crm/crmopportunityhistories';
const BASIC = `Basic ${Buffer.from(`${NEXUDUS_ADMIN_EMAIL}:${NEXUDUS_ADMIN_PASSWORD}`).toString('base64')}`;

type Json = Record<string, unknown>;

interface Harness {
	sandbox: NexudusSandbox;
	server: RunningServer;
	clock: { current: Date };
	call(path: string, init?: RequestInit & { auth?: string | null }): Promise<Response>;
	json<T = Json>(path: string, init?: RequestInit & { auth?: string | null }): Promise<T>;
}

async function startHarness(options: NexudusSandboxOptions = {}): Promise<Harness> {
	const clock = { current: new Date('2026-03-10T08:00:00Z') };
	const sandbox = createNexudusSandbox({ now: () => clock.current, ...options });
	const server = await sandbox.start(0);
	const call = async (path: string, init: RequestInit & { auth?: string | null } = {}) => {
		const { auth = BASIC, ...rest } = init;
		const headers = new Headers(rest.headers);
		if (auth) headers.set('Authorization', auth);
		if (typeof rest.body === 'string' && !headers.has('Content-Type')) {
			headers.set('Content-Type', 'application/json');
		}
		return await fetch(`${server.url}${path}`, { ...rest, headers });
	};
	const json = async <T>(path: string, init?: RequestInit & { auth?: string | null }) =>
		(await (await call(path, init)).json()) as T;
	return { sandbox, server, clock, call, json };
}

const validTask = { BusinessId: 1001, CoworkerId: 2001, Name: 'Call Ada', ResponsibleId: 3002 };

describe('Nexudus sandbox', () => {
	let h: Harness;
	beforeAll(() => {
		// test/helpers/setup.ts disables real connections for nock; the sandbox is loopback-only.
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		h = await startHarness();
	});
	afterEach(async () => {
		await h.server.close();
	});

	const post = (path: string, body: unknown) =>
		h.call(path, { method: 'POST', body: JSON.stringify(body) });
	const put = (path: string, body: unknown) =>
		h.call(path, { method: 'PUT', body: JSON.stringify(body) });
	const tokenRequest = (form: string, contentType = 'application/x-www-form-urlencoded') =>
		h.call('/api/token', {
			method: 'POST',
			body: form,
			headers: { 'Content-Type': contentType },
			auth: null,
		});
	const createTask = async (extra: Json = {}) => {
		const body = (await (await post(TASKS, { ...validTask, ...extra })).json()) as {
			Value: { Id: number };
		};
		return body.Value.Id;
	};

	describe('authentication', () => {
		it('rejects missing and wrong credentials with 401', async () => {
			expect((await h.call(TASKS, { auth: null })).status).toBe(401);
			const wrong = `Basic ${Buffer.from(`${NEXUDUS_ADMIN_EMAIL}:nope`).toString('base64')}`;
			expect((await h.call(TASKS, { auth: wrong })).status).toBe(401);
			expect((await h.call(TASKS, { auth: 'Bearer not-a-token' })).status).toBe(401);
		});

		it('accepts HTTP Basic with the admin email (case-insensitive) and password', async () => {
			const upper = `Basic ${Buffer.from(`ADMIN@SANDBOX.TEST:${NEXUDUS_ADMIN_PASSWORD}`).toString('base64')}`;
			expect((await h.call(TASKS)).status).toBe(200);
			expect((await h.call(TASKS, { auth: upper })).status).toBe(200);
		});

		it('issues bearer tokens for a form-encoded password grant', async () => {
			const form = `grant_type=password&username=${encodeURIComponent(NEXUDUS_ADMIN_EMAIL)}&password=${NEXUDUS_ADMIN_PASSWORD}`;
			const response = await tokenRequest(form);
			expect(response.status).toBe(200);
			const token = (await response.json()) as Json;
			expect(token).toEqual({
				access_token: expect.any(String),
				token_type: 'bearer',
				expires_in: 604799,
				refresh_token: expect.any(String),
			});
			expect((await h.call(TASKS, { auth: `Bearer ${String(token.access_token)}` })).status).toBe(
				200,
			);
		});

		it('answers unsupported_grant_type to a JSON body and invalid_grant to a bad password', async () => {
			const json = await tokenRequest(
				JSON.stringify({
					grant_type: 'password',
					username: NEXUDUS_ADMIN_EMAIL,
					password: NEXUDUS_ADMIN_PASSWORD,
				}),
				'application/json',
			);
			expect(json.status).toBe(400);
			expect(await json.json()).toEqual({ error: 'unsupported_grant_type' });
			const bad = await tokenRequest(
				`grant_type=password&username=${NEXUDUS_ADMIN_EMAIL}&password=x`,
			);
			expect(bad.status).toBe(400);
			expect(((await bad.json()) as Json).error).toBe('invalid_grant');
		});

		it('refreshes tokens once per refresh token', async () => {
			const first = (await (
				await tokenRequest(
					`grant_type=password&username=${NEXUDUS_ADMIN_EMAIL}&password=${NEXUDUS_ADMIN_PASSWORD}`,
				)
			).json()) as Json;
			const refresh = `grant_type=refresh_token&refresh_token=${String(first.refresh_token)}`;
			const second = await tokenRequest(refresh);
			expect(second.status).toBe(200);
			const token = (await second.json()) as Json;
			expect((await h.call(TASKS, { auth: `Bearer ${String(token.access_token)}` })).status).toBe(
				200,
			);
			expect((await tokenRequest(refresh)).status).toBe(400);
		});

		it('expires tokens after tokenLifetimeSeconds on the injected clock', async () => {
			await h.server.close();
			h = await startHarness({ tokenLifetimeSeconds: 60 });
			const token = (await (
				await tokenRequest(
					`grant_type=password&username=${NEXUDUS_ADMIN_EMAIL}&password=${NEXUDUS_ADMIN_PASSWORD}`,
				)
			).json()) as Json;
			expect(token.expires_in).toBe(60);
			const bearer = `Bearer ${String(token.access_token)}`;
			h.clock.current = new Date(h.clock.current.getTime() + 59_000);
			expect((await h.call(TASKS, { auth: bearer })).status).toBe(200);
			h.clock.current = new Date(h.clock.current.getTime() + 2_000);
			expect((await h.call(TASKS, { auth: bearer })).status).toBe(401);
		});
	});

	describe('search', () => {
		it('pages with the list envelope (default size 25)', async () => {
			const first = await h.json<ListEnvelope>(TASKS);
			expect(first).toMatchObject({
				CurrentPage: 1,
				CurrentPageSize: 25,
				CurrentOrderField: 'Id',
				CurrentSortDirection: 1,
				FirstItem: 1,
				LastItem: 25,
				TotalItems: 60,
				TotalPages: 3,
				HasNextPage: true,
				HasPreviousPage: false,
			});
			const last = await h.json<ListEnvelope>(`${TASKS}?page=3&size=25`);
			expect(last.Records).toHaveLength(10);
			expect(last).toMatchObject({
				FirstItem: 51,
				LastItem: 60,
				HasNextPage: false,
				HasPreviousPage: true,
			});
			const ids = new Set<unknown>();
			for (let page = 1; page <= 3; page++) {
				for (const record of (await h.json<ListEnvelope>(`${TASKS}?page=${page}`)).Records)
					ids.add(record.Id);
			}
			expect(ids.size).toBe(60);
		});

		it('clamps size to 1000 and reports it in CurrentPageSize', async () => {
			const page = await h.json<ListEnvelope>(`${TASKS}?size=5000`);
			expect(page.CurrentPageSize).toBe(1000);
			expect(page.Records).toHaveLength(60);
		});

		it('orders by orderBy/orderby with dir 1 or -1', async () => {
			const desc = await h.json<ListEnvelope>(`${TASKS}?orderBy=Name&dir=-1&size=60`);
			const names = desc.Records.map((record) => String(record.Name));
			expect(names).toEqual(
				[...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })),
			);
			expect(desc).toMatchObject({ CurrentOrderField: 'Name', CurrentSortDirection: -1 });
			const lower = await h.json<ListEnvelope>(`${TASKS}?orderby=updatedon&dir=1&size=1`);
			expect(lower.CurrentOrderField).toBe('UpdatedOn');
		});

		it('filters by equality: bools, ids, related names (case-insensitive contains)', async () => {
			const completed = await h.json<ListEnvelope>(`${TASKS}?CoworkerTask_Completed=true&size=100`);
			expect(completed.TotalItems).toBe(20);
			expect(completed.Records.every((record) => record.Completed === true)).toBe(true);
			const ada = await h.json<ListEnvelope>(
				`${TASKS}?CoworkerTask_Coworker_FullName=ADA&size=100`,
			);
			expect(ada.TotalItems).toBeGreaterThan(0);
			expect(ada.Records.every((record) => record.CoworkerFullName === 'Ada Lovelace')).toBe(true);
			const responsible = await h.json<ListEnvelope>(
				`${TASKS}?CoworkerTask_Responsible=3002&size=100`,
			);
			expect(responsible.Records.every((record) => record.ResponsibleId === 3002)).toBe(true);
			const business = await h.json<ListEnvelope>(
				`${TASKS}?CoworkerTask_Business=1003&CoworkerTask_Name=welcome`,
			);
			expect(
				business.Records.every((r) => r.BusinessId === 1003 && /welcome/i.test(String(r.Name))),
			).toBe(true);
		});

		it('reports unknown parameters in a header and otherwise ignores them', async () => {
			const response = await h.call(`${TASKS}?CoworkerTask_Nonsense=1&foo=bar`);
			expect(response.headers.get('x-sandbox-ignored-params')).toBe('CoworkerTask_Nonsense,foo');
			expect(((await response.json()) as ListEnvelope).TotalItems).toBe(60);
		});

		it('applies inclusive minute-precision range filters', async () => {
			h.clock.current = new Date('2027-01-01T12:30:45Z');
			const id = await createTask();
			const query = (from: string, to: string) =>
				h.json<ListEnvelope>(
					`${TASKS}?from_CoworkerTask_CreatedOn=${from}&to_CoworkerTask_CreatedOn=${to}`,
				);
			expect(
				(await query('2027-01-01T12:30', '2027-01-01T12:30')).Records.map((r) => r.Id),
			).toEqual([id]);
			expect((await query('2027-01-01T12:31', '2027-01-01T13:00')).TotalItems).toBe(0);
			expect((await query('2027-01-01T12:00', '2027-01-01T12:29')).TotalItems).toBe(0);
			const bad = await h.call(`${TASKS}?from_CoworkerTask_UpdatedOn=yesterday`);
			expect(bad.status).toBe(400);
		});

		it('applies range filters to numbers', async () => {
			const page = await h.json<ListEnvelope>(
				`${TASKS}?from_CoworkerTask_Id=87654010&to_CoworkerTask_Id=87654012`,
			);
			expect(page.Records.map((record) => record.Id)).toEqual([87654010, 87654011, 87654012]);
		});

		it('returns a bare array for the ids form, raw or URL-encoded', async () => {
			const raw = await h.json<Json[]>(`${TASKS}?id=[87654001,87654002,999]`);
			expect(raw.map((record) => record.Id)).toEqual([87654001, 87654002]);
			const encoded = await h.json<Json[]>(`${TASKS}/?id=${encodeURIComponent('[87654003]')}`);
			expect(encoded.map((record) => record.Id)).toEqual([87654003]);
		});

		it('returns a summary projection in search results and the full record by id', async () => {
			const listed = (await h.json<ListEnvelope>(`${TASKS}?size=1`)).Records[0];
			const full = await h.json<Json>(`${TASKS}/${String(listed.Id)}`);
			expect(listed).not.toHaveProperty('SystemId');
			expect(listed).not.toHaveProperty('Reminded');
			expect(full).toMatchObject({ SystemId: 'ext-task-1', Reminded: true, IsNew: false });
			expect(full).toHaveProperty('BusinessName', 'Sandbox Coworking Berlin');
		});
	});

	describe('get, create, update, delete', () => {
		it('answers 404 "Not found" for an unknown id', async () => {
			const response = await h.call(`${TASKS}/1`);
			expect(response.status).toBe(404);
			expect(await response.json()).toBe('Not found');
		});

		it('validates required fields with the Nexudus error envelope', async () => {
			const response = await post(TASKS, {
				BusinessId: 1001,
				CoworkerId: 2001,
				ResponsibleId: 3002,
			});
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({
				Status: 400,
				Message: 'Name: is a required field',
				Value: null,
				Errors: [{ AttemptedValue: null, Message: 'is a required field', PropertyName: 'Name' }],
				WasSuccessful: false,
			});
			const unknownUser = await post(TASKS, { ...validTask, ResponsibleId: 42 });
			expect(unknownUser.status).toBe(400);
		});

		it('creates a record, stamps it and derives related names', async () => {
			const response = await post(TASKS, { ...validTask, DueDate: '2026-03-12T09:00:00Z' });
			const body = (await response.json()) as { Value: { Id: number } } & Json;
			expect(body).toMatchObject({
				Status: 200,
				WasSuccessful: true,
				Errors: null,
				UpdatedOn: '2026-03-10T08:00:00Z',
				UpdatedBy: NEXUDUS_ADMIN_EMAIL,
			});
			const record = await h.json<Json>(`${TASKS}/${body.Value.Id}`);
			expect(record).toMatchObject({
				Name: 'Call Ada',
				CoworkerFullName: 'Ada Lovelace',
				ResponsibleFullName: 'Olivia Operations',
				BusinessName: 'Sandbox Coworking Berlin',
				CreatedOn: '2026-03-10T08:00:00Z',
				DueDate: '2026-03-12T09:00:00Z',
				DueDateLocal: '2026-03-12T11:00:00',
				Completed: false,
				Notes: null,
				ToStringText: 'Call Ada',
			});
		});

		it('PUT replaces the whole record: fields not sent are cleared', async () => {
			const id = await createTask({
				Notes: 'keep me?',
				NotifyByEmail: true,
				DueDate: '2026-04-01T00:00:00Z',
			});
			h.clock.current = new Date('2026-03-11T09:15:00Z');
			const response = await put(TASKS, { Id: id, ...validTask, Name: 'Renamed' });
			expect(response.status).toBe(200);
			expect(await h.json(`${TASKS}/${id}`)).toMatchObject({
				Name: 'Renamed',
				Notes: null,
				NotifyByEmail: false,
				DueDate: null,
				CreatedOn: '2026-03-10T08:00:00Z',
				UpdatedOn: '2026-03-11T09:15:00Z',
			});
			expect((await put(TASKS, { Id: id, Name: 'x' })).status).toBe(400);
			expect((await put(TASKS, { Id: 123, ...validTask })).status).toBe(404);
		});

		it('deletes with the write envelope, then 404', async () => {
			const id = await createTask();
			const response = await h.call(`${TASKS}/${id}`, { method: 'DELETE' });
			expect(await response.json()).toMatchObject({ Status: 200, WasSuccessful: true });
			expect((await h.call(`${TASKS}/${id}`)).status).toBe(404);
			expect((await h.call(`${TASKS}/${id}`, { method: 'DELETE' })).status).toBe(404);
		});

		it('handles opportunity histories with their own required field and filters', async () => {
			const missing = await post(HISTORIES, { CrmOpportunityId: 5001 });
			expect(((await missing.json()) as Json).Message).toBe(
				'NewCrmBoardColumnId: is a required field',
			);
			const created = await post(HISTORIES, {
				CrmOpportunityId: 5001,
				NewCrmBoardColumnId: 4005,
				OldCrmBoardColumnId: 4004,
			});
			expect(created.status).toBe(200);
			const won = await h.json<{ Records: Json[]; TotalItems: number }>(
				`${HISTORIES}?CrmOpportunityHistory_NewCrmBoardColumn_Name=won&size=100`,
			);
			expect(won.Records.every((record) => record.NewCrmBoardColumnName === 'Won')).toBe(true);
			expect(won.TotalItems).toBeGreaterThan(0);
			const all = await h.json<{ TotalItems: number }>(HISTORIES);
			expect(all.TotalItems).toBe(21);
		});
	});

	describe('commands', () => {
		it('lists command descriptors', async () => {
			const commands = await h.json<Json[]>(`${TASKS}/commands`);
			expect(commands.map((command) => command.Key)).toEqual(
				expect.arrayContaining(['COMPLETE_TASKS', 'REOPEN_TASKS', 'ASSIGN_RESPONSIBLE']),
			);
			expect(commands.find((c) => c.Key === 'ASSIGN_RESPONSIBLE')).toMatchObject({
				RequiresParameters: [{ Name: 'ResponsibleId', Type: 'int' }],
				NeedsEntitiesToRun: true,
			});
		});

		it('runs commands and stamps the records', async () => {
			const id = await createTask();
			h.clock.current = new Date('2026-03-10T10:00:00Z');
			const done = await post(`${TASKS}/runcommand`, {
				Key: 'COMPLETE_TASKS',
				Ids: [id],
				Parameters: [],
			});
			expect(await done.json()).toMatchObject({ Status: 200, WasSuccessful: true });
			expect(await h.json(`${TASKS}/${id}`)).toMatchObject({
				Completed: true,
				UpdatedOn: '2026-03-10T10:00:00Z',
			});
			const assign = await post(`${TASKS}/runcommand`, {
				Key: 'ASSIGN_RESPONSIBLE',
				Ids: [id],
				Parameters: [{ Name: 'ResponsibleId', Value: '3004' }],
			});
			expect(((await assign.json()) as Json).WasSuccessful).toBe(true);
			expect(await h.json(`${TASKS}/${id}`)).toMatchObject({
				ResponsibleFullName: 'Cleo Community',
			});
		});

		it('reports failures as HTTP 200 with WasSuccessful false', async () => {
			const cases = [
				{ Key: 'NO_SUCH_COMMAND', Ids: [87654001] },
				{ Key: 'COMPLETE_TASKS', Ids: [1] },
				{ Key: 'COMPLETE_TASKS', Ids: [] },
				{ Key: 'ASSIGN_RESPONSIBLE', Ids: [87654001], Parameters: [] },
				{
					Key: 'ASSIGN_RESPONSIBLE',
					Ids: [87654001],
					Parameters: [{ Name: 'ResponsibleId', Value: 1 }],
				},
			];
			for (const body of cases) {
				const response = await post(`${TASKS}/runcommand`, body);
				expect(response.status).toBe(200);
				expect(await response.json()).toMatchObject({
					WasSuccessful: false,
					Message: expect.any(String),
				});
			}
		});
	});

	describe('seeding in bulk', () => {
		const FIRST_ID = 87654001;
		const SEEDED = 60;
		const control = async (path: string, body?: unknown) =>
			await h.json(`/__sandbox/${path}`, {
				method: 'POST',
				auth: null,
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
			});

		it('generates tasks after the seeded ones, with varied fields and distinct update times', () => {
			const ids = h.sandbox.generateTasks(250);
			expect(ids).toEqual(Array.from({ length: 250 }, (_, index) => FIRST_ID + SEEDED + index));
			expect(h.sandbox.taskCount()).toBe(SEEDED + 250);
			const tasks = ids.map((id) => h.sandbox.getRecord('CoworkerTask', id)!);
			expect(new Set(tasks.map((task) => task.UpdatedOn)).size).toBe(250);
			expect(new Set(tasks.map((task) => task.Name)).size).toBe(250);
			expect(new Set(tasks.map((task) => task.CoworkerId)).size).toBe(8);
			expect(new Set(tasks.map((task) => task.ResponsibleId)).size).toBe(4);
			expect(new Set(tasks.map((task) => task.Completed))).toEqual(new Set([true, false]));
			expect(tasks.filter((task) => task.DueDate === null)).toHaveLength(50);
			// Created two seconds apart up to now; every 4th updated a second later.
			expect([tasks[249].CreatedOn, tasks[249].UpdatedOn]).toEqual([
				'2026-03-10T07:59:58Z',
				'2026-03-10T07:59:58Z',
			]);
			expect([tasks[248].CreatedOn, tasks[248].UpdatedOn]).toEqual([
				'2026-03-10T07:59:56Z',
				'2026-03-10T07:59:57Z',
			]);
		});

		it('seeds generated tasks over HTTP, then pages through them', async () => {
			const seeded = await control('seed?count=1200');
			expect(seeded).toEqual({
				ok: true,
				ids: Array.from({ length: 1200 }, (_, index) => FIRST_ID + SEEDED + index),
				tasks: SEEDED + 1200,
			});
			const page = await h.json<ListEnvelope>(`${TASKS}?page=2&size=1000`);
			expect([page.TotalItems, page.TotalPages, page.Records.length]).toEqual([1260, 2, 260]);
			expect(page.Records.at(-1)?.Id).toBe(FIRST_ID + 1259);
		});

		it('seeds tasks from create bodies, or says which body it could not create', async () => {
			expect(await control('seed', { tasks: [validTask] })).toEqual({
				ok: true,
				ids: [FIRST_ID + SEEDED],
				tasks: SEEDED + 1,
			});
			expect(h.sandbox.getRecord('CoworkerTask', FIRST_ID + SEEDED)).toMatchObject(validTask);
			const refused = await h.call('/__sandbox/seed', {
				method: 'POST',
				auth: null,
				body: JSON.stringify({ tasks: [{ Name: 'No business' }] }),
			});
			expect(refused.status).toBe(422);
			expect(h.sandbox.taskCount()).toBe(SEEDED + 1);
		});
	});

	describe('throttling', () => {
		it('answers 409 with Retry-After for the next N requests', async () => {
			h.sandbox.throttleNext(2, 3);
			for (let i = 0; i < 2; i++) {
				const response = await h.call(TASKS);
				expect(response.status).toBe(409);
				expect(response.headers.get('retry-after')).toBe('3');
				expect(await response.text()).toBe(NEXUDUS_THROTTLE_MESSAGE);
			}
			expect((await h.call(TASKS)).status).toBe(200);
		});

		it('is controllable over HTTP, including a rate limit', async () => {
			await h.call('/__sandbox/throttle?count=1&retryAfter=7', { method: 'POST', auth: null });
			const throttled = await h.call(TASKS);
			expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([409, '7']);
			await h.call('/__sandbox/throttle?rate=2&windowSeconds=60', { method: 'POST', auth: null });
			expect((await h.call(TASKS)).status).toBe(200);
			expect((await h.call(TASKS)).status).toBe(200);
			expect((await h.call(TASKS)).status).toBe(409);
			h.clock.current = new Date(h.clock.current.getTime() + 61_000);
			expect((await h.call(TASKS)).status).toBe(200);
		});
	});

	describe('rate limit option', () => {
		it('computes Retry-After from the window', async () => {
			await h.server.close();
			h = await startHarness({ rateLimit: { limit: 1, windowSeconds: 10 } });
			expect((await h.call(TASKS)).status).toBe(200);
			h.clock.current = new Date(h.clock.current.getTime() + 4_000);
			const throttled = await h.call(TASKS);
			expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([409, '6']);
		});
	});

	describe('timestamp modes', () => {
		it('stamps UTC in utc mode', async () => {
			const id = await createTask();
			expect((await h.json<Json>(`${TASKS}/${id}`)).UpdatedOn).toBe('2026-03-10T08:00:00Z');
		});

		it('stamps local wall-clock with a fake Z and filters in the same clock', async () => {
			await h.server.close();
			h = await startHarness({ timestampMode: 'localWithFakeZ', localUtcOffsetMinutes: 120 });
			const id = await createTask({ DueDate: '2026-03-12T09:00:00Z' });
			const record = await h.json<Json>(`${TASKS}/${id}`);
			expect(record).toMatchObject({
				CreatedOn: '2026-03-10T10:00:00Z',
				UpdatedOn: '2026-03-10T10:00:00Z',
				DueDate: '2026-03-12T09:00:00Z',
				DueDateLocal: '2026-03-12T11:00:00',
			});
			const local = await h.json<{ Records: Json[] }>(
				`${TASKS}?from_CoworkerTask_UpdatedOn=2026-03-10T10:00`,
			);
			expect(local.Records.map((r) => r.Id)).toEqual([id]);
			const utcWindow = await h.json<{ TotalItems: number }>(
				`${TASKS}?from_CoworkerTask_UpdatedOn=2026-03-10T08:00&to_CoworkerTask_UpdatedOn=2026-03-10T09:59`,
			);
			expect(utcWindow.TotalItems).toBe(0);
		});

		it('can switch mode through /__sandbox/reset', async () => {
			await h.call('/__sandbox/reset?timestampMode=localWithFakeZ&localUtcOffsetMinutes=-300', {
				method: 'POST',
				auth: null,
			});
			const id = await createTask();
			expect((await h.json<Json>(`${TASKS}/${id}`)).CreatedOn).toBe('2026-03-10T03:00:00Z');
			const state = await h.json<{ coworkerTasks: Json[] }>('/__sandbox/state', { auth: null });
			expect(state.coworkerTasks).toHaveLength(61);
		});
	});
});
