/**
 * Entities of the Nexudus emulator: stored shapes, field specs, rendering and validation.
 * Field lists follow vendors.md §1.3/§1.4 and the developers.nexudus.com entity pages.
 */
import { type ClockSettings, type DateKind, parseDateInput, renderDate } from './dates';

export type ScalarValue = string | number | boolean | null;
export type ApiRecord = Record<string, ScalarValue>;
export type ColumnType = 'int' | 'string' | 'bool' | 'date' | 'guid';

export interface Business {
	Id: number;
	Name: string;
}
export interface Coworker {
	Id: number;
	FullName: string;
	CompanyName: string | null;
	TeamNames: string | null;
	BusinessId: number;
}
export interface User {
	Id: number;
	FullName: string;
	Email: string;
}
export interface BoardColumn {
	Id: number;
	Name: string;
}
/** A CRM opportunity: a customer's deal, standing in one board column. */
export interface Opportunity {
	Id: number;
	Name: string | null;
	CoworkerId: number;
	CrmBoardColumnId: number;
}
export interface TaskList {
	UniqueId: string;
	Name: string;
}

export interface ReferenceData {
	businesses: Business[];
	coworkers: Coworker[];
	users: User[];
	boardColumns: BoardColumn[];
	opportunityIds: number[];
	opportunities: Opportunity[];
	taskLists: TaskList[];
}

/** A stored record: common metadata plus the writable values (datetimes as epoch ms). */
export interface StoredRecord {
	Id: number;
	UniqueId: string;
	CreatedOn: number;
	UpdatedOn: number;
	UpdatedBy: string;
	values: Record<string, ScalarValue>;
}

export interface WritableField {
	name: string;
	type: Exclude<ColumnType, 'guid'> | 'guid';
	required?: boolean;
	dateKind?: DateKind;
	/** Omitted from search results (list endpoints return a summary projection). */
	detailOnly?: boolean;
	/** Accepted on input but never stored (derived from another field). */
	inputOnly?: boolean;
	/** Must reference an existing row of this reference table. */
	references?: 'businesses' | 'coworkers' | 'users' | 'boardColumns' | 'opportunities';
}

export interface FieldError {
	AttemptedValue: ScalarValue;
	Message: string;
	PropertyName: string;
}

export interface EntityDefinition {
	entity: string;
	/** Path below `/api/`, e.g. `crm/coworkertasks`. */
	path: string;
	fields: WritableField[];
	/** Read-only columns computed from the stored values and the reference data. */
	derivedColumns: Record<string, ColumnType>;
	derive(values: Record<string, ScalarValue>, ref: ReferenceData, clock: ClockSettings): ApiRecord;
	/** Adjusts parsed input before storing (e.g. DueDateLocal → DueDate). */
	prepare?(values: Record<string, ScalarValue>): void;
	toStringText(values: Record<string, ScalarValue>, ref: ReferenceData): string;
	firstId: number;
}

const COMMON_COLUMNS: Record<string, ColumnType> = {
	Id: 'int',
	UniqueId: 'guid',
	CreatedOn: 'date',
	UpdatedOn: 'date',
	UpdatedBy: 'string',
	IsNew: 'bool',
	SystemId: 'string',
	ToStringText: 'string',
};

function nameOf<T extends { Id: number }>(rows: T[], id: ScalarValue, pick: (row: T) => string) {
	const row = rows.find((candidate) => candidate.Id === id);
	return row ? pick(row) : null;
}

