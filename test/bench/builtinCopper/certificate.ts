/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- local tooling, not shipped */
/**
 * A throwaway TLS certificate for one host name, made at run time with openssl and never kept:
 * the n8n process trusts it through NODE_EXTRA_CA_CERTS, so no certificate lives in the repository
 * and nothing on the machine (its trust store, /etc/hosts) changes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Certificate {
	/** PEM private key, for the TLS server that poses as the host. */
	key: string;
	/** PEM certificate, for that server and for whoever must trust it. */
	cert: string;
	/** Where the certificate is on disk, for NODE_EXTRA_CA_CERTS. */
	certPath: string;
}

/**
 * Makes a self-signed certificate for `host` in `folder`. Self-signed, so that the certificate is
 * its own trust anchor: one file serves the server and the client's extra CA list alike.
 */
export function makeCertificate(host: string, folder: string): Certificate {
	const keyPath = join(folder, `${host}.key.pem`);
	const certPath = join(folder, `${host}.cert.pem`);
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			`/CN=${host}`,
			'-addext',
			`subjectAltName=DNS:${host}`,
			'-keyout',
			keyPath,
			'-out',
			certPath,
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
}
