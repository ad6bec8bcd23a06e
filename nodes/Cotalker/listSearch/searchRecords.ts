import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { objectIds } from '../../shared/idRule';
import { recordSearches, type RecordSearch } from '../../shared/listSearch';
import { cotalkerApi, cotalkerBaseUrl, cotalkerPaging } from '../transport';

/** What a record list shows: the list's path and query, and the label. */
interface CotalkerSearch extends RecordSearch {
	/** The list's path; for tasks, that of the task group chosen in the node. */
	path: (context: ILoadOptionsFunctions) => string;
	/** The query of one page of the records matching `filter` (page/limit are added). */
	query: (filter: string | undefined) => IDataObject;
}

const contains = (text: unknown, filter: string) =>
	String(text ?? '')
		.toLowerCase()
		.includes(filter.toLowerCase());

/** A listSearch method over a Cotalker list: `page` from 1 and `limit`, 100 a page. */
const searchRecords = recordSearches<CotalkerSearch>({
	api: cotalkerApi,
	pageSize: 100,
	requestPage: async (context, search, filter, page, size) => ({
		method: 'GET',
		baseURL: await cotalkerBaseUrl(context),
		url: search.path(context),
		headers: { Accept: 'application/json' },
		qs: { ...search.query(filter?.trim() || undefined), limit: size, page },
	}),
	readPage: cotalkerPaging().readPage,
	recordId: (record) => String(record._id),
});

/** Task groups by their code name (e.g. projects); the list cannot be searched, so pages are narrowed here. */
const listTaskGroups = searchRecords({
	path: () => '/api/v2/task-groups',
	query: () => ({ sortBy: 'collectionName', orderBy: 'asc', count: true }),
	label: (group) => String(group.collectionName ?? group._id),
	matches: (group, filter) => contains(group.collectionName, filter),
});

export async function searchTaskGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listTaskGroups.call(this, filter, paginationToken);
}

/** The ObjectId of the task group chosen in the node, if it is one. */
function chosenTaskGroup(context: ILoadOptionsFunctions): string | undefined {
	const value = context.getCurrentNodeParameter('taskGroup', { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	return new RegExp(objectIds.pattern).test(id) ? id : undefined;
}

const taskGroupPath = (context: ILoadOptionsFunctions) =>
	encodeURIComponent(chosenTaskGroup(context)!);

const taskLabel = (task: IDataObject) =>
	`${task.serial !== undefined ? `#${String(task.serial)} ` : ''}${String(task.name ?? task._id)}`;

/** The tasks of the chosen task group by name (v2 list), labelled with their serial: "#3 Website redesign". */
const listTasks = searchRecords({
	path: (context) => `/api/v2/task-groups/${taskGroupPath(context)}/tasks`,
	query: () => ({ sortBy: 'name', orderBy: 'asc', count: true }),
	label: taskLabel,
});

/** The tasks of the chosen task group matching the typed keywords (v1 search: name, info, serial). */
const findTasks = searchRecords({
	path: (context) => `/api/v1/tasks/${taskGroupPath(context)}/task`,
	query: (filter) => ({ search: filter }),
	label: taskLabel,
});

/**
 * Tasks of the task group chosen in the same node (its `taskGroup` parameter): by name, or by the
 * typed keywords. Until a task group is chosen (or while it is not an ObjectId, e.g. an expression
 * not yet resolved) there is nothing to list and no request is sent: the list is empty, and the
 * task field's hint tells the user to pick the task group first.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (!chosenTaskGroup(this)) return { results: [] };
	const search = filter?.trim() ? findTasks : listTasks;
	return await search.call(this, filter, paginationToken);
}

/** A user's name, with their email: "Ana Rojas (ana@example.com)"; the email alone without a name. */
export const userLabel = (user: IDataObject) => {
	const name = (user.name ?? {}) as IDataObject;
	const display =
		name.displayName ?? ([name.names, name.lastName].filter(Boolean).join(' ') || undefined);
	if (display === undefined) return String(user.email ?? user._id);
	return `${String(display)}${user.email ? ` (${String(user.email)})` : ''}`;
};

/** Users by name or email, searched by Cotalker (`search`). */
const listUsers = searchRecords({
	path: () => '/api/v2/users',
	query: (filter) => ({ ...(filter ? { search: filter } : {}), count: true }),
	label: userLabel,
});

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listUsers.call(this, filter, paginationToken);
}
