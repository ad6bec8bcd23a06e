/**
 * The records a Copper task can be related to (`related_resource.type`, vendors.md §2.3): a few
 * deterministic leads, people, companies, opportunities and projects, and their endpoints
 * `POST /{plural}/search` (name filter, sort by name, body paging, X-PW-TOTAL) and
 * `GET /{plural}/{id}`. The records are fixed: the emulator cannot create or change them.
 */
import { copperError, NOT_FOUND, type Reply } from './replies';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './search';

export type RelatedType = 'lead' | 'person' | 'company' | 'opportunity' | 'project';

/** `{id, name}` and a few of the fields Copper returns for the type. */
export interface RelatedRecord {
	id: number;
	name: string;
	[field: string]: unknown;
}

export type RelatedRecords = Record<RelatedType, RelatedRecord[]>;

/** The API path of each type. */
export const RELATED_PATHS: Record<string, RelatedType> = {
	leads: 'lead',
	people: 'person',
	companies: 'company',
	opportunities: 'opportunity',
	projects: 'project',
};

/** The type whose records live at `/{path}`, if any. */
export function relatedTypeAt(path: string | undefined): RelatedType | undefined {
	return path !== undefined && Object.prototype.hasOwnProperty.call(RELATED_PATHS, path)
		? RELATED_PATHS[path]
		: undefined;
}

const work = (email: string) => [{ email, category: 'work' }];

/**
 * Ids 144296 (project), 4 (opportunity) and 5 (person) are those of the seeded tasks. Ids repeat
 * across types on purpose (opportunity 4 exists, person 4 does not): an id means nothing alone.
 */
export const SEED_RELATED: RelatedRecords = {
	lead: [
		{ id: 8893401, name: 'Jordan Lee', company_name: 'Northwind Traders', status: 'New' },
		{ id: 8893402, name: 'Sam Rivera', company_name: 'Blue Yonder', status: 'Unqualified' },
		{ id: 8893403, name: 'Priya Natarajan', company_name: 'Contoso Pharma', status: 'New' },
	],
	person: [
		{ id: 5, name: 'Kim Tanaka', company_id: 31001, emails: work('kim@acme.example') },
		{ id: 6, name: 'Luis Ortega', company_id: 31002, emails: work('luis@globex.example') },
		{ id: 7, name: 'Mia Svensson', company_id: 31003, emails: work('mia@initech.example') },
		{ id: 8, name: 'Noah Becker', company_id: null, emails: [] },
	],
	company: [
		{ id: 31001, name: 'Acme Corp', email_domain: 'acme.example' },
		{ id: 31002, name: 'Globex', email_domain: 'globex.example' },
		{ id: 31003, name: 'Initech', email_domain: 'initech.example' },
		{ id: 31004, name: 'Umbrella Health', email_domain: 'umbrella.example' },
	],
	opportunity: [
		{ id: 2, name: 'Globex expansion', company_id: 31002, status: 'Open', monetary_value: 48000 },
		{ id: 3, name: 'Initech pilot', company_id: 31003, status: 'Lost', monetary_value: 9500 },
		{ id: 4, name: 'Acme renewal', company_id: 31001, status: 'Open', monetary_value: 120000 },
	],
	project: [
		{ id: 144296, name: 'Website relaunch', status: 'Open' },
		{ id: 144297, name: 'Office move', status: 'Open' },
		{ id: 144298, name: 'Data migration', status: 'Completed' },
	],
};

class RelatedSearchError extends Error {}

function positive(body: Record<string, unknown>, field: string, fallback: number): number {
	const value = body[field] ?? fallback;
	if (!Number.isInteger(value) || (value as number) < 1) {
		throw new RelatedSearchError(`${field} must be a positive integer`);
	}
	return value as number;
}

/**
 * `POST /{plural}/search`: `name` matches case-insensitively anywhere in the name (Copper's
 * "name" filter; substring matching is the emulator's reading [?]). Only `sort_by: "name"` is
 * known to the emulator [?]; ties break by id. Paging as for tasks: body only, page_size
 * clamped to 200. Other body fields are ignored.
 */
export function searchRelated(records: RelatedRecord[], body: Record<string, unknown>): Reply {
	try {
		const { name } = body;
		if (name !== undefined && name !== null && typeof name !== 'string') {
			throw new RelatedSearchError('name must be a string');
		}
		if ((body.sort_by ?? 'name') !== 'name') throw new RelatedSearchError('sort_by must be name');
		const direction = body.sort_direction ?? 'asc';
		if (direction !== 'asc' && direction !== 'desc') {
			throw new RelatedSearchError('sort_direction must be asc or desc');
		}
		const pageNumber = positive(body, 'page_number', 1);
		const pageSize = Math.min(positive(body, 'page_size', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
		const wanted = (name ?? '').toLowerCase();
		const matches = records
			.filter((record) => record.name.toLowerCase().includes(wanted))
			.sort((a, b) => {
				const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
				const order = x < y ? -1 : x > y ? 1 : 0;
				return (direction === 'desc' ? -order : order) || a.id - b.id;
			});
		const start = (pageNumber - 1) * pageSize;
		return {
			status: 200,
			body: matches.slice(start, start + pageSize),
			headers: { 'X-PW-TOTAL': String(matches.length) },
		};
	} catch (error) {
		return copperError(422, (error as Error).message);
	}
}

/** The routes under `/{plural}` for one type; `readJson` reads the body (undefined if invalid). */
export async function relatedReply(
	records: RelatedRecord[],
	method: string,
	rest: string[],
	readJson: () => Promise<Record<string, unknown> | undefined>,
): Promise<Reply> {
	if (rest.length === 1 && rest[0] === 'search') {
		if (method !== 'POST') return copperError(405, 'Method not allowed');
		const body = await readJson();
		return body ? searchRelated(records, body) : copperError(400, 'Invalid JSON body');
	}
	if (rest.length !== 1 || !/^\d+$/.test(rest[0])) return NOT_FOUND();
	if (method !== 'GET') return copperError(405, 'Method not allowed');
	const record = records.find((candidate) => candidate.id === Number(rest[0]));
	return record ? { status: 200, body: record } : NOT_FOUND();
}
