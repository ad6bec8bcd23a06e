import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { digest } from '../digest';

/**
 * The digest of the sign-in details a token is issued for, stored next to the token (in the
 * credential's hidden `tokenIssuedFor`) instead of the details themselves.
 */
export function issuedForDigest(signInDetails: unknown[]): string {
	return digest(signInDetails);
}

/**
 * Whether the stored token was issued for these sign-in details. A token issued for other details
 * (the password, user or URL changed since) must not be sent: the server then answers 401 and n8n
 * signs in again with the details as they are now, so a wrong password never passes on an old token.
 */
export function tokenIssuedFor(
	credentials: ICredentialDataDecryptedObject,
	signInDetails: unknown[],
): boolean {
	return (
		typeof credentials.accessToken === 'string' &&
		credentials.accessToken !== '' &&
		credentials.tokenIssuedFor === issuedForDigest(signInDetails)
	);
}
