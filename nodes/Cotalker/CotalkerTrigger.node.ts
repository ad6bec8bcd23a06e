import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollChanges } from '../shared/polling/pollChanges';
import { triggerTasks } from '../shared/task/simplify';
import { cotalkerIcon } from './icon';
import { searchTaskGroups, searchUsers } from './listSearch/searchRecords';
import { cotalkerTaskMapping } from './resources/task/taskMapping';
import { cotalkerAccount } from './trigger/account';
import { cotalkerChangeFeed } from './trigger/changeFeed';
import { readChoice } from '../shared/polling/events';
import { eventSelector, type CotalkerEvent } from './trigger/events';
import {
	costNotice,
	readAssignee,
	readTaskGroups,
	simplifyParameter,
	taskGroupsParameter,
	triggerFilters,
} from './trigger/parameters';

export class CotalkerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cotalker Trigger',
		name: 'cotalkerTrigger',
		icon: cotalkerIcon,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when Cotalker tasks are created, changed or move state',
		defaults: { name: 'Cotalker Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cotalkerApi', required: true }],
		properties: [costNotice, taskGroupsParameter, eventSelector, simplifyParameter, triggerFilters],
	};

	methods = { listSearch: { searchTaskGroups, searchUsers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = readChoice<CotalkerEvent>(this, eventSelector);
		const taskGroups = readTaskGroups(this);
		const assignee = readAssignee(this);
		const account = await cotalkerAccount(this);
		const changes = await pollChanges(
			this,
			cotalkerChangeFeed(this, { event, taskGroups, assignee, account }),
		);
		return changes && [await triggerTasks(this, changes[0], { mapping: cotalkerTaskMapping })];
	}
}
