import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { issuedForDigest, tokenIssuedFor } from '../nodes/shared/signIn/issuedFor';
import { signIn } from '../nodes/shared/signIn/signIn';
import { totpCode } from '../nodes/shared/totp';

/** Nexudus throttles with HTTP 409, its token endpoint included. */
const THROTTLED = 409;

const baseUrlOf = (credentials: ICredentialDataDecryptedObject) =>
	String(credentials.baseUrl).replace(/\/+$/, '');

export class NexudusSpacesApi implements ICredentialType {
	name = 'nexudusSpacesApi';

	displayName = 'Nexudus Spaces API';

	documentationUrl = 'https://developers.nexudus.com/rest-api/authentication';

	icon: Icon = { light: 'file:../icons/nexudus.svg', dark: 'file:../icons/nexudus.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Bearer Token',
					value: 'bearerToken',
					description: 'Signs in once at /api/token and renews the token when it expires',
				},
				{
					name: 'Basic Auth',
					value: 'basicAuth',
					description:
						'Sends the email and password with every request (the node signs in once to check them)',
				},
			],
			default: 'bearerToken',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			required: true,
			description: 'The email of a Nexudus admin user allowed to use the API',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Two-Factor Secret',
			name: 'totpSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for admins who sign in with two-factor authentication: the secret key shown when the authenticator app was set up (base32, e.g. JBSW Y3DP EHPK 3PXP). The node generates the current code at each sign-in.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://spaces.nexudus.com/api',
			description: 'Change it only to reach another Nexudus environment or a local sandbox',
		},
		{
			displayName: 'Access Token',
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

	/**
	 * Which sign-in details a token was issued for. A token is only used with the details it was
	 * issued for: after the email, password, secret or base URL change, the next request signs in.
	 */
	static signInDetails(credentials: ICredentialDataDecryptedObject): unknown[] {
		const { email, password, totpSecret } = credentials;
		return [baseUrlOf(credentials), email, password, totpSecret ?? ''];
	}

	static signInDigest(credentials: ICredentialDataDecryptedObject): string {
		return issuedForDigest(NexudusSpacesApi.signInDetails(credentials));
	}

	/**
	 * Signs in at /api/token. n8n calls this when the token is missing, and again when a request was
	 * refused with 401 (expired token, changed sign-in details, or a wrong password). Both modes sign
	 * in, so that a wrong email or password fails with Nexudus' own reason, in a credential test too;
	 * Basic Auth then sends the email and password and never the token.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const form = new URLSearchParams({
			grant_type: 'password',
			username: String(credentials.email),
			password: String(credentials.password),
		});
		const secret = String(credentials.totpSecret ?? '').trim();
		if (secret) {
			const code = totpCode(secret);
			if (!code) {
				throw new Error(
					'The Two-Factor Secret is not a valid base32 key; copy it again from Nexudus',
				);
			}
			form.set('totp', code);
		}
		const accessToken = await signIn(this, {
			vendor: 'Nexudus',
			request: {
				method: 'POST',
				url: `${baseUrlOf(credentials)}/token`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: form.toString(),
			},
			throttleStatus: THROTTLED,
			tokenIn: (body) => body.access_token,
			reasonIn: (body) => body.error_description ?? body.error,
		});
		return { accessToken, tokenIssuedFor: NexudusSpacesApi.signInDigest(credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.authentication === 'basicAuth') {
			return {
				...requestOptions,
				auth: { username: String(credentials.email), password: String(credentials.password) },
			};
		}
		// A token issued for other sign-in details is not sent: Nexudus answers 401, and n8n signs in
		// again with the details as they are now (so a credential test checks the password entered).
		if (!tokenIssuedFor(credentials, NexudusSpacesApi.signInDetails(credentials))) {
			return requestOptions;
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/crm/coworkertasks',
			qs: { size: 1 },
		},
	};
}
