import { onlyofficeApi } from '../../nodes/Onlyoffice/transport';
import { describeFaultsProof } from '../helpers/reliability/faults';
import {
	createOnlyofficeSandbox,
	ONLYOFFICE_PASSWORD,
	ONLYOFFICE_USER_NAME,
} from '../sandbox/onlyoffice';
import { everyOperation } from './everyOperation';

describeFaultsProof({
	vendor: 'ONLYOFFICE',
	api: onlyofficeApi,
	operations: everyOperation,
	emulator: () => {
		const sandbox = createOnlyofficeSandbox();
		return (req, res) => sandbox.handler(req, res);
	},
	// Not signed in: the run's first request signs in, and the portal issues a token.
	credentials: (url) => ({
		portalUrl: url,
		authentication: 'userNameAndPassword',
		userName: ONLYOFFICE_USER_NAME,
		password: ONLYOFFICE_PASSWORD,
		accessToken: '',
		tokenIssuedFor: '',
	}),
	// ONLYOFFICE's envelope, as it fails.
	errorBody: (message) => ({ status: 1, statusCode: 500, error: { message } }),
	// Text where the envelope should be: the node says the Accept header may have been dropped.
	unreadableMessage: (body) =>
		body.trim() === '' ? undefined : 'ONLYOFFICE answered with something other than JSON',
	signIn: /\/authentication(\.json)?$/,
	signInMessage: (answer, attempts) => {
		if (answer === 'no answer')
			return 'ONLYOFFICE could not be reached to sign in: timeout of 200ms exceeded';
		if (answer.status === 503)
			return 'ONLYOFFICE did not issue an access token: ONLYOFFICE is still throttling sign-ins; try again in a minute';
		// The portal's own message from its envelope, else the status.
		return `ONLYOFFICE did not issue an access token: ${answer.message ?? `HTTP ${answer.status}`} (${attempts} attempts)`;
	},
});
