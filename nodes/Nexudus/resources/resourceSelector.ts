import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector the node and the trigger share. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Coworker Task', value: 'coworkerTask' },
		{ name: 'CRM Opportunity History', value: 'crmOpportunityHistory' },
	],
	default: 'coworkerTask',
};
