import operations from '../../examples/copper-operations.workflow.json';
import triggers from '../../examples/copper-trigger.workflow.json';
import { describeSecretsProof } from '../helpers/reliability/secrets';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { COPPER_BASE_PATH, COPPER_USER_EMAIL, createCopperSandbox } from '../sandbox/copper';

/** Distinctive: no Copper answer or n8n message could hold it by chance. */
const API_KEY = 'copper key/Q7xZ+9wLm&2-never-shown';

describeSecretsProof({
	vendor: 'Copper',
	credentialType: 'copperCrmTasksApi',
	throttleStatus: 429,
	operations: operations as unknown as SavedWorkflow,
	triggers: triggers as unknown as SavedWorkflow,
	emulator: () => {
		const sandbox = createCopperSandbox({ keys: [{ key: API_KEY, email: COPPER_USER_EMAIL }] });
		return (req, res) => sandbox.handler(req, res);
	},
	credentials: (url) => ({
		apiKey: API_KEY,
		email: COPPER_USER_EMAIL,
		baseUrl: `${url}${COPPER_BASE_PATH}`,
	}),
	wrongSecrets: { apiKey: 'wrong copper key/Vb4+Kp8&Rt-typed-by-user' },
});
