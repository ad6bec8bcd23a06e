/**
 * Errors: Cotalker's `{statusCode, error, message}` becomes a NodeApiError with Cotalker's message
 * and the HTTP code; 401 says the credential was rejected, 403 points at Admin Access; a text or
 * empty answer still gives a clear message; the token never appears in an error.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectExactRequests } from '../helpers/requests';
import { recordWaits } from '../helpers/waits';
import { TOKEN, sandboxCredentials } from './credentials';
import { TASK_V1, cotalker, failed, runOnTask, useEmulator } from './recordHelpers';
import { UNAUTHORIZED_MESSAGE } from '../sandbox/cotalker';

describe('Cotalker › errors', () => {
	const waits = recordWaits();

	it.each([
		[
			400,
			'name must be a non-empty string',
			failed(400, 'Bad Request', 'name must be a non-empty string'),
		],
		[404, 'Task not found', failed(404, 'Not Found', 'Task not found')],
		[500, 'Internal server error', failed(500, 'Internal Server Error', 'Internal server error')],
		[404, 'Not Found', { statusCode: 404, error: 'Not Found' }],
		[502, 'Cotalker answered with HTTP 502', '<html><body>Bad gateway</body></html>'],
		[503, 'Cotalker answered with HTTP 503', ''],
	])('HTTP %s: a NodeApiError saying "%s"', async (status, message, body) => {
		// Server errors are retried: 4 attempts in all, 3 waits between them.
		const attempts = status >= 500 ? 4 : 1;
		const scope = cotalker()
			.get(TASK_V1)
			.times(attempts)
			.reply(status, body as IDataObject);

		const run = await runOnTask('get');

		expect(waits).toHaveLength(attempts - 1);
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe(message);
		expect((run.error as unknown as IDataObject).httpCode).toBe(String(status));
		expect(JSON.stringify(run.error)).not.toContain(TOKEN);
		expectExactRequests(scope);
	});

	it("403: points at Admin Access and the token's roles", async () => {
		const scope = cotalker()
			.patch(TASK_V1, { isActive: false })
			.reply(403, failed(403, 'Forbidden', 'Admin header required'));

		const run = await runOnTask('delete');

		expect(run.error?.message).toBe('Admin header required');
		expect(run.error?.description).toBe(
			'Cotalker refuses this without administrator access: turn on Admin Access in the credential, and give the API token the access roles it needs.',
		);
		expectExactRequests(scope);
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('a wrong token: the credential was rejected, and the token is not in the error', async () => {
			const credentials = sandboxCredentials(emulator.server.url);
			credentials.cotalkerApi.token = 'wrong-token';

			const run = await runOnTask('get', {}, { credentials });

			expect(run.error?.message).toBe(UNAUTHORIZED_MESSAGE);
			expect(JSON.stringify(run.error)).not.toContain('wrong-token');
		});

		it("an unknown task: Cotalker's 404 message", async () => {
			const run = await runOnTask(
				'get',
				{ recordId: { __rl: true, mode: 'id', value: '6a1e000001000000000000ff' } },
				{ credentials: emulator.credentials },
			);

			expect(run.error?.message).toMatch(/not found/i);
			expect((run.error as unknown as IDataObject).httpCode).toBe('404');
		});

		it('with Admin Access off, a write still carries the Admin header Cotalker requires', async () => {
			const credentials = sandboxCredentials(emulator.server.url);
			credentials.cotalkerApi.admin = false;

			const run = await runOnTask(
				'update',
				{ updateFields: { name: 'Relaunch' } },
				{ credentials },
			);

			expect(run.error).toBeUndefined();
			expect(run.json[0].name).toBe('Relaunch');
			expect(emulator.sandbox.state.requests.map((entry) => entry.status)).toEqual([200]);
		});
	});
});
