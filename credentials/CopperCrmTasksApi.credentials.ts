import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/** Copper's Developer API key, sent with its owner's email in Copper's own headers. */
export class CopperCrmTasksApi implements ICredentialType {
	name = 'copperCrmTasksApi';

	displayName = 'Copper CRM Tasks API';

	documentationUrl = 'https://developer.copper.com/introduction/authentication.html';

	icon: Icon = { light: 'file:../icons/copper.svg', dark: 'file:../icons/copper.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Made in Copper under Settings → Integrations → API Keys',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			required: true,
			description: 'The email of the Copper user who made the API key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.copper.com/developer_api/v1',
			description: 'Change it only for a proxy or a local sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-PW-AccessToken': '={{ $credentials.apiKey }}',
				'X-PW-Application': 'developer_api',
				'X-PW-UserEmail': '={{ $credentials.email }}',
			},
		},
	};

	/** Copper answers 401 on a wrong key or email. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/account',
			method: 'GET',
		},
	};
}
