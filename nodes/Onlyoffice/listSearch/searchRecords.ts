import type { IDataObject } from 'n8n-workflow';

import { recordSearches, type RecordSearch } from '../../shared/listSearch';
import { onlyofficeApi, onlyofficeBaseUrl, onlyofficePaging } from '../transport';

/** What a record list shows: the list endpoint, and the label. */
interface OnlyofficeSearch extends RecordSearch {
	path: string;
	/** Whether the endpoint pages and searches (`filterValue`); else the whole list is narrowed here. */
	pagesAndSearches: boolean;
}

const contains = (text: unknown, filter: string) =>
	String(text ?? '')
		.toLowerCase()
		.includes(filter.toLowerCase());

/** A listSearch method over an ONLYOFFICE list: `filterValue` for the typed text, startIndex/count. */
const searchRecords = recordSearches<OnlyofficeSearch>({
	api: onlyofficeApi,
	pageSize: 100,
	requestPage: async (context, { path, pagesAndSearches }, filter, page, size) => ({
		method: 'GET',
		baseURL: await onlyofficeBaseUrl(context),
		url: path,
		headers: { Accept: 'application/json' },
		qs: pagesAndSearches
			? { startIndex: (page - 1) * size, count: size, ...(filter ? { filterValue: filter } : {}) }
			: {},
	}),
	readPage: onlyofficePaging.readPage,
	recordId: (record) => String(record.id),
});

const titled = (record: IDataObject) => String(record.title ?? record.displayName ?? record.id);

/** People and contacts by name: their `title` is a job title ("Manager"), not what they are called. */
const named = (record: IDataObject) => String(record.displayName ?? record.title ?? record.id);

/** Tasks by title, open ones first, with their deadline day. */
export const searchTasks = searchRecords({
	path: '/crm/task/filter',
	pagesAndSearches: true,
	label: (task) =>
		`${titled(task)}${task.isClosed === true ? ' (closed)' : ''}${
			typeof task.deadLine === 'string' ? `, due ${task.deadLine.slice(0, 10)}` : ''
		}`,
});

/** Users by name, with their email. */
export const searchUsers = searchRecords({
	path: '/people',
	pagesAndSearches: true,
	label: (user) => `${named(user)}${user.email ? ` (${String(user.email)})` : ''}`,
});

/** Contacts (people and companies) by name. */
export const searchContacts = searchRecords({
	path: '/crm/contact/filter',
	pagesAndSearches: true,
	label: (contact) => `${named(contact)}${contact.isCompany === true ? ' (company)' : ''}`,
});

/** Task categories: ONLYOFFICE lists them all at once, so the typed text narrows the list here. */
export const searchTaskCategories = searchRecords({
	path: '/crm/task/category',
	pagesAndSearches: false,
	label: titled,
	matches: (category, filter) => contains(category.title, filter),
});
