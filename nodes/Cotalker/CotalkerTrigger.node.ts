import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { cotalkerIcon } from './icon';

export class CotalkerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cotalker Trigger',
		name: 'cotalkerTrigger',
		icon: cotalkerIcon,
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow when Cotalker tasks are created, changed or move state',
		defaults: { name: 'Cotalker Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cotalkerApi', required: true }],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return null;
	}
}
