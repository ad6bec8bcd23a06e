import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { packageCredentials } from '../package';
import type { Secret } from './secretScan';

/**
 * The secrets of stored credential data: the values of every field its credential type hides
 * (`password: true`: API keys, passwords, TOTP secrets, tokens the vendor issued), each with the
 * user name or email it would be sent with in a Basic Authorization header.
 */
export function credentialSecrets(type: string, data: ICredentialDataDecryptedObject): Secret[] {
	const credential = packageCredentials().find((candidate) => candidate.name === type);
	if (!credential) throw new Error(`Unknown credential type ${type}`);
	const user = [data.email, data.userName].find((value) => typeof value === 'string') as
		| string
		| undefined;
	return credential.properties
		.filter((property) => property.typeOptions?.password === true)
		.flatMap(({ name }) => {
			const value = data[name];
			return typeof value === 'string' && value !== ''
				? [{ name: `${type}.${name}`, value, user }]
				: [];
		});
}
