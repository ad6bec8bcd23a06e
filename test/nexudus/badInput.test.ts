import { proveBadActionInput, proveBadTriggerInput } from '../helpers/reliability/badInput';
import { NODE, TRIGGER, basicCredentials } from './credentials';
import { nexudusBadInputs, nexudusTriggerBadInputs } from './fixtures/badInput';

const nexudus = { vendor: 'Nexudus', credentials: basicCredentials };

proveBadActionInput(
	{ ...nexudus, node: 'Nexudus', type: NODE, resource: 'coworkerTask' },
	nexudusBadInputs,
);
proveBadTriggerInput(
	{ ...nexudus, node: 'Nexudus Trigger', type: TRIGGER },
	nexudusTriggerBadInputs,
);
