/**
 * One writable Nexudus entity (records + id sequence) and its endpoints:
 * search, ids form, get, create (POST), full-replace update (PUT), delete, commands.
 */
import type { CommandDefinition } from './commands';
import { type ClockSettings, renderDate } from './dates';
import {
	type ApiRecord,
	buildValues,
	columnTypes,
	type EntityDefinition,
	type FieldError,
	type ReferenceData,
	renderRecord,
	type ScalarValue,
	type StoredRecord,
	summaryOf,
} from './model';
import { SortedMatches } from '../sortedMatches';
import { pageRecords, parseQuery } from './query';
import { ignoredParamsHeader, NOT_FOUND, type Reply } from './replies';
import { guidFor } from './seed';

export interface EntityContext {
	clock(): ClockSettings & { listProjection: 'summary' | 'full' };
	reference: ReferenceData;
	nowMs(): number;
}

/** The Nexudus write envelope (POST/PUT/DELETE/runcommand). */
export function writeEnvelope(status: number, message: string, extra: Record<string, unknown>) {
	return {
		Status: status,
		Message: message,
		Value: null,
		OpenInDialog: false,
		OpenInWindow: false,
		RedirectURL: null,
		JavaScript: null,
		Errors: null,
		WasSuccessful: status === 200,
		...extra,
	};
}

function validationFailure(errors: FieldError[]): Reply {
	const first = errors[0];
	const message = `${first.PropertyName}: ${first.Message}`;
	return { status: 400, body: writeEnvelope(400, message, { Errors: errors }) };
}

export class EntityCollection {
	records = new Map<number, StoredRecord>();
	private nextId: number;
	/**
	 * Every record rendered, in store order, for searches: each write renders its records again,
	 * so a search over 100,000 records does not render them all. Rendered with the settings in
	 * `renderedWith` (none until the first search; the reference data never changes).
	 */
	private rendered = new Map<number, ApiRecord>();
	private renderedWith?: object;
	private readonly orders = new SortedMatches<ApiRecord>();

	constructor(
		readonly definition: EntityDefinition,
		readonly commands: CommandDefinition[],
		private readonly context: EntityContext,
	) {
		this.nextId = definition.firstId;
	}

	load(rows: StoredRecord[]): void {
		this.renderedWith = undefined;
		this.records = new Map(rows.map((row) => [row.Id, row]));
		this.nextId = this.definition.firstId + rows.length;
	}

	/** Adds the records `build` makes with ids from the next free one on; returns their ids. */
	add(build: (firstId: number) => StoredRecord[]): number[] {
		const rows = build(this.nextId);
		for (const row of rows) this.store(row);
		this.nextId += rows.length;
		return rows.map((row) => row.Id);
	}

	render(record: StoredRecord): ApiRecord {
		return renderRecord(this.definition, record, this.context.reference, this.context.clock());
	}

	all(): ApiRecord[] {
		return [...this.records.values()].map((record) => this.render(record));
	}

	search(params: URLSearchParams): Reply {
		const columns = columnTypes(this.definition);
		const query = parseQuery(this.definition.entity, columns, params);
		const headers = ignoredParamsHeader(query.ignoredParams);
		if (query.ids) {
			const rows = query.ids
				.map((id) => this.records.get(id))
				.filter((row): row is StoredRecord => row !== undefined);
			return { status: 200, body: rows.map((row) => this.render(row)), headers };
		}
		// Filters and ordering see every column; the page then shows the list projection.
		const matches = (record: ApiRecord) => query.predicates.every((predicate) => predicate(record));
		const page = pageRecords(this.renderedRecords(), matches, columns, params, this.orders);
		if (this.context.clock().listProjection === 'summary') {
			page.Records = page.Records.map(summaryOf(this.definition));
		}
		return { status: 200, body: page, headers };
	}

	get(id: number): Reply {
		const record = this.records.get(id);
		return record ? { status: 200, body: this.render(record) } : { status: 404, body: NOT_FOUND };
	}

	create(body: Record<string, unknown>, user: string): Reply {
		const { values, errors } = this.build(body);
		if (errors.length > 0) return validationFailure(errors);
		const id = this.nextId++;
		const at = this.context.nowMs();
		const UniqueId = guidFor(0xbeef, id);
		this.store({
			Id: id,
			UniqueId,
			CreatedOn: at,
			UpdatedOn: at,
			UpdatedBy: user,
			values,
		});
		const message = `${this.definition.entity} was successfully created.`;
		return this.success(message, at, user, { Value: { Id: id } });
	}

