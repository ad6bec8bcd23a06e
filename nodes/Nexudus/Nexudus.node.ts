import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAsDescribed } from '../shared/executor';
import { getCommandParameterFields, getCommands } from './listSearch/commands';
import {
	searchBusinesses,
	searchCoworkerTasks,
	searchCoworkers,
	searchCrmBoardColumns,
	searchCrmOpportunities,
	searchCrmOpportunityHistories,
	searchUsers,
} from './listSearch/searchRecords';
import { coworkerTaskDescription, crmOpportunityHistoryDescription } from './resources';
import { nexudusApi } from './transport';
import { nexudusIcon } from './icon';
import { resourceSelector } from './resources/resourceSelector';

export class Nexudus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexudus Spaces',
		name: 'nexudus',
		icon: nexudusIcon,
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage coworker tasks and opportunity history entries in Nexudus Spaces',
		defaults: { name: 'Nexudus Spaces' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexudusSpacesApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		requestOperations: { pagination: sendAsDescribed(nexudusApi) },
		properties: [resourceSelector, ...coworkerTaskDescription, ...crmOpportunityHistoryDescription],
	};

	methods = {
		listSearch: {
			searchBusinesses,
			searchCoworkerTasks,
			searchCoworkers,
			searchCrmBoardColumns,
			searchCrmOpportunities,
			searchCrmOpportunityHistories,
			searchUsers,
		},
		loadOptions: { getCommands },
		resourceMapping: { getCommandParameterFields },
	};
}
