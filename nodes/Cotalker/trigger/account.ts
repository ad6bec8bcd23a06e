import type { IPollFunctions } from 'n8n-workflow';

import { digest } from '../../shared/digest';
import { cotalkerApi, cotalkerBaseUrl } from '../transport';

/** The account a Cotalker trigger watches, as part of its configuration. */
export interface CotalkerAccount {
	/** The environment's address, without a trailing slash. */
	baseURL: string;
	/** A digest of the API token: another token (another bot user) starts afresh. Never the token. */
	token: string;
	/** Whether requests carry the Admin header, which widens the tasks Cotalker lists. */
	admin: boolean;
}

/**
 * The credential's account. Pointing the trigger at another environment, token or Admin Access
 * changes which tasks it sees, so it starts again from the newest change instead of comparing.
 * The trigger's state keeps only a digest of the whole configuration.
 */
export async function cotalkerAccount(context: IPollFunctions): Promise<CotalkerAccount> {
	const credentials = await context.getCredentials(cotalkerApi.credentialType);
	return {
		baseURL: await cotalkerBaseUrl(context),
		token: digest(String(credentials.token ?? '').trim()),
		admin: credentials.admin === true,
	};
}
