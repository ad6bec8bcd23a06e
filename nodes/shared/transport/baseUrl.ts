import type { ApiContext } from './request';
import type { VendorApi } from './vendorApi';

/** The API base URL from the vendor's credential (its `baseUrl`), without a trailing slash. */
export async function baseUrlOf(
	context: ApiContext,
	api: VendorApi,
	field = 'baseUrl',
): Promise<string> {
	const credentials = await context.getCredentials(api.credentialType);
	return String(credentials[field]).replace(/\/+$/, '');
}
