import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerAccount } from '../shared/polling/account';
import { eventSelector, readChoice, type ChangeEvent } from '../shared/polling/events';
import { pollChanges } from '../shared/polling/pollChanges';
import { simplifyField, triggerTasks } from '../shared/task/simplify';
import { copperIcon } from './icon';
import { searchUsers } from './listSearch/searchRecords';
import { resourceSelector } from './resources/resourceSelector';
import { taskOutput } from './resources/task/record';
import { copperApi } from './transport';
import { copperChangeFeed } from './trigger/changeFeed';
import { checkTriggerFilters, triggerFilters } from './trigger/filters';

export class CopperTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Copper CRM Tasks Trigger',
		name: 'copperTrigger',
		icon: copperIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] + ": " + $parameter["resource"] }}',
		description: 'Starts the workflow when Copper tasks are created or changed',
		defaults: { name: 'Copper CRM Tasks Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'copperCrmTasksApi', required: true }],
		properties: [
			resourceSelector,
			eventSelector('task'),
			triggerFilters,
			simplifyField({ resource: ['task'] }),
		],
	};

	methods = { listSearch: { searchUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = readChoice<ChangeEvent>(this, eventSelector('task'));
		const filters = checkTriggerFilters(this);
		const account = await triggerAccount(this, copperApi);
		const output = await pollChanges(this, copperChangeFeed(this, { event, filters, account }));
		return output && [await triggerTasks(this, output[0], taskOutput)];
	}
}
