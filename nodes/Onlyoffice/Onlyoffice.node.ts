import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAsDescribed } from '../shared/executor';
import { onlyofficeIcon } from './icon';
import {
	searchContacts,
	searchTaskCategories,
	searchTasks,
	searchUsers,
} from './listSearch/searchRecords';
import { taskCategoryDescription, taskDescription } from './resources';
import { resourceSelector } from './resources/resourceSelector';
import { onlyofficeApi } from './transport';

export class Onlyoffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE Workspace CRM',
		name: 'onlyoffice',
		icon: onlyofficeIcon,
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage CRM tasks and task categories in ONLYOFFICE Workspace',
		defaults: { name: 'ONLYOFFICE Workspace CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlyofficeWorkspaceApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.portalUrl.replace(/\\/+$/, "") + "/api/2.0" }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		requestOperations: { pagination: sendAsDescribed(onlyofficeApi) },
		properties: [resourceSelector, ...taskDescription, ...taskCategoryDescription],
	};

	methods = {
		listSearch: { searchContacts, searchTaskCategories, searchTasks, searchUsers },
	};
}
