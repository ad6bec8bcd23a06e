import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { COTALKER_TOKEN } from '../sandbox/cotalker';

/** The node types as an installed community package names them. */
export const NODE = 'n8n-nodes-crm-tasks.cotalker';
export const TRIGGER = 'n8n-nodes-crm-tasks.cotalkerTrigger';

/** A custom environment, as the tests' nock scopes answer it. */
export const BASE_URL = 'https://cotalker.test';
export const TOKEN = 'cotalker-test-token';

/** The headers every request carries with Admin Access on (the default). */
export const AUTH_HEADERS = { authorization: `Bearer ${TOKEN}`, admin: 'true' };

export const cotalkerCredentials: Record<string, ICredentialDataDecryptedObject> = {
	cotalkerApi: { environment: 'custom', baseUrl: `${BASE_URL}/`, token: TOKEN, admin: true },
};

/** The same credential with Admin Access off: only writes and admin reads send the header. */
export const withoutAdmin: Record<string, ICredentialDataDecryptedObject> = {
	cotalkerApi: { ...cotalkerCredentials.cotalkerApi, admin: false },
};

/** Credentials for the Cotalker sandbox (test/sandbox/cotalker) at `url`. */
export const sandboxCredentials = (
	url: string,
): Record<string, ICredentialDataDecryptedObject> => ({
	cotalkerApi: { environment: 'custom', baseUrl: url, token: COTALKER_TOKEN, admin: true },
});
