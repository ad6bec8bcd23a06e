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
			displayName: 'New Board Column',
			type: 'record',
			picker: pickers.crmBoardColumn,
			required: true,
			description: 'The board column (CRM stage) the opportunity moved to',
		},
		{
			property: 'CrmOpportunityId',
			displayName: 'Opportunity',
			type: 'record',
			picker: pickers.crmOpportunity,
			description: 'The opportunity that moved, listed by customer name',
		},
		{
			property: 'FromTime',
			displayName: 'From Time',
			type: 'dateTime',
			description: 'When the opportunity entered the previous stage',
		},
		{
			property: 'OldCrmBoardColumnId',
			displayName: 'Old Board Column',
			type: 'record',
			picker: pickers.crmBoardColumn,
			description:
				'The board column (CRM stage) the opportunity left. Leave it out for its first placement.',
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
