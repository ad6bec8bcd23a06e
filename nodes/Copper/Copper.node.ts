import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAsDescribed } from '../shared/executor';
import { copperIcon } from './icon';
import {
	getAssignees,
	getCustomFieldDefinitions,
	getOpportunities,
	getProjects,
} from './listSearch/options';
import { searchRelatedRecords } from './listSearch/relatedRecords';
import { searchTasks, searchUsers } from './listSearch/searchRecords';
import { taskDescription } from './resources';
import { resourceSelector } from './resources/resourceSelector';
import { copperApi } from './transport';

export class Copper implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Copper CRM Tasks',
		name: 'copper',
		icon: copperIcon,
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, find and change tasks in Copper CRM, with every task field',
		defaults: { name: 'Copper CRM Tasks' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'copperCrmTasksApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		requestOperations: { pagination: sendAsDescribed(copperApi) },
		properties: [resourceSelector, ...taskDescription],
	};

	methods = {
		listSearch: { searchRelatedRecords, searchTasks, searchUsers },
		loadOptions: { getAssignees, getCustomFieldDefinitions, getOpportunities, getProjects },
	};
}
