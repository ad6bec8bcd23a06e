import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchPages } from '../../shared/transport/paging';
import { cotalkerApi, cotalkerBaseUrl, cotalkerPaging } from '../transport';

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
	const properties = await fetchPages(this, cotalkerApi, cotalkerPaging({ arrayKey: 'properties' }), {
		method: 'GET',
		baseURL: await cotalkerBaseUrl(this),
		url: '/api/v2/properties',
		headers: { Accept: 'application/json' },
	});
	return properties
		.map((property) => ({ name: propertyName(property), value: String(property._id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
