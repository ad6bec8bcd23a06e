/**
 * Read-only lookup resources (businesses, coworkers, admin users, CRM board columns and
 * opportunities) that
 * nodes may use for dropdowns and credential tests. Same search semantics as the entities.
 */
import type { ApiRecord, ColumnType, ReferenceData } from './model';
import { pageRecords, parseQuery } from './query';
import { ignoredParamsHeader, methodNotSupported, NOT_FOUND, type Reply } from './replies';

export interface ReferenceTable {
	entity: string;
	/** Path below `/api/`. */
	path: string;
	columns: Record<string, ColumnType>;
	rows(ref: ReferenceData): ApiRecord[];
}

/** The one CRM board the seeded columns belong to. */
const BOARD_NAME = 'Memberships';

export const REFERENCE_TABLES: ReferenceTable[] = [
	{
		entity: 'Business',
		path: 'sys/businesses',
		columns: { Id: 'int', Name: 'string' },
		rows: (ref) => ref.businesses.map((row) => ({ ...row, ToStringText: row.Name })),
	},
	{
		entity: 'Coworker',
		path: 'spaces/coworkers',
		columns: {
			Id: 'int',
			FullName: 'string',
			CompanyName: 'string',
			TeamNames: 'string',
			BusinessId: 'int',
		},
		rows: (ref) => ref.coworkers.map((row) => ({ ...row, ToStringText: row.FullName })),
	},
	{
		entity: 'User',
		path: 'sys/users',
		columns: { Id: 'int', FullName: 'string', Email: 'string' },
		rows: (ref) => ref.users.map((row) => ({ ...row, ToStringText: row.FullName })),
	},
	{
		entity: 'CrmBoardColumn',
		path: 'crm/crmboardcolumns',
		columns: { Id: 'int', Name: 'string', CrmBoardName: 'string' },
		rows: (ref) =>
			ref.boardColumns.map((row) => ({ ...row, CrmBoardName: BOARD_NAME, ToStringText: row.Name })),
	},
	{
		entity: 'CrmOpportunity',
		path: 'crm/crmopportunities',
		columns: {
			Id: 'int',
			Name: 'string',
			CoworkerId: 'int',
			CoworkerFullName: 'string',
			CrmBoardColumnId: 'int',
			CrmBoardColumnName: 'string',
		},
		rows: (ref) =>
			ref.opportunities.map((row) => {
				const customer = ref.coworkers.find((coworker) => coworker.Id === row.CoworkerId);
				const column = ref.boardColumns.find((candidate) => candidate.Id === row.CrmBoardColumnId);
				return {
					...row,
					CoworkerFullName: customer?.FullName ?? null,
					CrmBoardColumnName: column?.Name ?? null,
					ToStringText: row.Name ?? customer?.FullName ?? String(row.Id),
				};
			}),
	},
];

export function referenceReply(
	table: ReferenceTable,
	rest: string[],
	method: string,
	params: URLSearchParams,
	ref: ReferenceData,
): Reply {
	if (method !== 'GET') return methodNotSupported(method);
	const rows = table.rows(ref);
	if (rest.length === 1) {
		const row = rows.find((candidate) => String(candidate.Id) === rest[0]);
		return row ? { status: 200, body: row } : { status: 404, body: NOT_FOUND };
	}
	const query = parseQuery(table.entity, table.columns, params);
	const { ids } = query;
	if (ids) return { status: 200, body: rows.filter((row) => ids.includes(row.Id as number)) };
	const matches = (row: ApiRecord) => query.predicates.every((predicate) => predicate(row));
	return {
		status: 200,
		body: pageRecords(rows, matches, table.columns, params),
		headers: ignoredParamsHeader(query.ignoredParams),
	};
}
