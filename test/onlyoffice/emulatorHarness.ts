import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';

import {
	createOnlyofficeSandbox,
	type OnlyofficeSandbox,
	type RunningServer,
} from '../sandbox/onlyoffice';
import { sandboxCredentials } from './credentials';

/** The emulator's clock: 2026-11-20 08:00 UTC, 11:00 at the portal (+03:00). */
export const EMULATOR_NOW = new Date('2026-11-20T08:00:00Z');

/** A request the emulator logged: method, URL below /api/2.0, and the format it answered in. */
export interface Logged {
	method: string;
	url: string;
	format?: string;
	status?: number;
}

/**
 * The ONLYOFFICE emulator on a loopback port for each test of the calling `describe`, with
 * credentials for its first user (not signed in yet: each run signs in first).
 */
export function useEmulator() {
	const current = {} as {
		sandbox: OnlyofficeSandbox;
		server: RunningServer;
		credentials: Record<string, ICredentialDataDecryptedObject>;
	};
	beforeAll(() => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	});
	afterAll(() => {
		nock.disableNetConnect();
	});
	beforeEach(async () => {
		current.sandbox = createOnlyofficeSandbox({ now: () => EMULATOR_NOW });
		current.server = await current.sandbox.start(0);
		current.credentials = sandboxCredentials(current.server.url);
	});
	afterEach(async () => {
		await current.server.close();
	});
	return {
		get sandbox() {
			return current.sandbox;
		},
		get server() {
			return current.server;
		},
		get credentials() {
			return current.credentials;
		},
		/** The API requests the emulator received, in order; `clear` forgets them. */
		requests(): Logged[] {
			return current.sandbox.state.requests.map(({ method, url, format, status }) => ({
				method,
				url: url.replace(/^\/api\/2\.0/, ''),
				format,
				status,
			}));
		},
		clear() {
			current.sandbox.state.requests = [];
		},
	};
}
