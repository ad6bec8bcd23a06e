import operations from '../../examples/cotalker-operations.workflow.json';
import triggers from '../../examples/cotalker-trigger.workflow.json';
import { describeSecretsProof } from '../helpers/reliability/secrets';
import type { SavedWorkflow } from '../helpers/reliability/exampleRun';
import { createCotalkerSandbox, USER_IDS } from '../sandbox/cotalker';
import { NODE } from './credentials';
import { PROJECTS, TASK } from './recordHelpers';
import { picked } from './runCotalker';

/** Distinctive: no Cotalker answer or n8n message could hold it by chance. */
const TOKEN = 'cotalker-token/Hj3+Wq9&Zx-never-shown';

describeSecretsProof({
	vendor: 'Cotalker',
	credentialType: 'cotalkerApi',
	throttleStatus: 429,
	operations: operations as unknown as SavedWorkflow,
	triggers: triggers as unknown as SavedWorkflow,
	// The example's Range reads the last hour by $now: the emulator runs on the real clock.
	emulator: () => {
		const sandbox = createCotalkerSandbox({ tokens: [{ token: TOKEN, userId: USER_IDS.bot }] });
		return (req, res) => sandbox.handler(req, res);
	},
	credentials: (url) => ({ environment: 'custom', baseUrl: url, token: TOKEN, admin: true }),
	wrongSecrets: { token: 'wrong-cotalker-token/Pl5+Ty2&Gb-typed-by-user' },
	// The states offered are those of a task in a task group, as Move to State has them chosen.
	pickerParameters: {
		[NODE]: {
			resource: 'task',
			operation: 'runCommand',
			taskGroup: picked(PROJECTS, 'list'),
			recordId: picked(TASK, 'list'),
		},
	},
});