export const coworkerTaskDefinition: EntityDefinition = {
	entity: 'CoworkerTask',
	path: 'crm/coworkertasks',
	firstId: 87654001,
	fields: [
		{ name: 'BusinessId', type: 'int', required: true, references: 'businesses' },
		{ name: 'CoworkerId', type: 'int', required: true, references: 'coworkers' },
		{ name: 'Name', type: 'string', required: true },
		{ name: 'Notes', type: 'string' },
		{ name: 'TaskItemUniqueId', type: 'guid', detailOnly: true },
		{ name: 'FormPageRequestUniqueId', type: 'guid', detailOnly: true },
		{ name: 'Completed', type: 'bool' },
		{ name: 'DueDate', type: 'date', dateKind: 'utc' },
		{ name: 'DueDateLocal', type: 'date', dateKind: 'local', inputOnly: true },
		{ name: 'Reminded', type: 'bool', detailOnly: true },
		{ name: 'ResponsibleId', type: 'int', required: true, references: 'users' },
		{ name: 'NotifyByEmail', type: 'bool' },
		{ name: 'DisplayToEveryone', type: 'bool' },
		{ name: 'SystemId', type: 'string', detailOnly: true },
	],
	derivedColumns: {
		BusinessName: 'string',
		CoworkerFullName: 'string',
		CoworkerCompanyName: 'string',
		CoworkerTeamNames: 'string',
		TaskListName: 'string',
		ResponsibleFullName: 'string',
		DueDateLocal: 'date',
	},
	prepare(values) {
		// DueDate (UTC) wins; DueDateLocal (already parsed as local time) fills it when absent.
		if (values.DueDate === null) values.DueDate = values.DueDateLocal ?? null;
		delete values.DueDateLocal;
	},
	derive(values, ref, clock) {
		const coworker = ref.coworkers.find((row) => row.Id === values.CoworkerId);
		const taskList = ref.taskLists.find((row) => row.UniqueId === values.TaskItemUniqueId);
		return {
			BusinessName: nameOf(ref.businesses, values.BusinessId, (row) => row.Name),
			CoworkerFullName: coworker?.FullName ?? null,
			CoworkerCompanyName: coworker?.CompanyName ?? null,
			CoworkerTeamNames: coworker?.TeamNames ?? null,
			TaskListName: taskList?.Name ?? null,
			ResponsibleFullName: nameOf(ref.users, values.ResponsibleId, (row) => row.FullName),
			DueDateLocal:
				typeof values.DueDate === 'number' ? renderDate(values.DueDate, 'local', clock) : null,
		};
	},
	toStringText: (values) => String(values.Name ?? ''),
};

export const crmOpportunityHistoryDefinition: EntityDefinition = {
	entity: 'CrmOpportunityHistory',
	path: 'crm/crmopportunityhistories',
	firstId: 55432001,
	fields: [
		{ name: 'CrmOpportunityId', type: 'int', references: 'opportunities' },
		{ name: 'OldCrmBoardColumnId', type: 'int', references: 'boardColumns' },
		{ name: 'FromTime', type: 'date', dateKind: 'stamp' },
		{ name: 'ToTime', type: 'date', dateKind: 'stamp' },
		{ name: 'NewCrmBoardColumnId', type: 'int', required: true, references: 'boardColumns' },
		{ name: 'UserId', type: 'int', references: 'users' },
		{ name: 'SystemId', type: 'string', detailOnly: true },
	],
	derivedColumns: {
		OldCrmBoardColumnName: 'string',
		NewCrmBoardColumnName: 'string',
		UserFullName: 'string',
	},
	derive(values, ref) {
		return {
			OldCrmBoardColumnName: nameOf(ref.boardColumns, values.OldCrmBoardColumnId, (r) => r.Name),
			NewCrmBoardColumnName: nameOf(ref.boardColumns, values.NewCrmBoardColumnId, (r) => r.Name),
			UserFullName: nameOf(ref.users, values.UserId, (row) => row.FullName),
		};
	},
	toStringText(values, ref) {
		const column = nameOf(ref.boardColumns, values.NewCrmBoardColumnId, (row) => row.Name);
		return `Opportunity ${values.CrmOpportunityId ?? '?'} moved to ${column ?? '?'}`;
	},
};

/** Column name → type for search/sort, over everything a full record renders. */
export function columnTypes(definition: EntityDefinition): Record<string, ColumnType> {
	const columns: Record<string, ColumnType> = { ...COMMON_COLUMNS };
	for (const field of definition.fields) columns[field.name] = field.type;
	return { ...columns, ...definition.derivedColumns };
}

