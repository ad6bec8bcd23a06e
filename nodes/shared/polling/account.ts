import type { IPollFunctions } from 'n8n-workflow';

import { baseUrlOf } from '../transport/baseUrl';
import type { VendorApi } from '../transport/vendorApi';

/** The account a trigger watches: the API address, and the user the credential acts as. */
export interface TriggerAccount {
	/** The API base URL, without a trailing slash. */
	baseURL: string;
	/** The credential's user (its `email`). */
	email: string;
}

/**
 * The account of the trigger's credential (`fields` name its URL and user fields). It is part of the trigger's configuration: pointing the
 * trigger at another account starts it afresh instead of comparing two accounts' records.
 */
export async function triggerAccount(
	context: IPollFunctions,
	api: VendorApi,
	fields: { url: string; user: string } = { url: 'baseUrl', user: 'email' },
): Promise<TriggerAccount> {
	const credentials = await context.getCredentials(api.credentialType);
	return {
		baseURL: await baseUrlOf(context, api, fields.url),
		email: String(credentials[fields.user]),
	};
}
