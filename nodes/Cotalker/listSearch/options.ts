import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchPages } from '../../shared/transport/paging';
import { cotalkerApi, cotalkerBaseUrl, cotalkerPaging } from '../transport';
import { userLabel } from './searchRecords';

/** Every page of the v2 list `/api/v2/<key>`, whose records are under `data.<key>`. */
async function everyRecord(context: ILoadOptionsFunctions, key: string): Promise<IDataObject[]> {
	return await fetchPages(context, cotalkerApi, cotalkerPaging({ arrayKey: key }), {
		method: 'GET',
		baseURL: await cotalkerBaseUrl(context),
		url: `/api/v2/${key}`,
		headers: { Accept: 'application/json' },
	});
}

/** A property's name as users see it, with its type: "High (priority)". */
const propertyName = (property: IDataObject) => {
	const name = (property.name ?? {}) as IDataObject;
	const display = String(name.display ?? name.code ?? property._id);
	return property.propertyType ? `${display} (${String(property.propertyType)})` : display;
};

/**
 * Every property (COTProperty) of the company, all pages of `GET /api/v2/properties`, by name:
 * the values of a task's status1..5 and of the status filters. n8n's dropdown narrows the list as
 * the user types.
 */
export async function getProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await everyRecord(this, 'properties'))
		.map((property) => ({ name: propertyName(property), value: String(property._id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every user of the company, all pages of `GET /api/v2/users`, by name and email: the choices of
 * a task's editors and followers.
 */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await everyRecord(this, 'users'))
		.map((user) => ({ name: userLabel(user), value: String(user._id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
