import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { COPPER_API_KEY, COPPER_BASE_PATH, COPPER_USER_EMAIL } from '../sandbox/copper';

/** The node types as an installed community package names them. */
export const NODE = 'n8n-nodes-crm-tasks.copper';
export const TRIGGER = 'n8n-nodes-crm-tasks.copperTrigger';

export const BASE_URL = 'https://copper.test/developer_api/v1';
export const API_KEY = 'copper-test-key';
export const EMAIL = 'owner@copper.test';

/** The headers Copper reads the credential from, as every request must carry them. */
export const AUTH_HEADERS = {
	'x-pw-accesstoken': API_KEY,
	'x-pw-application': 'developer_api',
	'x-pw-useremail': EMAIL,
};

export const copperCredentials: Record<string, ICredentialDataDecryptedObject> = {
	copperCrmTasksApi: { apiKey: API_KEY, email: EMAIL, baseUrl: `${BASE_URL}/` },
};

/** Credentials for the Copper sandbox (test/sandbox/copper) at `url`. */
export const sandboxCredentials = (url: string): Record<string, ICredentialDataDecryptedObject> => ({
	copperCrmTasksApi: {
		apiKey: COPPER_API_KEY,
		email: COPPER_USER_EMAIL,
		baseUrl: `${url}${COPPER_BASE_PATH}`,
	},
});
