import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';

import { createNexudusSandbox, type RunningServer } from '../sandbox/nexudus';
import { sandboxCredentials } from './credentials';

/**
 * Runs each test of the enclosing describe block against a fresh Nexudus emulator (test/sandbox)
 * over real HTTP on the loopback, its clock at `now`. Returns the credentials for the running
 * emulator, to be read inside a test.
 */
export function inNexudusSandbox(
	now = '2026-11-20T08:00:00Z',
): () => Record<string, ICredentialDataDecryptedObject> {
	let server: RunningServer;
	let credentials: Record<string, ICredentialDataDecryptedObject>;
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	beforeEach(async () => {
		server = await createNexudusSandbox({ now: () => new Date(now) }).start(0);
		credentials = sandboxCredentials(server.url);
	});
	afterEach(async () => {
		await server.close();
	});
	return () => credentials;
}
