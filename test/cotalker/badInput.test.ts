import { proveBadActionInput, proveBadTriggerInput } from '../helpers/reliability/badInput';
import { NODE, TRIGGER, cotalkerCredentials } from './credentials';
import { cotalkerBadInputs, cotalkerTriggerBadInputs } from './fixtures/badInput';

const cotalker = { vendor: 'Cotalker', credentials: cotalkerCredentials };

proveBadActionInput(
	{ ...cotalker, node: 'Cotalker', type: NODE, resource: 'task' },
	cotalkerBadInputs,
);
proveBadTriggerInput(
	{ ...cotalker, node: 'Cotalker Trigger', type: TRIGGER },
	cotalkerTriggerBadInputs,
);
