import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchPages } from '../../shared/transport/paging';
import { nexudusApi, nexudusBaseUrl, nexudusPaging } from '../transport';

/**
 * Every user, by name, for a dropdown whose value is the user's ID. n8n's dropdowns filter as the
 * user types, so one full list (paged at Nexudus' largest page size) serves as the search.
 */
export async function listUsers(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await fetchPages(context, nexudusApi, nexudusPaging, {
		method: 'GET',
		baseURL: await nexudusBaseUrl(context),
		url: '/sys/users',
		qs: { orderBy: 'FullName', dir: 1 },
	});
	return users.map((user) => ({
		name: String(user.FullName ?? user.ToStringText ?? user.Id),
		value: user.Id as number,
	}));
}