	/** PUT: full replace. Every writable field missing from the body is cleared. */
	replace(body: Record<string, unknown>, user: string): Reply {
		const existing = this.records.get(Number(body.Id));
		if (!existing) return { status: 404, body: NOT_FOUND };
		const { values, errors } = this.build(body);
		if (errors.length > 0) return validationFailure(errors);
		const at = this.context.nowMs();
		this.store(Object.assign(existing, { values, UpdatedOn: at, UpdatedBy: user }));
		const message = `${this.definition.entity} was successfully updated.`;
		return this.success(message, at, user, { Value: { Id: existing.Id } });
	}

	remove(id: number, user: string): Reply {
		if (!this.records.delete(id)) return { status: 404, body: NOT_FOUND };
		this.rendered.delete(id);
		return this.success('The record was deleted successfully.', this.context.nowMs(), user);
	}

	listCommands(): Reply {
		const descriptors = this.commands.map((command) => command.descriptor);
		return { status: 200, body: descriptors.sort((a, b) => a.Order - b.Order) };
	}

	/** Failures are HTTP 200 with `WasSuccessful: false`, as Nexudus documents. */
	runCommand(body: Record<string, unknown>, user: string): Reply {
		const fail = (message: string): Reply => ({
			status: 200,
			body: writeEnvelope(500, message, {}),
		});
		const command = this.commands.find((candidate) => candidate.descriptor.Key === body.Key);
		if (!command) return fail(`Command '${String(body.Key)}' could not be found.`);
		const ids = Array.isArray(body.Ids) ? body.Ids.map(Number) : [];
		const needsRecords = command.descriptor.NeedsEntitiesToRun;
		if (needsRecords && ids.length === 0) {
			return fail('This command needs at least one record to run.');
		}
		const records = ids.map((id) => this.records.get(id));
		const missing = ids.filter((_, index) => records[index] === undefined);
		if (missing.length > 0) return fail(`Records could not be found: ${missing.join(', ')}.`);
		const parameters = new Map<string, ScalarValue>();
		for (const parameter of Array.isArray(body.Parameters) ? body.Parameters : []) {
			const { Name, Value } = (parameter ?? {}) as { Name?: unknown; Value?: unknown };
			if (typeof Name === 'string') parameters.set(Name, (Value ?? null) as ScalarValue);
		}
		const absent = command.descriptor.RequiresParameters.find((p) => !parameters.has(p.Name));
		if (absent) return fail(`Parameter ${absent.Name} is required.`);
		const targets = records as StoredRecord[];
		const error = command.run(targets, parameters, this.context.reference);
		if (error) {
			// A command that failed part way may have changed some records already.
			targets.forEach((record) => this.store(record));
			return fail(error);
		}
		const at = this.context.nowMs();
		for (const record of targets)
			this.store(Object.assign(record, { UpdatedOn: at, UpdatedBy: user }));
		const message = needsRecords
			? `Command '${command.descriptor.Name}' was run on ${targets.length} record(s).`
			: `Command '${command.descriptor.Name}' was run.`;
		return this.success(message, at, user);
	}

	/** Stores a new or changed record (a changed one keeps its place in the store's order). */
	private store(record: StoredRecord): void {
		this.records.set(record.Id, record);
		if (this.renderedWith === this.context.clock())
			this.rendered.set(record.Id, this.render(record));
		else this.renderedWith = undefined;
	}

	private renderedRecords(): Iterable<ApiRecord> {
		const clock = this.context.clock();
		if (this.renderedWith !== clock) {
			this.rendered = new Map([...this.records].map(([id, record]) => [id, this.render(record)]));
			this.renderedWith = clock;
		}
		return this.rendered.values();
	}

	private build(body: Record<string, unknown>) {
		return buildValues(this.definition, body, this.context.reference, this.context.clock());
	}

	private success(message: string, at: number, user: string, extra: Record<string, unknown> = {}) {
		const UpdatedOn = renderDate(at, 'stamp', this.context.clock());
		return {
			status: 200,
			body: writeEnvelope(200, message, { ...extra, UpdatedOn, UpdatedBy: user }),
		};
	}
}
