import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerAccount } from '../shared/polling/account';
import { readChoice } from '../shared/polling/events';
import { pollSnapshot } from '../shared/polling/pollSnapshot';
import { simplifyField, triggerTasks } from '../shared/task/simplify';
import { onlyofficeIcon } from './icon';
import { searchTaskCategories, searchUsers } from './listSearch/searchRecords';
import { onlyofficeTaskMapping } from './resources/task/taskMapping';
import { onlyofficeApi } from './transport';
import { eventSelector } from './trigger/events';
import { checkTriggerFilters, triggerFilters } from './trigger/filters';
import { onlyofficeSnapshotFeed, type TaskEvent } from './trigger/snapshotFeed';

export class OnlyofficeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE Workspace CRM Trigger',
		name: 'onlyofficeTrigger',
		icon: onlyofficeIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Task " + $parameter["event"] }}',
		description: 'Starts the workflow when CRM tasks are created, changed, closed or reopened',
		defaults: { name: 'ONLYOFFICE Workspace CRM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onlyofficeWorkspaceApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Task', value: 'task' }],
				default: 'task',
				description: 'The CRM records to watch',
			},
			eventSelector,
			triggerFilters,
			simplifyField(),
			{
				displayName:
					'ONLYOFFICE gives tasks no change time: each poll reads every task the filters let through (one request per 500 tasks) and compares it with the previous poll. Filters make polls cheaper.',
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { listSearch: { searchTaskCategories, searchUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = readChoice<TaskEvent>(this, eventSelector);
		const filters = checkTriggerFilters(this);
		const account = await triggerAccount(this, onlyofficeApi, {
			url: 'portalUrl',
			user: 'userName',
		});
		const emitted = await pollSnapshot(
			this,
			onlyofficeSnapshotFeed(this, { event, filters, account }),
		);
		return emitted && [await triggerTasks(this, emitted[0], { mapping: onlyofficeTaskMapping })];
	}
}
