import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSelector, readChoice, type ChangeEvent } from '../shared/polling/events';
import { pollChanges } from '../shared/polling/pollChanges';
import { simplifyField, triggerTasks } from '../shared/task/simplify';
import { checkTriggerFilters, triggerFilters } from './trigger/filters';
import { nexudusChangeFeed } from './trigger/changeFeed';
import { nexudusEntities } from './resources';
import { nexudusIcon } from './icon';
import { triggerAccount } from '../shared/polling/account';
import { nexudusApi } from './transport';
import { resourceSelector } from './resources/resourceSelector';
import {
	searchBusinesses,
	searchCoworkers,
	searchCrmBoardColumns,
	searchCrmOpportunities,
	searchUsers,
} from './listSearch/searchRecords';

export class NexudusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexudus Spaces Trigger',
		name: 'nexudusTrigger',
		icon: nexudusIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] + ": " + $parameter["resource"] }}',
		description: 'Starts the workflow when coworker tasks or opportunity history entries change',
		defaults: { name: 'Nexudus Spaces Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexudusSpacesApi', required: true }],
		properties: [
			resourceSelector,
			eventSelector('record'),
			triggerFilters('coworkerTask'),
			triggerFilters('crmOpportunityHistory'),
			simplifyField({ resource: ['coworkerTask'] }),
		],
	};

	methods = {
		listSearch: {
			searchBusinesses,
			searchCoworkers,
			searchCrmBoardColumns,
			searchCrmOpportunities,
			searchUsers,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const resource = readChoice(this, resourceSelector);
		const entity = nexudusEntities.find((candidate) => candidate.resource === resource)!;
		const event = readChoice<ChangeEvent>(this, eventSelector('record'));
		const filters: IDataObject = checkTriggerFilters(this, entity);
		const account = await triggerAccount(this, nexudusApi);
		const emitted = await pollChanges(
			this,
			nexudusChangeFeed(this, { entity, event, filters, account }),
		);
		if (!emitted || !entity.task) return emitted;
		return [await triggerTasks(this, emitted[0], { mapping: entity.task.mapping })];
	}
}
