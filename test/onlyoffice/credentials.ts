import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { OnlyofficeWorkspaceApi } from '../../credentials/OnlyofficeWorkspaceApi.credentials';
import { ONLYOFFICE_PASSWORD, ONLYOFFICE_USER_NAME } from '../sandbox/onlyoffice';

export const NODE = 'n8n-nodes-crm-tasks.onlyoffice';
export const TRIGGER = 'n8n-nodes-crm-tasks.onlyofficeTrigger';

export const PORTAL_URL = 'https://portal.onlyoffice.test';
/** Where the API of PORTAL_URL is, for nock. */
export const API_URL = `${PORTAL_URL}/api/2.0`;
export const USER_NAME = 'olga@portal.onlyoffice.test';
export const PASSWORD = 'correct horse battery staple';
/** The token stored in `passwordCredentials`, issued for their very sign-in details. */
export const STORED_TOKEN = 'stored-session-token';

const signInDetails = (): ICredentialDataDecryptedObject => ({
	portalUrl: `${PORTAL_URL}/`,
	authentication: 'userNameAndPassword',
	userName: USER_NAME,
	password: PASSWORD,
});

/**
 * User name and password credentials with `accessToken` stored. It was issued for these very
 * details unless `issuedFor` says otherwise (e.g. the password changed since); an empty token means
 * the first request signs in.
 */
export const signedInCredentials = (
	accessToken = STORED_TOKEN,
	{ issuedFor }: { issuedFor?: ICredentialDataDecryptedObject } = {},
): Record<string, ICredentialDataDecryptedObject> => {
	const details = signInDetails();
	return {
		onlyofficeWorkspaceApi: {
			...details,
			accessToken,
			tokenIssuedFor: accessToken
				? OnlyofficeWorkspaceApi.signInDigest({ ...details, ...issuedFor })
				: '',
		},
	};
};

/** User name and password, signed in already: no sign-in request comes first. */
export const passwordCredentials: Record<string, ICredentialDataDecryptedObject> =
	signedInCredentials();

/** A token pasted by the user (Authentication: Access Token). */
export const tokenCredentials = (token: string): Record<string, ICredentialDataDecryptedObject> => ({
	onlyofficeWorkspaceApi: {
		portalUrl: PORTAL_URL,
		authentication: 'accessToken',
		token,
		accessToken: '',
	},
});

/** The emulator's first user (test/sandbox/onlyoffice), not signed in yet. */
export const sandboxCredentials = (
	serverUrl: string,
): Record<string, ICredentialDataDecryptedObject> => ({
	onlyofficeWorkspaceApi: {
		portalUrl: serverUrl,
		authentication: 'userNameAndPassword',
		userName: ONLYOFFICE_USER_NAME,
		password: ONLYOFFICE_PASSWORD,
		accessToken: '',
		tokenIssuedFor: '',
	},
});