export function renderRecord(
	definition: EntityDefinition,
	record: StoredRecord,
	ref: ReferenceData,
	clock: ClockSettings,
): ApiRecord {
	const rendered: ApiRecord = { Id: record.Id, UniqueId: record.UniqueId };
	for (const field of definition.fields) {
		if (field.inputOnly) continue;
		const value = record.values[field.name] ?? null;
		rendered[field.name] =
			field.type === 'date' && typeof value === 'number'
				? renderDate(value, field.dateKind ?? 'utc', clock)
				: value;
	}
	Object.assign(rendered, definition.derive(record.values, ref, clock));
	rendered.CreatedOn = renderDate(record.CreatedOn, 'stamp', clock);
	rendered.UpdatedOn = renderDate(record.UpdatedOn, 'stamp', clock);
	rendered.UpdatedBy = record.UpdatedBy;
	rendered.IsNew = false;
	rendered.ToStringText = definition.toStringText(record.values, ref);
	return rendered;
}

/**
 * The summary projection search endpoints return: the full record minus detail-only fields.
 * Copies the other fields rather than deleting (a deletion slows every later read of an object,
 * and a search page has up to 1,000).
 */
export function summaryOf(definition: EntityDefinition): (record: ApiRecord) => ApiRecord {
	const detailOnly = new Set(
		definition.fields.filter((field) => field.detailOnly).map((field) => field.name),
	);
	return (record) => {
		const summary: ApiRecord = {};
		for (const name of Object.keys(record)) if (!detailOnly.has(name)) summary[name] = record[name];
		return summary;
	};
}

function referenceExists(ref: ReferenceData, table: WritableField['references'], id: number) {
	if (table === 'opportunities') return ref.opportunityIds.includes(id);
	if (table === undefined) return true;
	return ref[table].some((row) => row.Id === id);
}

function coerce(
	field: WritableField,
	raw: unknown,
	clock: ClockSettings,
): { value: ScalarValue } | { error: string } {
	if (raw === undefined || raw === null || raw === '') {
		return { value: field.type === 'bool' ? false : null };
	}
	switch (field.type) {
		case 'int': {
			const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
			return typeof value === 'number' && Number.isInteger(value)
				? { value }
				: { error: `The value '${String(raw)}' is not valid for ${field.name}.` };
		}
		case 'bool':
			if (typeof raw === 'boolean') return { value: raw };
			if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
			return { error: `The value '${String(raw)}' is not valid for ${field.name}.` };
		case 'date': {
			const value = parseDateInput(raw, field.dateKind ?? 'utc', clock);
			return value === undefined
				? { error: `The value '${String(raw)}' is not valid for ${field.name}.` }
				: { value };
		}
		default:
			return typeof raw === 'string' || typeof raw === 'number'
				? { value: String(raw) }
				: { error: `The value is not valid for ${field.name}.` };
	}
}

function attempted(raw: unknown): ScalarValue {
	return raw === undefined || typeof raw === 'object' ? null : (raw as ScalarValue);
}

/**
 * Builds the complete set of stored values from a request body. Every writable field not
 * in the body is cleared (null, or false for booleans): PUT is a full replace.
 */
export function buildValues(
	definition: EntityDefinition,
	body: Record<string, unknown>,
	ref: ReferenceData,
	clock: ClockSettings,
): { values: Record<string, ScalarValue>; errors: FieldError[] } {
	const values: Record<string, ScalarValue> = {};
	const errors: FieldError[] = [];
	for (const field of definition.fields) {
		const raw = body[field.name];
		const result = coerce(field, raw, clock);
		if ('error' in result) {
			errors.push({
				AttemptedValue: attempted(raw),
				Message: result.error,
				PropertyName: field.name,
			});
			continue;
		}
		values[field.name] = result.value;
	}
	definition.prepare?.(values);
	for (const field of definition.fields) {
		if (errors.some((error) => error.PropertyName === field.name)) continue;
		const value = values[field.name];
		if (field.required && (value === null || value === undefined)) {
			errors.push({
				AttemptedValue: attempted(body[field.name]),
				Message: 'is a required field',
				PropertyName: field.name,
			});
		} else if (typeof value === 'number' && !referenceExists(ref, field.references, value)) {
			errors.push({
				AttemptedValue: value,
				Message: 'could not be found',
				PropertyName: field.name,
			});
		}
	}
	return { values, errors };
}
