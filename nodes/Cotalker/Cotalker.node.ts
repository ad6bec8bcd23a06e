import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { sendAsDescribed } from '../shared/executor';
import { cotalkerIcon } from './icon';
import { getProperties, getUsers } from './listSearch/options';
import { getNextStates, getStates, getWorkflows } from './listSearch/states';
import { searchTaskGroups, searchTasks, searchUsers } from './listSearch/searchRecords';
import { taskDescription, taskGroupDescription } from './resources';
import { resourceSelector } from './resources/resourceSelector';
import { BASE_URL_EXPRESSION, cotalkerApi } from './transport';

export class Cotalker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cotalker',
		name: 'cotalker',
		icon: cotalkerIcon,
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Manage Cotalker task groups and tasks, and move tasks through their workflow states',
		defaults: { name: 'Cotalker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cotalkerApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		requestOperations: { pagination: sendAsDescribed(cotalkerApi) },
		properties: [resourceSelector, ...taskDescription, ...taskGroupDescription],
	};

	methods = {
		listSearch: { searchTaskGroups, searchTasks, searchUsers },
		loadOptions: { getNextStates, getProperties, getStates, getUsers, getWorkflows },
	};
}
