import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { AUTH_HEADERS, BASE_URL } from './credentials';

/** Copper as nock intercepts it: every request must carry the three X-PW-* headers. */
export const copper = () => nock(BASE_URL, { reqheaders: AUTH_HEADERS });

/** One POST /tasks/search as Copper received it. */
export interface SentSearch {
	/** The path below the base URL, with the query string if one was sent. */
	path: string;
	body: IDataObject;
}

/** What Copper answers to one search: a bare array, and X-PW-TOTAL unless `total` is left out. */
export interface SearchReply {
	tasks: IDataObject[];
	total?: number;
}

/** The base URL's path, which nock includes in the paths it hands over. */
const BASE_PATH = new URL(BASE_URL).pathname;

/** The request body as nock hands it over: parsed JSON, or text to parse. */
const parsedBody = (body: unknown): IDataObject =>
	(typeof body === 'string' ? JSON.parse(body) : body) as IDataObject;

/**
 * Answers one POST /tasks/search per reply, in order, each only with the credential's headers and
 * a JSON content type. Any query string is accepted and recorded in `sent`, so that a test sees a
 * page sent in the query instead of an unmatched request.
 */
export function searchTasks(replies: SearchReply[]) {
	const sent: SentSearch[] = [];
	const scope = copper();
	for (const reply of replies) {
		scope
			.post((path) => path.split('?')[0] === `${BASE_PATH}/tasks/search`)
			.matchHeader('content-type', 'application/json')
			.reply((path, body) => {
				sent.push({ path: path.slice(BASE_PATH.length), body: parsedBody(body) });
				const headers = reply.total === undefined ? {} : { 'X-PW-TOTAL': String(reply.total) };
				return [200, reply.tasks, headers];
			});
	}
	return { scope, sent };
}

/** The body of search page `page_number` of `page_size`, after `filters`. */
export const searchBody = (filters: IDataObject, page_number: number, page_size: number) => ({
	...filters,
	page_number,
	page_size,
});

/** The sort the node sends when the user chooses none: newest first. */
export const NEWEST_FIRST = { sort_by: 'date_created', sort_direction: 'desc' };

/** Definitions as GET /custom_field_definitions answers them, exactly once. */
export const customFieldDefinitions = (definitions: IDataObject[]) =>
	copper().get('/custom_field_definitions').reply(200, definitions);
