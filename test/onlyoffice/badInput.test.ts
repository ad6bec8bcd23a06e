import { proveBadActionInput, proveBadTriggerInput } from '../helpers/reliability/badInput';
import { NODE, TRIGGER, passwordCredentials } from './credentials';
import { onlyofficeBadInputs, onlyofficeTriggerBadInputs } from './fixtures/badInput';

const onlyoffice = { vendor: 'ONLYOFFICE', credentials: passwordCredentials };

proveBadActionInput(
	{ ...onlyoffice, node: 'ONLYOFFICE', type: NODE, resource: 'task' },
	onlyofficeBadInputs,
);
proveBadTriggerInput(
	{ ...onlyoffice, node: 'ONLYOFFICE Trigger', type: TRIGGER },
	onlyofficeTriggerBadInputs,
);
