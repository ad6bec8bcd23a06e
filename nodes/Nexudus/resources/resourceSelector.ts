import type { INodeProperties } from 'n8n-workflow';

/** The Resource selector the node and the trigger share. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Coworker Task', value: 'coworkerTask' },
		{ name: 'Opportunity History Entry', value: 'crmOpportunityHistory' },
	],
	default: 'coworkerTask',
	description:
		'Coworker tasks are the to-dos of admin users about a customer; opportunity history entries record each move of a CRM opportunity from one board column (stage) to another',
};
