import operations from '../../examples/nexudus-operations.workflow.json';
import triggers from '../../examples/nexudus-trigger.workflow.json';
import { describeSecretsProof } from '../helpers/reliability/secrets';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { createNexudusSandbox, NEXUDUS_ADMIN_EMAIL } from '../sandbox/nexudus';

/** Distinctive: no Nexudus answer or n8n message could hold them by chance. */
const PASSWORD = 'nexudus password/Tg7+Mw2&Lq-never-shown';
/** Base32, as Nexudus shows it for two-factor sign-in. */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, on purpose
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPNEVERSHOWNTOTPZQ';

for (const authentication of ['bearerToken', 'basicAuth']) {
	describeSecretsProof({
		vendor: `Nexudus (${authentication === 'basicAuth' ? 'Basic Auth' : 'Bearer Token'})`,
		credentialType: 'nexudusSpacesApi',
		throttleStatus: 409,
		operations: operations as unknown as SavedWorkflow,
		triggers: triggers as unknown as SavedWorkflow,
		emulator: () => {
			const sandbox = createNexudusSandbox({
				admins: [{ email: NEXUDUS_ADMIN_EMAIL, password: PASSWORD }],
				now: () => new Date('2026-11-20T08:00:00Z'),
			});
			return (req, res) => sandbox.handler(req, res);
		},
		// With Bearer Token, the first request of each path signs in and Nexudus issues a token.
		credentials: (url) => ({
			authentication,
			email: NEXUDUS_ADMIN_EMAIL,
			password: PASSWORD,
			totpSecret: TOTP_SECRET,
			baseUrl: `${url}/api`,
			accessToken: '',
		}),
		wrongSecrets: {
			password: 'wrong nexudus password/Fy9+Dp4&Hc-typed-by-user',
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, on purpose
			totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPJQWE',
		},
	});
}
