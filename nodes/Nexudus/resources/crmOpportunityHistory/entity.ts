import { recordRanges, type NexudusEntity } from '../../entities';
import { pickers } from '../../pickers';

export const crmOpportunityHistory: NexudusEntity = {
	resource: 'crmOpportunityHistory',
	name: 'CrmOpportunityHistory',
	path: '/crm/crmopportunityhistories',
	noun: 'opportunity history entry',
	nounPlural: 'opportunity history entries',
	fields: [
		{
			property: 'NewCrmBoardColumnId',
			displayName: 'New Board Column ID',
			type: 'number',
			required: true,
			description: 'The board column (stage) the opportunity moved to',
		},
		{
			property: 'CrmOpportunityId',
			displayName: 'Opportunity ID',
			type: 'number',
			description: 'The opportunity that moved',
		},
		{
			property: 'FromTime',
			displayName: 'From Time',
			type: 'dateTime',
			description: 'When the opportunity entered the previous stage',
		},
		{
			property: 'OldCrmBoardColumnId',
			displayName: 'Old Board Column ID',
			type: 'number',
			description: 'The board column (stage) the opportunity left; empty for its first placement',
		},
		{
			property: 'ToTime',
			displayName: 'To Time',
			type: 'dateTime',
			description: 'When the opportunity left the previous stage for the new one',
		},
		{
			property: 'UserId',
			displayName: 'User',
			type: 'record',
			picker: pickers.user,
			description: 'The admin user who moved the opportunity',
		},
	],
	sortable: ['FromTime', 'ToTime', 'CreatedOn', 'UpdatedOn', 'Id'],
	ranges: [
		{ property: 'FromTime', displayName: 'From Time', type: 'dateTime' },
		{ property: 'ToTime', displayName: 'To Time', type: 'dateTime' },
		...recordRanges,
	],
};
