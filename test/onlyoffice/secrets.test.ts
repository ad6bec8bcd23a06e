import triggers from '../../examples/onlyoffice-trigger.workflow.json';
import { describeSecretsProof } from '../helpers/reliability/secrets';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { createOnlyofficeSandbox, ONLYOFFICE_USER_NAME, SEED_USERS } from '../sandbox/onlyoffice';
import { everyOperation } from './everyOperation';

/** Distinctive: no ONLYOFFICE answer or n8n message could hold it by chance. */
const PASSWORD = 'onlyoffice password/Rm8+Nc4&Vd-never-shown';

describeSecretsProof({
	vendor: 'ONLYOFFICE',
	credentialType: 'onlyofficeWorkspaceApi',
	throttleStatus: 503,
	operations: everyOperation,
	triggers: triggers as unknown as SavedWorkflow,
	emulator: () => {
		const sandbox = createOnlyofficeSandbox({
			accounts: [{ userName: ONLYOFFICE_USER_NAME, password: PASSWORD, userId: SEED_USERS[0].id }],
		});
		return (req, res) => sandbox.handler(req, res);
	},
	// Not signed in: the first request of each path signs in, and the portal issues a token.
	credentials: (url) => ({
		portalUrl: url,
		authentication: 'userNameAndPassword',
		userName: ONLYOFFICE_USER_NAME,
		password: PASSWORD,
		accessToken: '',
		tokenIssuedFor: '',
	}),
	wrongSecrets: { password: 'wrong onlyoffice password/Kw6+Bs3&Jn-typed-by-user' },
});
