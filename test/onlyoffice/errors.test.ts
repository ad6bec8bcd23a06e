import { expectExactRequests } from '../helpers/requests';
import { recordWaits } from '../helpers/waits';
import { STORED_TOKEN } from './credentials';
import { getTask, MIKE, task } from './recordHelpers';
import { failed, onlyoffice, picked, runTask } from './runOnlyoffice';

type Run = Awaited<ReturnType<typeof getTask>>;

/** Everything an error carries that could reach a user, a log or an execution's stored data. */
const everythingIn = (run: Run) =>
	JSON.stringify(run.error) +
	String(run.error?.stack) +
	JSON.stringify((run.error as { cause?: unknown })?.cause ?? null) +
	JSON.stringify(run.json);

const httpCodeOf = (run: Run) => (run.error as { httpCode?: string } | undefined)?.httpCode;

describe('ONLYOFFICE › API errors', () => {
	// Server errors and unreadable answers are retried (4 attempts): the waits are recorded, not slept.
	const waits = recordWaits();

	it("turns an error envelope with HTTP 404 into a NodeApiError with ONLYOFFICE's message", async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(404, failed(404, 'The record could not be found'));

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('The record could not be found');
		expect(httpCodeOf(run)).toBe('404');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('treats an error envelope that comes with HTTP 200 as the failure it is', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(200, failed(500, 'Object reference not set to an instance of an object.'));

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Object reference not set to an instance of an object.');
		expect(httpCodeOf(run)).toBe('200');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('fails a create ONLYOFFICE refuses with its message (400)', async () => {
		const scope = onlyoffice()
			.post('/crm/task', {
				title: 'x',
				deadline: '2026-12-01T05:00:00.000Z',
				responsibleId: MIKE,
				categoryId: 99,
			})
			.reply(404, failed(404, 'The task category could not be found'));

		const run = await runTask('create', {
			title: 'x',
			deadline: '2026-12-01',
			responsibleId: picked(MIKE),
			categoryId: picked('99'),
			additionalFields: {},
		});

		expect(run.error?.message).toBe('The task category could not be found');
		expect(httpCodeOf(run)).toBe('404');
		expectExactRequests(scope);
	});

	it('fails an update whose PUT ONLYOFFICE refuses, after reading the task', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.reply(200, { count: 1, status: 0, statusCode: 200, response: task })
			.put('/crm/task/1201')
			.reply(200, failed(400, 'Value does not fall within the expected range.'));

		const run = await runTask('update', {
			recordId: picked('1201'),
			updateFields: { title: 'New' },
		});

		expect(run.error?.message).toBe('Value does not fall within the expected range.');
		expectExactRequests(scope);
	});

	it('fails a list whose answer is an error envelope, outputting nothing', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query(true)
			.reply(200, failed(400, 'Value does not fall within the expected range.'));

		const run = await runTask('list');

		expect(run.error?.message).toBe('Value does not fall within the expected range.');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it('names the status when the envelope has no message', async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.times(4)
			.reply(500, { status: 1, statusCode: 500, error: {} });

		const run = await getTask();

		expect(run.error?.message).toBe('ONLYOFFICE answered with HTTP 500');
		expect(httpCodeOf(run)).toBe('500');
		expect(waits).toHaveLength(3);
		expectExactRequests(scope);
	});

	it("shows a proxy's short text answer as the message, and a page's text as the description", async () => {
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.times(4)
			.reply(502, 'Bad Gateway', { 'Content-Type': 'text/plain' })
			.get('/crm/task/1201')
			.times(4)
			.reply(502, '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', {
				'Content-Type': 'text/html',
			});

		const text = await getTask();
		const page = await getTask();

		expect(text.error?.message).toBe('Bad Gateway');
		expect(page.error?.message).toBe('ONLYOFFICE answered with HTTP 502');
		expect(page.error?.description).toBe('502 Bad Gateway nginx');
		expectExactRequests(scope);
	});

	it('never puts the token into the error', async () => {
		const scope = onlyoffice().get('/crm/task/1201').reply(403, failed(403, 'Access denied'));

		const run = await getTask();

		expect(run.error?.message).toBe('Access denied');
		expect(everythingIn(run)).not.toContain(STORED_TOKEN);
		expectExactRequests(scope);
	});

	it('fails on an XML answer (Accept dropped on the way) instead of outputting it or no tasks', async () => {
		const xml =
			'<?xml version="1.0" encoding="utf-8"?><result><count>1</count><status>0</status><statusCode>200</statusCode><response><task><id>1201</id></task></response></result>';
		const scope = onlyoffice()
			.get('/crm/task/1201')
			.times(4)
			.reply(200, xml, { 'Content-Type': 'text/xml; charset=utf-8' })
			.get('/crm/task/filter')
			.query(true)
			.times(4)
			.reply(200, xml, { 'Content-Type': 'text/xml; charset=utf-8' });

		const got = await getTask();
		const listed = await runTask('list');

		for (const run of [got, listed]) {
			expect(run.error?.message).toBe('ONLYOFFICE answered with something other than JSON');
			expect(run.error?.description).toBe(
				'The node asks for JSON (Accept: application/json); a proxy between n8n and the portal may drop that header. The answer began: 1 0 200 1201',
			);
			expect(httpCodeOf(run)).toBe('200');
			expect(run.json).toEqual([]);
		}
		expectExactRequests(scope);
	});
});
