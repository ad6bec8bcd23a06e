import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { relatedTypes } from '../resources/task/relatedTypes';
import { searchRecords } from './searchRecords';

/** One searchable list per kind of record a task can be related to, searched by name. */
const byType = Object.fromEntries(
	relatedTypes.map(({ value, path }) => [
		value,
		searchRecords({
			path,
			sortBy: 'name',
			searchesByName: true,
			label: (record) => String(record.name ?? record.id),
		}),
	]),
);

/**
 * The records of the type chosen beside the picker (Related To), searched by name. The type is
 * read from the sibling parameter, as n8n sends the picker's own path with the search.
 */
export async function searchRelatedRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const type = String(this.getCurrentNodeParameter('&type') ?? 'project');
	const search = byType[type] ?? byType.project;
	return await search.call(this, filter, paginationToken);
}
