import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { issuedForDigest, tokenIssuedFor } from '../nodes/shared/signIn/issuedFor';
import { signIn } from '../nodes/shared/signIn/signIn';

/** ONLYOFFICE throttles with HTTP 503 and Retry-After (500 requests per 10 s), sign-in included. */
const THROTTLED = 503;

const portalOf = (credentials: ICredentialDataDecryptedObject) =>
	String(credentials.portalUrl).trim().replace(/\/+$/, '');

/** The headers without any spelling of the given ones (header names are case-insensitive). */
const without = (headers: IDataObject = {}, names: string[]) =>
	Object.fromEntries(
		Object.entries(headers).filter(([key]) => !names.includes(key.toLowerCase())),
	) as IDataObject;

export class OnlyofficeWorkspaceApi implements ICredentialType {
	name = 'onlyofficeWorkspaceApi';

	displayName = 'ONLYOFFICE Workspace API';

	documentationUrl =
		'https://api.onlyoffice.com/workspace/api-backend/get-started/passing-authentication/';

	icon: Icon = { light: 'file:../icons/onlyoffice.svg', dark: 'file:../icons/onlyoffice.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'portalUrl',
			type: 'string',
			placeholder: 'https://example.onlyoffice.com',
			default: '',
			required: true,
			description: 'The address of your ONLYOFFICE Workspace portal; the API is under /api/2.0',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'User Name and Password',
					value: 'userNameAndPassword',
					description: 'Signs in at /api/2.0/authentication and signs in again when the token expires',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'Sends a token you already have; it is not renewed',
				},
			],
			default: 'userNameAndPassword',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			required: true,
			description: 'The email with which the user signs in to the portal',
			displayOptions: { show: { authentication: ['userNameAndPassword'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['userNameAndPassword'] } },
		},
		{
			displayName: 'Access Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A token issued by POST /api/2.0/authentication, sent as is in the Authorization header',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Session Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Issued For',
			name: 'tokenIssuedFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/** The sign-in details a token is issued for: after any of them changes, the next request signs in. */
	static signInDetails(credentials: ICredentialDataDecryptedObject): unknown[] {
		return [portalOf(credentials), credentials.userName, credentials.password];
	}

	static signInDigest(credentials: ICredentialDataDecryptedObject): string {
		return issuedForDigest(OnlyofficeWorkspaceApi.signInDetails(credentials));
	}

	/**
	 * Signs in at /api/2.0/authentication. n8n calls this when the token is missing, and again when
	 * a request was refused with 401 (expired token, changed details or a wrong password), so a wrong
	 * password fails with ONLYOFFICE's own message. With a pasted token there is nothing to sign in.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'accessToken') return {};
		const accessToken = await signIn(this, {
			vendor: 'ONLYOFFICE',
			request: {
				method: 'POST',
				url: `${portalOf(credentials)}/api/2.0/authentication`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({
					userName: String(credentials.userName ?? ''),
					password: String(credentials.password ?? ''),
				}),
			},
			throttleStatus: THROTTLED,
			tokenIn: (body) => ((body.response ?? {}) as IDataObject).token,
			// The error envelope's message; for an answer that is not the envelope, its HTTP status.
			reasonIn: (body) => ((body.error ?? {}) as IDataObject).message,
		});
		return { accessToken, tokenIssuedFor: OnlyofficeWorkspaceApi.signInDigest(credentials) };
	}

	/**
	 * Sends the raw token in Authorization (ONLYOFFICE takes no scheme) and asks for JSON (it answers
	 * XML otherwise). A token issued for other sign-in details is not sent: ONLYOFFICE answers 401,
	 * and n8n signs in again with the details as they are now.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IDataObject = {
			...without(requestOptions.headers, ['accept', 'authorization']),
			Accept: 'application/json',
		};
		if (credentials.authentication === 'accessToken') {
			headers.Authorization = String(credentials.token ?? '').trim();
		} else if (tokenIssuedFor(credentials, OnlyofficeWorkspaceApi.signInDetails(credentials))) {
			headers.Authorization = String(credentials.accessToken);
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.portalUrl.trim().replace(/\\/+$/, "") }}/api/2.0',
			url: '/people/@self',
		},
	};
}
