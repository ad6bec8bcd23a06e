import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { NexudusSpacesApi } from '../../credentials/NexudusSpacesApi.credentials';
import { NEXUDUS_ADMIN_EMAIL, NEXUDUS_ADMIN_PASSWORD } from '../sandbox/nexudus';

export const BASE_URL = 'https://nexudus.test/api';
export const EMAIL = 'admin@coworking.test';
export const PASSWORD = 'correct horse battery staple';
export const BASIC_AUTH = `Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`).toString('base64')}`;

/** Basic Auth credentials, checked by signing in once already (so no token request comes first). */
export const basicCredentials: Record<string, ICredentialDataDecryptedObject> = {
	nexudusSpacesApi: {
		authentication: 'basicAuth',
		email: EMAIL,
		password: PASSWORD,
		baseUrl: `${BASE_URL}/`,
		accessToken: 'signed-in-once',
	},
};

/**
 * Bearer-token credentials. A stored token was issued for these very sign-in details unless
 * `issuedFor` says otherwise (e.g. the password was changed since).
 */
export const bearerCredentials = (
	accessToken = '',
	{ issuedFor }: { issuedFor?: ICredentialDataDecryptedObject } = {},
): Record<string, ICredentialDataDecryptedObject> => {
	const data = { ...basicCredentials.nexudusSpacesApi, authentication: 'bearerToken' };
	return {
		nexudusSpacesApi: {
			...data,
			accessToken,
			tokenIssuedFor: accessToken ? NexudusSpacesApi.signInDigest(issuedFor ?? data) : '',
		},
	};
};

/** The sandbox's admin, signing in with Basic Auth (test/sandbox/nexudus). */
export const sandboxCredentials = (
	serverUrl: string,
): Record<string, ICredentialDataDecryptedObject> => ({
	nexudusSpacesApi: {
		authentication: 'basicAuth',
		email: NEXUDUS_ADMIN_EMAIL,
		password: NEXUDUS_ADMIN_PASSWORD,
		baseUrl: `${serverUrl}/api`,
		accessToken: '',
	},
});

export const NODE = 'n8n-nodes-crm-tasks.nexudus';
export const TRIGGER = 'n8n-nodes-crm-tasks.nexudusTrigger';
