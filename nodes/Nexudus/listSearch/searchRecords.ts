import type { IDataObject } from 'n8n-workflow';

import { recordSearches, type RecordSearch } from '../../shared/listSearch';
import { nexudusApi, nexudusBaseUrl, nexudusPaging } from '../transport';

/** What a record list shows: where to search, which filter the search text goes to, the label. */
interface NexudusSearch extends RecordSearch {
	path: string;
	textFilter: string;
	orderBy: string;
	/** 1 for ascending (the default), -1 for newest first. */
	dir?: 1 | -1;
}

/** A listSearch method over a Nexudus search endpoint, searching server-side and paging. */
const searchRecords = recordSearches<NexudusSearch>({
	api: nexudusApi,
	pageSize: 50,
	requestPage: async (context, { path, textFilter, orderBy, dir = 1 }, filter, page, size) => ({
		method: 'GET',
		baseURL: await nexudusBaseUrl(context),
		url: path,
		qs: { page, size, orderBy, dir, ...(filter ? { [textFilter]: filter } : {}) },
	}),
	readPage: nexudusPaging.readPage,
	recordId: (record) => String(record.Id),
});

const named = (record: IDataObject) => String(record.Name ?? record.ToStringText ?? record.Id);
const fullNamed = (record: IDataObject) =>
	String(record.FullName ?? record.ToStringText ?? record.Id);

export const searchBusinesses = searchRecords({
	path: '/sys/businesses',
	textFilter: 'Business_Name',
	orderBy: 'Name',
	label: named,
});

export const searchCoworkers = searchRecords({
	path: '/spaces/coworkers',
	textFilter: 'Coworker_FullName',
	orderBy: 'FullName',
	label: fullNamed,
});

export const searchUsers = searchRecords({
	path: '/sys/users',
	textFilter: 'User_FullName',
	orderBy: 'FullName',
	label: fullNamed,
});

export const searchCoworkerTasks = searchRecords({
	path: '/crm/coworkertasks',
	textFilter: 'CoworkerTask_Name',
	orderBy: 'Name',
	label: (task) =>
		`${named(task)}${task.CoworkerFullName ? ` (${String(task.CoworkerFullName)})` : ''}`,
});

export const searchCrmOpportunityHistories = searchRecords({
	path: '/crm/crmopportunityhistories',
	textFilter: 'CrmOpportunityHistory_NewCrmBoardColumn_Name',
	orderBy: 'Id',
	label: (entry) =>
		String(
			entry.ToStringText ?? `#${String(entry.Id)} to ${String(entry.NewCrmBoardColumnName ?? '?')}`,
		),
});

/** Opportunities, named by their customer (and their own name, if any), newest first. */
export const searchCrmOpportunities = searchRecords({
	path: '/crm/crmopportunities',
	textFilter: 'CrmOpportunity_Coworker_FullName',
	orderBy: 'Id',
	dir: -1,
	label: (opportunity) => {
		const customer = String(
			opportunity.CoworkerFullName ?? opportunity.ToStringText ?? opportunity.Id,
		);
		const name = opportunity.Name ? `: ${String(opportunity.Name)}` : '';
		const stage = opportunity.CrmBoardColumnName
			? ` (${String(opportunity.CrmBoardColumnName)})`
			: '';
		return `${customer}${name}${stage}`;
	},
});

/** Board columns (CRM stages), named with their board. */
export const searchCrmBoardColumns = searchRecords({
	path: '/crm/crmboardcolumns',
	textFilter: 'CrmBoardColumn_Name',
	orderBy: 'Name',
	label: (column) =>
		`${named(column)}${column.CrmBoardName ? ` (${String(column.CrmBoardName)})` : ''}`,
});
