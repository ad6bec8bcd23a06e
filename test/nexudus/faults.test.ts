import { nexudusApi } from '../../nodes/Nexudus/transport';
import operations from '../../examples/nexudus-operations.workflow.json';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { describeFaultsProof } from '../helpers/reliability/faults';
import {
	createNexudusSandbox,
	NEXUDUS_ADMIN_EMAIL,
	NEXUDUS_ADMIN_PASSWORD,
} from '../sandbox/nexudus';

describeFaultsProof({
	vendor: 'Nexudus',
	api: nexudusApi,
	operations: operations as unknown as SavedWorkflow,
	emulator: () => {
		const sandbox = createNexudusSandbox({ now: () => new Date('2026-11-20T08:00:00Z') });
		return (req, res) => sandbox.handler(req, res);
	},
	// Bearer Token: the run's first request signs in, and Nexudus issues the token.
	credentials: (url) => ({
		authentication: 'bearerToken',
		email: NEXUDUS_ADMIN_EMAIL,
		password: NEXUDUS_ADMIN_PASSWORD,
		baseUrl: `${url}/api`,
		accessToken: '',
	}),
	// Nexudus' answer when it fails.
	errorBody: (message) => ({ WasSuccessful: false, Message: message, Errors: null }),
	signIn: /^\/api\/token$/,
	signInMessage: (answer, attempts) => {
		if (answer === 'no answer')
			return 'Nexudus could not be reached to sign in: timeout of 200ms exceeded';
		if (answer.status === 409)
			return 'Nexudus did not issue an access token: Nexudus is still throttling sign-ins; try again in a minute';
		// Nexudus explains a refused sign-in in error_description (OAuth); text is shown as it came.
		const reason =
			answer.contentType.startsWith('text/html') || answer.status === 200 ? answer.body : '';
		return `Nexudus did not issue an access token: ${reason || `HTTP ${answer.status}`} (${attempts} attempts)`;
	},
});
