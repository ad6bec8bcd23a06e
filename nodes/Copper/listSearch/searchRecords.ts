import type { IDataObject } from 'n8n-workflow';

import { recordSearches, type RecordSearch } from '../../shared/listSearch';
import { copperApi, copperBaseUrl, copperPaging } from '../transport';

/** What a record list shows: which search endpoint, in which order, and the label. */
interface CopperSearch extends RecordSearch {
	path: string;
	sortBy?: string;
	/** Whether the endpoint searches by `name` itself; else the typed text narrows each page. */
	searchesByName?: boolean;
}

const contains = (text: unknown, filter: string) =>
	String(text ?? '')
		.toLowerCase()
		.includes(filter.toLowerCase());

/** A listSearch method over a Copper search endpoint: POST with paging in the body. */
export const searchRecords = recordSearches<CopperSearch>({
	api: copperApi,
	pageSize: 200,
	requestPage: async (context, { path, sortBy, searchesByName }, filter, page, size) => ({
		method: 'POST',
		baseURL: await copperBaseUrl(context),
		url: path,
		body: {
			page_number: page,
			page_size: size,
			...(sortBy ? { sort_by: sortBy, sort_direction: 'asc' } : {}),
			...(searchesByName && filter ? { name: filter } : {}),
		},
	}),
	readPage: copperPaging.readPage,
	recordId: (record) => String(record.id),
});

const named = (record: IDataObject) => String(record.name ?? record.id);

/** Tasks by name. Copper's task search has no name filter, so the typed text narrows each page. */
export const searchTasks = searchRecords({
	path: '/tasks/search',
	sortBy: 'name',
	label: (task) => `${named(task)}${task.status === 'Completed' ? ' (completed)' : ''}`,
	matches: (task, filter) => contains(task.name, filter),
});

/** Users by name, with their email; the typed text matches either. */
export const searchUsers = searchRecords({
	path: '/users/search',
	label: (user) => `${named(user)}${user.email ? ` (${String(user.email)})` : ''}`,
	matches: (user, filter) => contains(user.name, filter) || contains(user.email, filter),
});
