import nock from 'nock';

import { recordWaits } from '../helpers/waits';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, PASSWORD } from './credentials';
import { getTask1001, picked, runNexudus } from './runNexudus';

const getTask1001Of = (id: string) =>
	runNexudus('coworkerTask', 'get', { recordId: picked(id, 'list') });

describe('Nexudus › API errors', () => {
	// Server errors are retried (4 attempts): the waits are recorded, not slept.
	recordWaits();

	it('carries the Message of a server error', async () => {
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(4)
			.reply(500, { Message: 'An error has occurred.' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('An error has occurred.');
		expect((run.error as { httpCode?: string }).httpCode).toBe('500');
		expectExactRequests(scope);
	});

	it('reports rejected credentials without ever showing them', async () => {
		// The node sends a 401 again in the form that lets n8n sign in again; the sign-in works (the
		// user lacks access, not the password), n8n repeats the request once, and it is refused again.
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(2)
			.reply(401, { Message: 'Authorization has been denied for this request.' })
			.post('/token')
			.reply(200, { access_token: 'token-1', token_type: 'bearer', expires_in: 604799 })
			.get('/crm/coworkertasks/1001')
			.reply(401, { Message: 'Authorization has been denied for this request.' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Authorization has been denied for this request.');
		expect((run.error as { httpCode?: string }).httpCode).toBe('401');
		const everything =
			JSON.stringify(run.error) + String(run.error?.stack) + JSON.stringify(run.json);
		expect(everything).not.toContain(PASSWORD);
		expect(everything).not.toContain(
			Buffer.from(`admin@coworking.test:${PASSWORD}`).toString('base64'),
		);
		expectExactRequests(scope);
	});
});

describe('Nexudus › error pages and input errors', () => {
	// Server errors are retried (4 attempts): the waits are recorded, not slept.
	recordWaits();

	it('turns an HTML error page into the status and a short excerpt of its text', async () => {
		const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><h1>Bad Gateway</h1><p>The upstream server did not answer in time. ${'Please try again later. '.repeat(20)}</p></body></html>`;
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.times(4)
			.reply(502, page, { 'Content-Type': 'text/html' });

		const run = await getTask1001();

		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe('Nexudus answered with HTTP 502');
		expect(run.error?.description).toBe(
			'502 Bad Gateway Bad Gateway The upstream server did not answer in time. Please try again later. Please try again later. Please try again later. Please try again…',
		);
		expect((run.error as { httpCode?: string }).httpCode).toBe('502');
		expectExactRequests(scope);
	});

	it('names what to do when a picked record is not an ID', async () => {
		const run = await getTask1001Of('not-an-id');

		expect(run.error?.message).toBe(
			'Invalid value for "Coworker Task": Enter a numeric ID, e.g. 1234, or pick a coworker task from the list',
		);
		expectNoRequests();
	});

	it('reports bad input as a problem with the field, without an HTTP code', async () => {
		const run = await getTask1001Of('not-an-id');

		expect(run.error?.message).toMatch(/^Invalid value for "Coworker Task"/i);
		// n8n's editor shows "From Nexudus Spaces – Error code none" for an error with any HTTP
		// code, which n8n-core's routing engine gives to every non-API error a hook throws.
		expect((run.error as { httpCode?: string | null }).httpCode ?? undefined).toBeUndefined();
		expect(run.error?.messages ?? []).toEqual([]);
		expectNoRequests();
	});
});
