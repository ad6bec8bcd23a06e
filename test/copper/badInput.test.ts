import { proveBadActionInput, proveBadTriggerInput } from '../helpers/reliability/badInput';
import { NODE, TRIGGER, copperCredentials } from './credentials';
import { copperBadInputs, copperTriggerBadInputs } from './fixtures/badInput';

const copper = { vendor: 'Copper', credentials: copperCredentials };

proveBadActionInput({ ...copper, node: 'Copper', type: NODE, resource: 'task' }, copperBadInputs);
proveBadTriggerInput({ ...copper, node: 'Copper Trigger', type: TRIGGER }, copperTriggerBadInputs);
