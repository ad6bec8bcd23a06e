import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const BASE_URL = 'https://nexudus.test/api';
export const EMAIL = 'admin@coworking.test';
export const PASSWORD = 'correct horse battery staple';
export const BASIC_AUTH = `Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString('base64')}`;

export const basicCredentials: Record<string, ICredentialDataDecryptedObject> = {
	nexudusSpacesApi: {
		authentication: 'basicAuth',
		email: EMAIL,
		password: PASSWORD,
		baseUrl: `${BASE_URL}/`,
		accessToken: '',
	},
};

export const bearerCredentials = (
	accessToken = '',
): Record<string, ICredentialDataDecryptedObject> => ({
	nexudusSpacesApi: {
		...basicCredentials.nexudusSpacesApi,
		authentication: 'bearerToken',
		accessToken,
	},
});

export const NODE = 'n8n-nodes-crm-tasks.nexudus';
export const TRIGGER = 'n8n-nodes-crm-tasks.nexudusTrigger';
