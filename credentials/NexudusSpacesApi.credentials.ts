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
					description: 'Sends the email and password with every request',
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
	];

	/** Gets a bearer token; n8n calls this when the token is missing or a request got 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'bearerToken') return {};
		const form = new URLSearchParams({
			grant_type: 'password',
			username: String(credentials.email),
			password: String(credentials.password),
		});
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrlOf(credentials)}/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: string | IDataObject };
		const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
		if (response.statusCode >= 400 || typeof body.access_token !== 'string') {
			const reason = body.error_description ?? body.error ?? `HTTP ${response.statusCode}`;
			throw new Error(`Nexudus did not issue an access token: ${String(reason)}`);
		}
		return { accessToken: body.access_token };
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

function safeJson(text: string): IDataObject {
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		return { error: text.slice(0, 200) };
	}
}
