import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/Cotalker/transport';

/** A Cotalker API token (a bot user's bearer token), for one Cotalker environment. */
export class CotalkerApi implements ICredentialType {
	name = 'cotalkerApi';

	displayName = 'Cotalker API';

	documentationUrl = 'https://doc.cotalker.com/docs/documentation/admin/admin_token';

	icon: Icon = { light: 'file:../icons/cotalker.svg', dark: 'file:../icons/cotalker.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production (www.cotalker.com)', value: 'production' },
				{ name: 'Demo (demo.cotalker.com)', value: 'demo' },
				{ name: 'Custom', value: 'custom', description: 'Another address, e.g. a proxy' },
			],
			default: 'production',
			description: 'The Cotalker environment your company is on',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			placeholder: 'https://cotalker.example.com',
			default: '',
			required: true,
			description: 'The address of the Cotalker environment, without /api',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Made in the Cotalker admin panel under API Tokens, for a bot user with the access roles the workflow needs',
		},
		{
			displayName: 'Admin Access',
			name: 'admin',
			type: 'boolean',
			default: true,
			description:
				'Whether to send the Admin header on every request, so that lists include every task of a group and not only those of the token\'s user. Writes always send it, as Cotalker requires.',
		},
	];

	/** Sends the token as a bearer token, and the Admin header when Admin Access is on. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.token ?? '').trim()}`,
				...(credentials.admin === true ? { Admin: 'true' } : {}),
			},
		};
	}

	/** Cotalker answers 401 on a wrong or revoked token. */
	test: ICredentialTestRequest = {
		request: { baseURL: BASE_URL_EXPRESSION, url: '/api/v2/users/me', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Cotalker refused the API token: check the token and the environment',
				},
			},
		],
	};
}
