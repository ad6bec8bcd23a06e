import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchPages } from '../../shared/transport/paging';
import { vendorRequest } from '../../shared/transport/request';
import { copperApi, copperBaseUrl, copperPaging } from '../transport';
import { NONE } from '../resources/task/choices';

/**
 * Every record of a Copper search endpoint, by name, for a multi-select whose values are IDs.
 * n8n's dropdowns filter as the user types, so one full list serves as the search. `none` comes
 * first: Copper's -2, "without one".
 */
const everyRecord = (path: string, none: string) =>
	async function listRecords(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const records = await fetchPages(this, copperApi, copperPaging, {
			method: 'POST',
			baseURL: await copperBaseUrl(this),
			url: path,
			body: path === '/users/search' ? {} : { sort_by: 'name', sort_direction: 'asc' },
		});
		return [
			{ name: none, value: NONE },
			...records.map((record) => ({
				name: `${String(record.name ?? record.id)}${record.email ? ` (${String(record.email)})` : ''}`,
				value: record.id as number,
			})),
		];
	};

export const getAssignees = everyRecord('/users/search', 'No Assignee');
export const getProjects = everyRecord('/projects/search', 'No Project');
export const getOpportunities = everyRecord('/opportunities/search', 'No Opportunity');

/** The custom fields Copper offers on tasks, named with their type, e.g. "Channel (Dropdown)". */
export async function getCustomFieldDefinitions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const definitions = await vendorRequest<IDataObject[]>(this, copperApi, {
		method: 'GET',
		baseURL: await copperBaseUrl(this),
		url: '/custom_field_definitions',
	});
	return (Array.isArray(definitions) ? definitions : [])
		.filter((definition) => (definition.available_on as string[] | undefined)?.includes('task'))
		.map((definition) => ({
			name: `${String(definition.name)} (${String(definition.data_type)})`,
			value: definition.id as number,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
