import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport/request';
import { nexudusApi, nexudusBaseUrl } from '../transport';

const PAGE_SIZE = 50;

/** What a record list shows: where to search, which filter the search text goes to, the label. */
interface RecordSearch {
	path: string;
	textFilter: string;
	orderBy: string;
	/** 1 for ascending (the default), -1 for newest first. */
	dir?: 1 | -1;
	label: (record: IDataObject) => string;
}

/** A listSearch method over a Nexudus search endpoint, searching server-side and paging. */
function searchRecords({ path, textFilter, orderBy, dir = 1, label }: RecordSearch) {
	return async function search(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 1);
		const body = await vendorRequest<IDataObject>(this, nexudusApi, {
			method: 'GET',
			baseURL: await nexudusBaseUrl(this),
			url: path,
			qs: { page, size: PAGE_SIZE, orderBy, dir, ...(filter ? { [textFilter]: filter } : {}) },
		});
		const records = (body.Records as IDataObject[] | undefined) ?? [];
		return {
			results: records.map((record) => ({ name: label(record), value: String(record.Id) })),
			paginationToken: body.HasNextPage === true ? String(page + 1) : undefined,
		};
	};
}

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
