import { copperApi } from '../../nodes/Copper/transport';
import operations from '../../examples/copper-operations.workflow.json';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { describeFaultsProof } from '../helpers/reliability/faults';
import {
	COPPER_API_KEY,
	COPPER_BASE_PATH,
	COPPER_USER_EMAIL,
	createCopperSandbox,
} from '../sandbox/copper';

describeFaultsProof({
	vendor: 'Copper',
	api: copperApi,
	operations: operations as unknown as SavedWorkflow,
	emulator: () => {
		const sandbox = createCopperSandbox();
		return (req, res) => sandbox.handler(req, res);
	},
	credentials: (url) => ({
		apiKey: COPPER_API_KEY,
		email: COPPER_USER_EMAIL,
		baseUrl: `${url}${COPPER_BASE_PATH}`,
	}),
});
