import type { IPollFunctions } from 'n8n-workflow';

import { nexudusApi, nexudusBaseUrl } from '../transport';

/** The Nexudus account a trigger watches: every Nexudus tenant shares one API address. */
export interface NexudusAccount {
	/** The API base URL, without a trailing slash. */
	baseURL: string;
	/** The admin the credential signs in as. */
	email: string;
}

export async function nexudusAccount(context: IPollFunctions): Promise<NexudusAccount> {
	const credentials = await context.getCredentials(nexudusApi.credentialType);
	return { baseURL: await nexudusBaseUrl(context), email: String(credentials.email) };
}
