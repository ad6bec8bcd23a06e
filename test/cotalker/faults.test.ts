import { cotalkerApi } from '../../nodes/Cotalker/transport';
import operations from '../../examples/cotalker-operations.workflow.json';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { describeFaultsProof } from '../helpers/reliability/faults';
import { COTALKER_TOKEN, createCotalkerSandbox } from '../sandbox/cotalker';

describeFaultsProof({
	vendor: 'Cotalker',
	api: cotalkerApi,
	operations: operations as unknown as SavedWorkflow,
	emulator: () => {
		const sandbox = createCotalkerSandbox();
		return (req, res) => sandbox.handler(req, res);
	},
	credentials: (url) => ({
		environment: 'custom',
		baseUrl: url,
		token: COTALKER_TOKEN,
		admin: true,
	}),
});
