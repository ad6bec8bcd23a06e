import { pickers } from '../../pickers';
import { entityDescription } from '../shared/description';
import type { NexudusFilter } from '../shared/find';
import { crmOpportunityHistory } from './entity';

/** The search filters Nexudus documents for opportunity history entries. */
const crmOpportunityHistoryFilters: NexudusFilter[] = [
	{
		property: 'CrmOpportunity',
		displayName: 'Opportunity',
		type: 'record',
		picker: pickers.crmOpportunity,
	},
	{
		property: 'OldCrmBoardColumn',
		displayName: 'Old Board Column',
		type: 'record',
		picker: pickers.crmBoardColumn,
	},
	{ property: 'CrmOpportunity_Id', displayName: 'Opportunity ID', type: 'id' },
	{ property: 'OldCrmBoardColumn_Name', displayName: 'Old Board Column Name', type: 'string' },
	{
		property: 'NewCrmBoardColumn',
		displayName: 'New Board Column',
		type: 'record',
		picker: pickers.crmBoardColumn,
	},
	{ property: 'NewCrmBoardColumn_Name', displayName: 'New Board Column Name', type: 'string' },
	{ property: 'FromTime', displayName: 'From Time', type: 'dateTime' },
	{ property: 'ToTime', displayName: 'To Time', type: 'dateTime' },
	{ property: 'User', displayName: 'User', type: 'record', picker: pickers.user },
	{ property: 'User_FullName', displayName: 'User Full Name', type: 'string' },
	{ property: 'SystemId', displayName: 'System ID', type: 'string' },
];

export const crmOpportunityHistoryDescription = entityDescription(
	crmOpportunityHistory,
	crmOpportunityHistoryFilters,
);
