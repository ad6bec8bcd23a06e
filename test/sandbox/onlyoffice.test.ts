import nock from 'nock';

import {
	ARGUMENT_MESSAGE,
	CATEGORY_NOT_FOUND_MESSAGE,
	createOnlyofficeSandbox,
	NOT_FOUND_MESSAGE,
	ONLYOFFICE_PASSWORD,
	ONLYOFFICE_SECOND_PASSWORD,
	ONLYOFFICE_SECOND_USER_NAME,
	ONLYOFFICE_USER_NAME,
	type OnlyofficeSandbox,
	type OnlyofficeSandboxOptions,
	parseApiDate,
	type RunningServer,
	SIGN_IN_FAILED_MESSAGE,
	SORT_FIELDS,
	THROTTLE_MESSAGE,
	UNAUTHORIZED_MESSAGE,
} from './onlyoffice';

const API = '/api/2.0';
/** 11:00 on 2026-03-10 in the portal's default +03:00. */
const START = new Date('2026-03-10T08:00:00Z');
const OLGA = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101';
const MIKE = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a102';
const NINA = '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a103';
const AVATAR = '/skins/default/images/default_user_photo_size_32-32.png';
/** The seeded tasks in the default order: open by deadline, then closed by deadline. */
const DEFAULT_ORDER = [1204, 1212, 1201, 1202, 1206, 1207, 1203, 1209, 1211, 1205, 1210, 1208];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in tests
type Json = Record<string, any>;

interface CallInit {
	method?: string;
	json?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
	/** Leave out `Accept: application/json` (the portal then answers XML). */
	xml?: boolean;
	token?: string | null;
}

interface Harness {
	sandbox: OnlyofficeSandbox;
	server: RunningServer;
	clock: { current: Date };
	token: string;
	raw(path: string, init?: CallInit): Promise<Response>;
	call(path: string, init?: CallInit): Promise<{ res: Response; body: Json }>;
	signIn(userName?: string, password?: string): Promise<{ res: Response; body: Json }>;
	control(path: string, body?: unknown, method?: string): Promise<Json>;
}

