import { recordWaits } from '../helpers/waits';
import { expectExactRequests } from '../helpers/requests';
import { API_KEY } from './credentials';
import { copper, getTask } from './recordHelpers';
import { runCopper } from './runCopper';

/** Everything an error carries that could reach a user, a log or an execution's stored data. */
const everythingIn = (run: Awaited<ReturnType<typeof getTask>>) =>
	JSON.stringify(run.error) +
	String(run.error?.stack) +
	JSON.stringify((run.error as { cause?: unknown })?.cause ?? null) +
	JSON.stringify(run.json);

describe('Copper › API errors', () => {
	// Server errors are retried (4 attempts): the waits are recorded, not slept.
	recordWaits();

	it("carries Copper's message and status for a refused create (422)", async () => {
		const scope = copper()
			.post('/tasks', { name: 'x' })
			.reply(422, { status: 422, message: "Name can't be blank" });

		const run = await runCopper('create', { name: 'x', additionalFields: {} });

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe("Name can't be blank");
		expect((run.error as { httpCode?: string }).httpCode).toBe('422');
		expect(run.json).toEqual([]);
		expectExactRequests(scope);
	});

	it("carries Copper's message for a task that does not exist (404)", async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.reply(404, { status: 404, message: 'Resource not found' });

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Resource not found');
		expect((run.error as { httpCode?: string }).httpCode).toBe('404');
		expectExactRequests(scope);
	});

	it('names the status when the error body has no message', async () => {
		const scope = copper().get('/tasks/27140359').times(4).reply(500, { status: 500 });

		const run = await getTask();

		expect(run.error?.message).toBe('Copper answered with HTTP 500');
		expect((run.error as { httpCode?: string }).httpCode).toBe('500');
		expectExactRequests(scope);
	});

	it('turns an HTML error page into the status and a short excerpt of its text', async () => {
		const page = `<!DOCTYPE html><html><head><title>503 Service Unavailable</title><script>var x = 1;</script></head><body><h1>Service Unavailable</h1><p>Copper is down for maintenance &amp; will be back soon. ${'Thank you for your patience. '.repeat(12)}</p></body></html>`;
		const scope = copper()
			.get('/tasks/27140359')
			.times(4)
			.reply(503, page, { 'Content-Type': 'text/html' });

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Copper answered with HTTP 503');
		expect(run.error?.description).toBe(
			'503 Service Unavailable Service Unavailable Copper is down for maintenance & will be back soon. Thank you for your patience. Thank you for your patience. Thank…',
		);
		expect((run.error as { httpCode?: string }).httpCode).toBe('503');
		expectExactRequests(scope);
	});

	it('gives a short plain-text error body as the message', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.times(4)
			.reply(502, 'Bad gateway', { 'Content-Type': 'text/plain' });

		const run = await getTask();

		expect(run.error?.message).toBe('Bad gateway');
		expect((run.error as { httpCode?: string }).httpCode).toBe('502');
		expectExactRequests(scope);
	});
});

describe('Copper › rejected credentials', () => {
	it("reports Copper's 401 message without ever showing the API key", async () => {
		// Copper's key is not a token n8n could renew, so a 401 is final: one request.
		const scope = copper()
			.get('/tasks/27140359')
			.reply(401, { status: 401, message: 'API Key and Email combination is invalid' });

		const run = await getTask();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('API Key and Email combination is invalid');
		expect((run.error as { httpCode?: string }).httpCode).toBe('401');
		expect(everythingIn(run)).not.toContain(API_KEY);
		expectExactRequests(scope);
	});

	it('never shows the API key in an API error either', async () => {
		const scope = copper()
			.get('/tasks/27140359')
			.reply(422, { status: 422, message: 'Invalid input' });

		const run = await getTask();

		expect(run.error?.message).toBe('Invalid input');
		expect(everythingIn(run)).not.toContain(API_KEY);
		expectExactRequests(scope);
	});
});