async function startHarness(options: OnlyofficeSandboxOptions = {}): Promise<Harness> {
	const clock = { current: new Date(START) };
	const sandbox = createOnlyofficeSandbox({ now: () => clock.current, ...options });
	const server = await sandbox.start(0);
	const h: Harness = {
		sandbox,
		server,
		clock,
		token: '',
		async raw(path, init = {}) {
			const headers: Record<string, string> = {
				...(init.xml ? {} : { Accept: 'application/json' }),
			};
			const token = init.token === undefined ? h.token : init.token;
			if (token !== null) headers.Authorization = token;
			let body: string | undefined;
			if (init.json !== undefined) {
				headers['Content-Type'] = 'application/json';
				body = JSON.stringify(init.json);
			} else if (init.form) {
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
				body = new URLSearchParams(init.form).toString();
			}
			return await fetch(`${server.url}${API}${path}`, {
				method: init.method ?? 'GET',
				headers: { ...headers, ...init.headers },
				body,
			});
		},
		async call(path, init = {}) {
			const res = await h.raw(path, init);
			return { res, body: (await res.json()) as Json };
		},
		async signIn(userName = ONLYOFFICE_USER_NAME, password = ONLYOFFICE_PASSWORD) {
			const result = await h.call('/authentication', {
				method: 'POST',
				json: { userName, password },
				token: null,
			});
			if (result.res.status === 201) h.token = result.body.response.token;
			return result;
		},
		async control(path, body, method = 'POST') {
			const res = await fetch(`${server.url}/__sandbox/${path}`, {
				method,
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return (await res.json()) as Json;
		},
	};
	await h.signIn();
	return h;
}

const employee = (id: string, displayName: string, title: string, userName: string) => ({
	id,
	displayName,
	title,
	avatarSmall: AVATAR,
	profileUrl: `/Products/People/Profile.aspx?user=${userName}`,
});
const OLGA_WRAPPER = employee(OLGA, 'Olga Orlova', 'Administrator', 'olga.orlova');
const MIKE_WRAPPER = employee(MIKE, 'Mike Zanyatski', 'Manager', 'mike.zanyatski');

describe('ONLYOFFICE sandbox', () => {
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

	const ids = (body: Json) => (body.response as Json[]).map((task) => task.id as number);
	const filter = async (query: string) => await h.call(`/crm/task/filter?${query}`);
	const create = async (json: Json) => await h.call('/crm/task', { method: 'POST', json });

	describe('authentication', () => {
		it('signs in with a JSON body: 201 and the envelope with {token, expires}', async () => {
			const { res, body } = await h.signIn();
			expect(res.status).toBe(201);
			expect(Object.keys(body)).toEqual(['count', 'status', 'statusCode', 'response']);
			expect(body).toEqual({
				count: 1,
				status: 0,
				statusCode: 201,
				response: { token: expect.any(String), expires: '2026-04-09T11:00:00.0000000+03:00' },
			});
			expect(body.response.token).toMatch(/^\S{20,}$/);
		});

		it('signs in with a form body, the `.json` suffix and the DocSpace casing UserName/Password', async () => {
			const res = await h.raw('/authentication.json', {
				method: 'POST',
				form: { UserName: ONLYOFFICE_USER_NAME.toUpperCase(), Password: ONLYOFFICE_PASSWORD },
				token: null,
				xml: true,
			});
			expect(res.status).toBe(201);
			expect(res.headers.get('content-type')).toContain('application/json');
			const body = (await res.json()) as Json;
			const me = await h.call('/people/@self', { token: body.response.token });
			expect(me.body.response).toMatchObject({ id: OLGA, email: ONLYOFFICE_USER_NAME });
		});

		it.each([
			['a wrong password', { userName: ONLYOFFICE_USER_NAME, password: 'nope' }],
			['an unknown user', { userName: 'who@example.test', password: ONLYOFFICE_PASSWORD }],
			['no credentials', {}],
		])('refuses %s with 401 and the error envelope, counting the failure', async (_label, json) => {
			const { res, body } = await h.call('/authentication', { method: 'POST', json, token: null });
			expect(res.status).toBe(401);
			expect(body).toEqual({
				status: 1,
				statusCode: 401,
				error: { message: SIGN_IN_FAILED_MESSAGE },
			});
			expect((await h.control('state', undefined, 'GET')).failedSignIns).toBe(1);
		});

		it.each([
			['no Authorization header', null],
			['an unknown token', 'not-a-token'],
			['the token with a Bearer scheme (refused, [?])', 'BEARER'],
		])('answers 401 for %s', async (_label, token) => {
			const value = token === 'BEARER' ? `Bearer ${h.token}` : token;
			const { res, body } = await h.call('/crm/task/1201', { token: value });
			expect(res.status).toBe(401);
			expect(body).toEqual({
				status: 1,
				statusCode: 401,
				error: { message: UNAUTHORIZED_MESSAGE },
			});
		});

		it('answers people/@self with the signed-in user, and stamps createBy with them', async () => {
			const self = await h.call('/people/@self');
			expect(self.res.status).toBe(200);
			expect(self.body).toMatchObject({ count: 1, status: 0, statusCode: 200 });
			expect(self.body.response).toMatchObject({
				...OLGA_WRAPPER,
				firstName: 'Olga',
				lastName: 'Orlova',
				userName: 'olga.orlova',
				email: ONLYOFFICE_USER_NAME,
				isAdmin: true,
				isOwner: true,
				workFrom: '2020-01-15T00:00:00.0000000+03:00',
			});
			await h.signIn(ONLYOFFICE_SECOND_USER_NAME, ONLYOFFICE_SECOND_PASSWORD);
			expect((await h.call('/people/@self')).body.response.id).toBe(MIKE);
			const { body } = await create({
				title: 'By Mike',
				deadline: '2026-03-20',
				responsibleId: OLGA,
				categoryId: 31,
			});
			expect(body.response.createBy).toEqual(MIKE_WRAPPER);
		});

		it('expire-tokens makes every token answer 401 until the client signs in again; sign-ins are counted', async () => {
			const old = h.token;
			expect((await h.call('/crm/task/1201')).res.status).toBe(200);
			expect(await h.control('expire-tokens')).toEqual({ ok: true, expired: 1 });
			const refused = await h.call('/crm/task/1201');
			expect(refused.res.status).toBe(401);
			expect(refused.body.error.message).toBe(UNAUTHORIZED_MESSAGE);
			await h.signIn();
			expect(h.token).not.toBe(old);
			expect((await h.call('/crm/task/1201')).res.status).toBe(200);
			expect((await h.call('/crm/task/1201', { token: old })).res.status).toBe(401);
			const state = await h.control('state', undefined, 'GET');
			expect(state).toMatchObject({ signIns: 2, failedSignIns: 0, issuedTokens: 1 });
		});

		it('tokens expire by the sandbox clock after their lifetime (30 days by default)', async () => {
			h.clock.current = new Date(START.getTime() + 30 * 86400_000 - 1000);
			expect((await h.call('/crm/task/1201')).res.status).toBe(200);
			await h.control('clock?advanceSeconds=1');
			expect((await h.call('/crm/task/1201')).res.status).toBe(401);
			await h.control('reset?tokenLifetimeSeconds=60');
			await h.signIn();
			expect((await h.call('/crm/task/1201')).res.status).toBe(200);
			await h.control('clock?advanceSeconds=60');
			expect((await h.call('/crm/task/1201')).res.status).toBe(401);
		});
	});

	describe('XML or JSON', () => {
		it('answers XML when the request does not ask for JSON', async () => {
			const res = await h.raw('/crm/task/1212', { xml: true });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
			const xml = await res.text();
			expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><result><count>1</count>')).toBe(
				true,
			);
			expect(xml).toContain(
				'<status>0</status><statusCode>200</statusCode><response><id>1212</id><createBy><id>' +
					MIKE,
			);
			expect(xml).toContain('<title>Reply to Tadjeddine</title>');
			expect(xml).toContain('<deadLine>2026-03-10T17:00:00.0000000+03:00</deadLine>');
			expect(xml).toContain('<accessList></accessList>');
			expect(xml).toMatch(/<\/response><\/result>$/);
		});

		it('names list items in XML and escapes text', async () => {
			await create({
				title: 'Fish & <chips>',
				deadline: '2026-03-11',
				categoryId: 31,
				responsibleId: OLGA,
			});
			const xml = await (await h.raw('/crm/task/filter?filterValue=fish', { xml: true })).text();
			expect(xml).toContain('<count>1</count><total>1</total><status>0</status>');
			expect(xml).toContain('<response><task><id>1213</id>');
			expect(xml).toContain('<title>Fish &amp; &lt;chips&gt;</title>');
		});

		it('answers JSON for Accept: application/json or a `.json` suffix; `.xml` wins over Accept', async () => {
			const viaSuffix = await h.raw('/crm/task/1201.json', { xml: true });
			expect(viaSuffix.headers.get('content-type')).toContain('application/json');
			expect(((await viaSuffix.json()) as Json).response.id).toBe(1201);
			const viaAccept = await h.raw('/crm/task/1201', {
				headers: { Accept: 'application/json, text/plain, */*' },
			});
			expect(((await viaAccept.json()) as Json).response.id).toBe(1201);
			const forcedXml = await h.raw('/crm/task/filter.xml?count=1');
			expect(forcedXml.headers.get('content-type')).toContain('text/xml');
		});

		it('renders errors in XML as well', async () => {
			const res = await h.raw('/crm/task/999', { xml: true });
			expect(res.status).toBe(404);
			expect(await res.text()).toBe(
				'<?xml version="1.0" encoding="utf-8"?><result><status>1</status><statusCode>404</statusCode>' +
					`<error><message>${NOT_FOUND_MESSAGE}</message></error></result>`,
			);
		});
	});

	describe('reading tasks', () => {
		it('reads a task in the TaskWrapper shape, members in order, with the portal offset', async () => {
			const { res, body } = await h.call('/crm/task/1201');
			expect(res.status).toBe(200);
			expect(body).toEqual({
				count: 1,
				status: 0,
				statusCode: 200,
				response: {
					id: 1201,
					createBy: OLGA_WRAPPER,
					created: '2026-02-28T11:00:00.0000000+03:00',
					contact: {
						id: 302,
						email: {
							id: 3021,
							infoType: 1,
							category: 0,
							data: 'kim.tanaka@acme.example',
							categoryName: 'Work',
							isPrimary: true,
						},
						smallFotoUrl:
							'/Products/CRM/HttpHandlers/filehandler.ashx?action=contactphotoulr&cid=302&isc=false&ps=1',
						mediumFotoUrl:
							'/Products/CRM/HttpHandlers/filehandler.ashx?action=contactphotoulr&cid=302&isc=false&ps=2',
						displayName: 'Kim Tanaka',
						isCompany: false,
						accessList: [],
						isPrivate: false,
						isShared: false,
						shareType: 0,
						canEdit: true,
						canDelete: true,
					},
					title: 'Call Kim about the renewal',
					description: 'Confirm the seat count.',
					deadLine: '2026-03-11T10:00:00.0000000+03:00',
					alertValue: 15,
					responsible: OLGA_WRAPPER,
					category: {
						id: 31,
						title: 'Call',
						color: '#e05a3a',
						sortOrder: 0,
						imagePath: '/Products/CRM/App_Themes/default/images/task_category_call.png',
						relativeItemsCount: 3,
					},
					entity: { entityType: 'opportunity', entityId: 402, entityTitle: 'Acme renewal 2027' },
					canEdit: true,
				},
			});
			expect(Object.keys(body.response)).toEqual([
				'id',
				'createBy',
				'created',
				'contact',
				'title',
				'description',
				'deadLine',
				'alertValue',
				'responsible',
				'category',
				'entity',
				'canEdit',
			]);
		});

		it('leaves default members out: no isClosed on an open task, no alertValue 0, no description/contact/entity', async () => {
			const open = (await h.call('/crm/task/1209')).body.response;
			expect(open).not.toHaveProperty('isClosed');
			expect(open).not.toHaveProperty('alertValue');
			expect(open).not.toHaveProperty('description');
			expect(open).not.toHaveProperty('contact');
			expect(open).not.toHaveProperty('entity');
			const closed = (await h.call('/crm/task/1205')).body.response;
			expect(closed).toMatchObject({
				isClosed: true,
				entity: { entityType: 'case', entityId: 502, entityTitle: 'Invoice dispute' },
			});
		});

		it('answers 404 for an unknown task, 404 "Method not found" for an unknown route', async () => {
			const missing = await h.call('/crm/task/999');
			expect(missing.res.status).toBe(404);
			expect(missing.body).toEqual({
				status: 1,
				statusCode: 404,
				error: { message: NOT_FOUND_MESSAGE },
			});
			const route = await h.call('/crm/tasks');
			expect(route.res.status).toBe(404);
			expect(route.body.error.message).toBe('Method not found');
		});

		it('adds type and stack to errors only with errorDetail on', async () => {
			await h.control('reset?errorDetail=true');
			const { body } = await h.call('/crm/task/999');
			expect(body.error).toEqual({
				message: NOT_FOUND_MESSAGE,
				type: 'ASC.Api.Exceptions.ItemNotFoundException',
				stack: expect.any(String),
			});
		});
	});

	describe('task filter', () => {
		it('lists every task by default: open first, then by deadline; total set, no paging members', async () => {
			const { res, body } = await filter('');
			expect(res.status).toBe(200);
			expect(ids(body)).toEqual(DEFAULT_ORDER);
			expect(Object.keys(body)).toEqual(['count', 'total', 'status', 'statusCode', 'response']);
			expect(body).toMatchObject({ count: 12, total: 12 });
			// The list renders the category without relativeItemsCount (TaskCategoryBaseWrapper).
			expect(body.response[0].category).toEqual({
				id: 34,
				title: 'Follow up',
				color: '#ffb400',
				sortOrder: 3,
				imagePath: '/Products/CRM/App_Themes/default/images/task_category_follow_up.png',
			});
		});

		it.each([
			[`responsibleid=${NINA}`, [1204, 1209, 1211, 1205]],
			[`responsibleid=${MIKE.toUpperCase()}`, [1212, 1202, 1206, 1207]],
			['categoryid=31', [1201, 1206, 1210]],
			['isClosed=true', [1205, 1210, 1208]],
			['isClosed=false&categoryid=31', [1201, 1206]],
			['entityType=opportunity&entityid=402', [1201, 1210]],
			['entityType=Case&entityid=501', [1204]],
			// A company matches its own tasks and its people's.
			['entityType=contact&entityid=301', [1201, 1203, 1210]],
			['entityType=contact&entityid=305', [1204, 1208]],
			// contactid is not a parameter of this method: ignored.
			['contactid=305', DEFAULT_ORDER],
			['filterValue=renewal', [1201, 1210]],
			['filterValue=SEAT%20confirm', [1201]],
			['filterValue=volume', [1202]],
			// Deadline window, inclusive; hyphens for colons in the URL form, or ISO.
			['fromDate=2026-03-11T10-00-00.000%2B03-00&toDate=2026-03-13', [1201, 1202]],
			['fromDate=2026-03-11T07:00:00Z&toDate=2026-03-13T08:00:00.000Z', [1201, 1202, 1206]],
			['fromDate=2026-03-17', [1203, 1209, 1211]],
			['toDate=2026-03-08T00-00-00', [1205, 1210, 1208]],
		])('filters %s', async (query, expected) => {
			const { body } = await filter(query);
			expect(ids(body)).toEqual(expected);
			expect(body.total).toBe(expected.length);
		});

		it('answers 400 for an entityType other than contact, opportunity or case', async () => {
			const { res, body } = await filter('entityType=company&entityid=301');
			expect(res.status).toBe(400);
			expect(body).toEqual({ status: 1, statusCode: 400, error: { message: ARGUMENT_MESSAGE } });
		});

		it('sorts by each documented field (any case), keeping open tasks first', async () => {
			expect(SORT_FIELDS).toEqual(['title', 'category', 'deadLine', 'contact', 'contactManager']);
			expect(ids((await filter('sortBy=title&isClosed=false')).body)).toEqual([
				1211, 1206, 1201, 1209, 1204, 1207, 1203, 1212, 1202,
			]);
			expect(ids((await filter('sortBy=Title&sortOrder=descending')).body)).toEqual([
				1202, 1212, 1203, 1207, 1204, 1209, 1201, 1206, 1211, 1208, 1210, 1205,
			]);
			expect(ids((await filter('sortBy=DEADLINE&sortOrder=descending')).body)).toEqual([
				1211, 1209, 1203, 1207, 1206, 1202, 1201, 1212, 1204, 1208, 1210, 1205,
			]);
			// By category id, then deadline.
			expect(ids((await filter('sortBy=category&isClosed=false')).body)).toEqual([
				1201, 1206, 1212, 1202, 1207, 1203, 1211, 1204, 1209,
			]);
			// By contact name, tasks without a contact last.
			expect(ids((await filter('sortBy=contact&isClosed=false')).body)).toEqual([
				1203, 1206, 1201, 1204, 1212, 1202, 1207, 1209, 1211,
			]);
			// By the responsible's last name: Berg, Orlova, Zanyatski.
			expect(ids((await filter('sortBy=contactManager&isClosed=false')).body)).toEqual([
				1204, 1209, 1211, 1201, 1203, 1212, 1202, 1206, 1207,
			]);
		});

		it('pages with startIndex/count over 3+ pages: total each time, nextIndex on full pages', async () => {
			await h.control('reset?seed=false');
			expect((await h.control('seed?count=25')).tasks).toBe(25);
			const pages: Json[] = [];
			for (const start of [0, 10, 20])
				pages.push((await filter(`count=10&startIndex=${start}`)).body);
			expect(pages.map((page) => page.count)).toEqual([10, 10, 5]);
			expect(pages.map((page) => page.total)).toEqual([25, 25, 25]);
			expect(pages.map((page) => page.startIndex)).toEqual([undefined, 10, 20]);
			expect(pages.map((page) => page.nextIndex)).toEqual([10, 20, undefined]);
			expect(Object.keys(pages[1])).toEqual([
				'count',
				'startIndex',
				'nextIndex',
				'total',
				'status',
				'statusCode',
				'response',
			]);
			const all = pages.flatMap(ids);
			expect(new Set(all).size).toBe(25);
			expect(all).toEqual(ids((await filter('')).body));
		});

		it('sets nextIndex on an exactly full last page [?]; the page after it is empty with total', async () => {
			await h.control('reset?seed=false');
			await h.control('seed?count=20');
			const last = (await filter('count=10&startIndex=10')).body;
			expect(last).toMatchObject({ count: 10, startIndex: 10, nextIndex: 20, total: 20 });
			const after = (await filter('count=10&startIndex=20')).body;
			expect(after).toEqual({
				startIndex: 20,
				total: 20,
				status: 0,
				statusCode: 200,
				response: [],
			});
		});

		it('QUIRK: an unknown sortBy drops paging and returns every match in the default order', async () => {
			await h.control('reset?seed=false');
			await h.control('seed?count=25');
			const everything = ids((await filter('')).body);
			const unknown = (await filter('sortBy=dueDate&count=10&startIndex=10')).body;
			expect(ids(unknown)).toEqual(everything);
			expect(unknown).toMatchObject({ count: 25, startIndex: 10, total: 25 });
			expect(unknown).not.toHaveProperty('nextIndex');
			// total = startIndex + returned when fewer than `count` came back (the source's arithmetic).
			const big = (await filter('sortBy=dueDate&count=50&startIndex=10')).body;
			expect(big).toMatchObject({ count: 25, total: 35 });
		});
	});

	describe('writing tasks', () => {
		it('creates a task: 201, stamped by the sandbox clock, with contact and entity', async () => {
			h.clock.current = new Date('2026-03-10T09:30:00Z');
			const { res, body } = await create({
				title: 'Demo call',
				description: 'Agenda in the doc',
				deadline: '2026-03-12T15-30-00.000Z',
				responsibleId: MIKE,
				categoryId: 31,
				contactId: 304,
				entityType: 'opportunity',
				entityId: 401,
				isNotify: true,
				alertValue: 30,
			});
			expect(res.status).toBe(201);
			expect(body).toMatchObject({ count: 1, status: 0, statusCode: 201 });
			expect(body.response).toMatchObject({
				id: 1213,
				createBy: OLGA_WRAPPER,
				created: '2026-03-10T12:30:00.0000000+03:00',
				contact: { id: 304, displayName: 'Tadjeddine Bachir' },
				title: 'Demo call',
				description: 'Agenda in the doc',
				deadLine: '2026-03-12T18:30:00.0000000+03:00',
				alertValue: 30,
				responsible: MIKE_WRAPPER,
				category: { id: 31, relativeItemsCount: 4 },
				entity: {
					entityType: 'opportunity',
					entityId: 401,
					entityTitle: 'Household appliances internet shop',
				},
				canEdit: true,
			});
			expect(body.response).not.toHaveProperty('isClosed');
			expect((await h.call('/crm/task/1213')).body.response).toEqual(body.response);
		});

		it('creates from a form body; a date-only deadline is portal midnight', async () => {
			const res = await h.raw('/crm/task', {
				method: 'POST',
				form: { title: 'Form task', deadline: '2026-03-20', responsibleId: NINA, categoryId: '33' },
			});
			expect(res.status).toBe(201);
			const task = ((await res.json()) as Json).response;
			expect(task).toMatchObject({
				title: 'Form task',
				deadLine: '2026-03-20T00:00:00.0000000+03:00',
				responsible: { id: NINA, displayName: 'Nina Berg' },
			});
			expect(parseApiDate(task.deadLine, 180)).toBe(Date.parse('2026-03-19T21:00:00Z'));
		});

		it.each([
			['no title', { deadline: '2026-03-20', categoryId: 31 }, 400, ARGUMENT_MESSAGE],
			['no deadline', { title: 'x', categoryId: 31 }, 400, ARGUMENT_MESSAGE],
			['a bad deadline', { title: 'x', deadline: 'soon', categoryId: 31 }, 400, ARGUMENT_MESSAGE],
			['no categoryId', { title: 'x', deadline: '2026-03-20' }, 400, ARGUMENT_MESSAGE],
			[
				'an unknown categoryId',
				{ title: 'x', deadline: '2026-03-20', categoryId: 99 },
				404,
				CATEGORY_NOT_FOUND_MESSAGE,
			],
			[
				'entityType contact',
				{
					title: 'x',
					deadline: '2026-03-20',
					categoryId: 31,
					entityType: 'contact',
					entityId: 301,
				},
				400,
				ARGUMENT_MESSAGE,
			],
		])('refuses a create with %s', async (_label, json, status, message) => {
			const { res, body } = await create(json);
			expect(res.status).toBe(status);
			expect(body).toEqual({ status: 1, statusCode: status, error: { message } });
			expect(h.sandbox.state.tasks.size).toBe(12);
		});

		it('QUIRK: PUT rebuilds the task from the parameters sent; omitted fields are wiped', async () => {
			await h.call('/crm/task/1201/close', { method: 'PUT' });
			const before = (await h.call('/crm/task/1201')).body.response;
			h.clock.current = new Date(START.getTime() + 3600_000);
			const { res, body } = await h.call('/crm/task/1201', {
				method: 'PUT',
				json: { title: 'Renamed', deadline: '2026-03-21', categoryid: 32 },
			});
			expect(res.status).toBe(200);
			expect(body.response).toEqual({
				id: 1201,
				createBy: before.createBy,
				created: before.created,
				title: 'Renamed',
				deadLine: '2026-03-21T00:00:00.0000000+03:00',
				// no responsible sent: the empty GUID, rendered as an unknown user [?]
				responsible: {
					id: '00000000-0000-0000-0000-000000000000',
					displayName: 'Unknown user',
					title: '',
					avatarSmall: AVATAR,
					profileUrl: '',
				},
				isClosed: true,
				category: expect.objectContaining({ id: 32, title: 'Email' }),
				canEdit: true,
			});
			// A client that merges first keeps everything.
			const merged = await h.call('/crm/task/1201', {
				method: 'PUT',
				json: {
					title: 'Merged',
					description: before.description,
					deadline: before.deadLine,
					responsibleid: before.responsible.id,
					categoryid: before.category.id,
					contactid: before.contact.id,
					entityType: before.entity.entityType,
					entityid: before.entity.entityId,
					alertValue: before.alertValue,
				},
			});
			expect(merged.body.response).toEqual({
				...before,
				title: 'Merged',
				category: { ...before.category, relativeItemsCount: 3 },
			});
		});

		it('refuses a PUT without categoryid (400) and leaves the task alone', async () => {
			const before = (await h.call('/crm/task/1202')).body.response;
			const { res, body } = await h.call('/crm/task/1202', {
				method: 'PUT',
				json: { title: 'x', deadline: '2026-03-21' },
			});
			expect(res.status).toBe(400);
			expect(body.error.message).toBe(ARGUMENT_MESSAGE);
			expect((await h.call('/crm/task/1202')).body.response).toEqual(before);
		});

		it('QUIRK [?]: a PUT for an unknown id inserts a new task with a new id', async () => {
			const { res, body } = await h.call('/crm/task/5000', {
				method: 'PUT',
				json: { title: 'Upserted', deadline: '2026-03-21', categoryid: 31, responsibleid: OLGA },
			});
			expect(res.status).toBe(200);
			expect(body.response).toMatchObject({ id: 1213, title: 'Upserted' });
			expect((await h.call('/crm/task/5000')).res.status).toBe(404);
		});

		it('closes and reopens a task', async () => {
			const closed = await h.call('/crm/task/1209/close', { method: 'PUT' });
			expect(closed.res.status).toBe(200);
			expect(closed.body.response).toMatchObject({ id: 1209, isClosed: true });
			expect(ids((await filter('isClosed=true')).body)).toContain(1209);
			const reopened = await h.call('/crm/task/1209/reopen', { method: 'PUT' });
			expect(reopened.body.response).not.toHaveProperty('isClosed');
			expect(ids((await filter('isClosed=true')).body)).not.toContain(1209);
			expect((await h.call('/crm/task/999/close', { method: 'PUT' })).res.status).toBe(404);
			expect((await h.call('/crm/task/1209/close')).res.status).toBe(404);
		});

		it('deletes a task and answers the deleted task', async () => {
			const before = (await h.call('/crm/task/1203')).body.response;
			const { res, body } = await h.call('/crm/task/1203', { method: 'DELETE' });
			expect(res.status).toBe(200);
			expect(body).toEqual({ count: 1, status: 0, statusCode: 200, response: before });
			expect((await h.call('/crm/task/1203')).res.status).toBe(404);
			expect((await h.call('/crm/task/1203', { method: 'DELETE' })).res.status).toBe(404);
		});
	});

	describe('task categories', () => {
		it('lists the categories by sortOrder with relativeItemsCount, and reads one', async () => {
			const { body } = await h.call('/crm/task/category');
			expect(body).toMatchObject({ count: 4, status: 0, statusCode: 200 });
			expect(body.response).toEqual([
				{
					id: 31,
					title: 'Call',
					color: '#e05a3a',
					sortOrder: 0,
					imagePath: '/Products/CRM/App_Themes/default/images/task_category_call.png',
					relativeItemsCount: 3,
				},
				expect.objectContaining({ id: 32, title: 'Email', relativeItemsCount: 3 }),
				expect.objectContaining({ id: 33, title: 'Meeting', relativeItemsCount: 3 }),
				expect.objectContaining({ id: 34, title: 'Follow up', relativeItemsCount: 3 }),
			]);
			expect((await h.call('/crm/task/category/33')).body.response).toEqual(body.response[2]);
			const missing = await h.call('/crm/task/category/99');
			expect(missing.res.status).toBe(404);
			expect(missing.body.error.message).toBe(CATEGORY_NOT_FOUND_MESSAGE);
		});

		it('creates (201), updates as a full replace [?], changes the icon and reorders', async () => {
			const created = await h.call('/crm/task/category', {
				method: 'POST',
				json: {
					title: 'Demo',
					description: 'Product demos',
					imageName: 'task_category_demo.png',
					sortOrder: 9,
				},
			});
			expect(created.res.status).toBe(201);
			expect(created.body.response).toEqual({
				id: 35,
				title: 'Demo',
				description: 'Product demos',
				color: '',
				sortOrder: 9,
				imagePath: '/Products/CRM/App_Themes/default/images/task_category_demo.png',
				relativeItemsCount: 0,
			});
			const refused = await h.call('/crm/task/category', { method: 'POST', json: { title: ' ' } });
			expect(refused.res.status).toBe(400);
			const updated = await h.call('/crm/task/category/35', {
				method: 'PUT',
				json: { title: 'Demos' },
			});
			expect(updated.body.response).toEqual({
				id: 35,
				title: 'Demos',
				color: '',
				sortOrder: 0,
				imagePath: '/Products/CRM/App_Themes/default/images/task_category_note.png',
				relativeItemsCount: 0,
			});
			const icon = await h.call('/crm/task/category/35/icon', {
				method: 'PUT',
				json: { imageName: 'task_category_lunch.png' },
			});
			expect(icon.body.response.imagePath).toMatch(/task_category_lunch\.png$/);
			const reordered = await h.call('/crm/task/category/reorder', {
				method: 'PUT',
				json: { titles: ['Meeting', 'Call'] },
			});
			expect((reordered.body.response as Json[]).map((c) => [c.title, c.sortOrder])).toEqual([
				['Meeting', 0],
				['Call', 1],
				['Demos', 2],
				['Email', 3],
				['Follow up', 4],
			]);
		});

		it('deletes a category, moving its tasks to newcategoryid (query or path form)', async () => {
			const { res, body } = await h.call('/crm/task/category/31?newcategoryid=34', {
				method: 'DELETE',
			});
			expect(res.status).toBe(200);
			expect(body.response).toMatchObject({ id: 31, title: 'Call', relativeItemsCount: 3 });
			for (const id of [1201, 1206, 1210]) {
				expect((await h.call(`/crm/task/${id}`)).body.response.category).toMatchObject({
					id: 34,
					relativeItemsCount: 6,
				});
			}
			expect(ids((await filter('categoryid=31')).body)).toEqual([]);
			const pathForm = await h.call('/crm/task/category/32/33', { method: 'DELETE' });
			expect(pathForm.res.status).toBe(200);
			expect((await h.call('/crm/task/category/33')).body.response.relativeItemsCount).toBe(6);
			expect((await h.call('/crm/task/category')).body.count).toBe(2);
		});

		it('refuses to delete a used category without a valid other target [?]; an unused one needs none', async () => {
			for (const query of ['', '?newcategoryid=31', '?newcategoryid=99']) {
				const { res, body } = await h.call(`/crm/task/category/31${query}`, { method: 'DELETE' });
				expect(res.status).toBe(400);
				expect(body.error.message).toBe(ARGUMENT_MESSAGE);
			}
			const created = await h.call('/crm/task/category', {
				method: 'POST',
				json: { title: 'Spare' },
			});
			const spare = created.body.response.id as number;
			expect((await h.call(`/crm/task/category/${spare}`, { method: 'DELETE' })).res.status).toBe(
				200,
			);
			expect((await h.call(`/crm/task/category/${spare}`, { method: 'DELETE' })).res.status).toBe(
				404,
			);
		});
	});

	describe('pickers: people, contacts, opportunities, cases', () => {
		it('lists and searches users', async () => {
			const people = await h.call('/people');
			expect(people.body).toMatchObject({ count: 3, total: 3 });
			expect((people.body.response as Json[]).map((user) => user.id)).toEqual([MIKE, NINA, OLGA]);
			const search = await h.call('/people/@search/zany');
			expect((search.body.response as Json[]).map((user) => user.displayName)).toEqual([
				'Mike Zanyatski',
			]);
			expect((await h.call(`/people/${NINA}`)).body.response.displayName).toBe('Nina Berg');
		});

		it('lists contacts, opportunities and cases with filterValue and paging', async () => {
			const contacts = await h.call('/crm/contact/filter?count=2');
			expect(contacts.body).toMatchObject({ count: 2, nextIndex: 2, total: 5 });
			expect((contacts.body.response as Json[]).map((c) => c.displayName)).toEqual([
				'Acme Corporation',
				'Globex Ltd',
			]);
			const kim = await h.call('/crm/contact/filter?filterValue=tanaka');
			expect(kim.body.response).toEqual([
				expect.objectContaining({
					id: 302,
					firstName: 'Kim',
					lastName: 'Tanaka',
					company: expect.objectContaining({ id: 301 }),
				}),
			]);
			const companies = await h.call('/crm/contact/filter?isCompany=true');
			expect(ids(companies.body)).toEqual([301, 303]);
			expect((await h.call('/crm/contact/305')).body.response.displayName).toBe('Sara Lindqvist');
			const deals = await h.call('/crm/opportunity/filter?filterValue=acme');
			expect(deals.body.response).toEqual([
				{
					id: 402,
					title: 'Acme renewal 2027',
					responsible: OLGA_WRAPPER,
					contact: expect.objectContaining({ id: 301 }),
				},
			]);
			expect((await h.call('/crm/case/filter')).body.response).toEqual([
				{ id: 501, title: 'Broken delivery' },
				{ id: 502, title: 'Invoice dispute', isClosed: true },
			]);
			expect((await h.call('/crm/case/999')).res.status).toBe(404);
		});
	});

	describe('throttling', () => {
		it('answers 503 with Retry-After for the next N requests, sign-in included', async () => {
			expect((await h.control('throttle?count=2')).throttle).toMatchObject({
				remaining: 2,
				retryAfterSeconds: 1,
			});
			const signIn = await h.call('/authentication', {
				method: 'POST',
				json: { userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD },
				token: null,
			});
			expect(signIn.res.status).toBe(503);
			expect(signIn.res.headers.get('retry-after')).toBe('1');
			expect(signIn.body).toEqual({
				status: 1,
				statusCode: 503,
				error: { message: THROTTLE_MESSAGE },
			});
			// The control API is never throttled.
			expect((await h.control('state', undefined, 'GET')).throttle.remaining).toBe(1);
			expect((await h.call('/crm/task/1201')).res.status).toBe(503);
			expect((await h.call('/crm/task/1201')).res.status).toBe(200);
		});

		it('allows retryAfter=0, a rolling rate limit, and off', async () => {
			await h.control('throttle?count=1&retryAfter=0');
			const res = await h.raw('/crm/task/1201');
			expect(res.status).toBe(503);
			expect(res.headers.get('retry-after')).toBe('0');
			await h.control('throttle?rate=2&windowSeconds=10');
			expect((await h.raw('/crm/task/1201')).status).toBe(200);
			expect((await h.raw('/crm/task/1201')).status).toBe(200);
			expect((await h.raw('/crm/task/1201')).status).toBe(503);
			h.clock.current = new Date(START.getTime() + 11_000);
			expect((await h.raw('/crm/task/1201')).status).toBe(200);
			await h.control('throttle?off=true');
			for (let i = 0; i < 3; i++) expect((await h.raw('/crm/task/1201')).status).toBe(200);
		});
	});

	describe('the Date header', () => {
		it('dates every answer by the sandbox clock (whole seconds): JSON, XML, errors, 503, sign-in, control', async () => {
			const dateOf = (res: Response) => res.headers.get('date');
			const at = (iso: string) => new Date(iso).toUTCString();
			h.clock.current = new Date('2026-03-10T08:00:00.750Z');
			const json = await h.raw('/crm/task/filter?count=1');
			expect(dateOf(json)).toBe('Tue, 10 Mar 2026 08:00:00 GMT');
			expect(Date.parse(dateOf(json) ?? '')).toBe(Date.parse('2026-03-10T08:00:00Z'));
			expect(dateOf(await h.raw('/crm/task/1201', { xml: true }))).toBe(at('2026-03-10T08:00:00Z'));
			// Moved by the control API's clock as well as by the injected one.
			await h.control('clock?advanceSeconds=90');
			expect(dateOf(await h.raw('/crm/task/999'))).toBe(at('2026-03-10T08:01:30Z'));
			expect(dateOf(await h.raw('/crm/task/1201', { token: 'wrong' }))).toBe(
				at('2026-03-10T08:01:30Z'),
			);
			h.clock.current = new Date('2027-01-01T00:00:00Z');
			const signIn = await h.signIn();
			expect(signIn.res.status).toBe(201);
			expect(dateOf(signIn.res)).toBe(at('2027-01-01T00:01:30Z'));
			await h.control('throttle?count=1');
			const throttled = await h.raw('/crm/task/1201');
			expect(throttled.status).toBe(503);
			expect(dateOf(throttled)).toBe(at('2027-01-01T00:01:30Z'));
			const control = await fetch(`${h.server.url}/__sandbox/state`);
			expect(dateOf(control)).toBe(at('2027-01-01T00:01:30Z'));
		});
	});

	describe('control API', () => {
		it('resets with or without the seed, keeping issued tokens unless tokens=clear', async () => {
			await create({ title: 'Extra', deadline: '2026-03-20', categoryId: 31, responsibleId: OLGA });
			expect(await h.control('reset?seed=false')).toEqual({ ok: true, tasks: 0 });
			// `total: 0` is written (a nullable long), `count: 0` is not.
			expect((await filter('')).body).toEqual({
				total: 0,
				status: 0,
				statusCode: 200,
				response: [],
			});
			expect(await h.control('reset')).toEqual({ ok: true, tasks: 12 });
			expect(ids((await filter('')).body)).toEqual(DEFAULT_ORDER);
			await h.control('reset?tokens=clear');
			expect((await h.call('/crm/task/1201')).res.status).toBe(401);
		});

		it('moves the clock and seeds tasks from bodies (isClosed allowed) or generated', async () => {
			expect((await h.control('clock?advanceSeconds=90')).now).toBe('2026-03-10T08:01:30.000Z');
			expect((await h.control('clock?set=2026-04-01T06:00:00Z')).now).toBe(
				'2026-04-01T06:00:00.000Z',
			);
			const seeded = await h.control('seed', {
				tasks: [
					{ title: 'Seeded open', deadline: '2026-04-02', categoryId: 33, responsibleId: NINA },
					{ title: 'Seeded closed', deadline: '2026-04-03', categoryId: 33, isClosed: true },
				],
			});
			expect(seeded).toEqual({ ok: true, ids: [1213, 1214], tasks: 14 });
			expect((await h.call('/crm/task/1214')).body.response).toMatchObject({
				isClosed: true,
				created: '2026-04-01T09:00:00.0000000+03:00',
			});
			const bad = await h.control('seed', {
				tasks: [{ title: 'No category', deadline: '2026-04-02' }],
			});
			expect(bad.error).toContain(ARGUMENT_MESSAGE);
			const generated = await h.control('seed?count=3');
			expect(generated.ids).toEqual([1215, 1216, 1217]);
			const state = await h.control('state', undefined, 'GET');
			expect(state).toMatchObject({
				now: '2026-04-01T06:00:00.000Z',
				portalNow: '2026-04-01T09:00:00.0000000+03:00',
				settings: { utcOffsetMinutes: 180, tokenLifetimeSeconds: 2592000, errorDetail: false },
				signIns: 1,
			});
			expect(state.tasks).toHaveLength(17);
			expect(state.users).toHaveLength(3);
			expect(state.categories).toHaveLength(4);
		});

		it('renders dates in another portal offset after reset?utcOffsetMinutes', async () => {
			await h.control('reset?utcOffsetMinutes=-420');
			expect((await h.call('/crm/task/1212')).body.response.deadLine).toBe(
				'2026-03-10T17:00:00.0000000-07:00',
			);
		});

		it('logs API requests (method, url, status, format, body) and clears the log', async () => {
			await h.control('requests', undefined, 'DELETE');
			await create({ title: 'Logged', deadline: '2026-03-20', categoryId: 31 });
			await h.raw('/crm/task/filter?count=1', { xml: true });
			const log = (await h.control('requests', undefined, 'GET')) as unknown as Json[];
			expect(log).toEqual([
				expect.objectContaining({
					method: 'POST',
					url: '/api/2.0/crm/task',
					status: 201,
					format: 'json',
					body: { title: 'Logged', deadline: '2026-03-20', categoryId: 31 },
				}),
				expect.objectContaining({
					method: 'GET',
					url: '/api/2.0/crm/task/filter?count=1',
					status: 200,
					format: 'xml',
				}),
			]);
			expect(await h.control('requests', undefined, 'DELETE')).toEqual([]);
			expect((await h.control('nope')).error).toBe("unknown sandbox control 'nope'");
		});
	});
});
