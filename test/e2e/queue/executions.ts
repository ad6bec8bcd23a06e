/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * The executions n8n stored in PostgreSQL, read with n8n's own `pg` driver and decoded as
 * scripts/n8n/executions.cjs decodes SQLite's: each node's output items by node name.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'flatted';
import type { IDataObject } from 'n8n-workflow';

import type { Execution } from '../scenarios';

/** An execution row: who started it (`mode`) and how it ended (`status`). */
export interface ExecutionRow {
	id: number;
	workflowId: string;
	mode: string;
	status: string;
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, params?: unknown[]): Promise<{ rows: IDataObject[] }>;
	end(): Promise<void>;
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: IDataObject }>> } }>>;

/** Whether the execution is over: no longer new, running or waiting. */
export const isFinished = (row: ExecutionRow) =>
	!['new', 'running', 'waiting'].includes(row.status);

export class ExecutionStore {
	private constructor(private readonly client: PgClient) {}

	/** Connects to n8n's database with the `pg` of the n8n installed in `installDir`. */
	static async connect(installDir: string, port: number): Promise<ExecutionStore> {
		const load = createRequire(join(installDir, 'n8n', 'node_modules', 'n8n', 'package.json'));
		const { Client } = load('pg') as { Client: new (options: IDataObject) => PgClient };
		const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
		await client.connect();
		return new ExecutionStore(client);
	}

	async query(sql: string, params: unknown[] = []): Promise<IDataObject[]> {
		return (await this.client.query(sql, params)).rows;
	}

	/** The highest execution id so far (0 when there is none). */
	async maxId(): Promise<number> {
		const [row] = await this.query('select coalesce(max(id), 0) as id from execution_entity');
		return Number(row.id);
	}

	/** The executions after `after`, oldest first, of one workflow or of all. */
	async rows(after: number, workflowId?: string): Promise<ExecutionRow[]> {
		const rows = await this.query(
			`select id, "workflowId", mode, status from execution_entity
			 where id > $1 and ($2::text is null or "workflowId" = $2) order by id`,
			[after, workflowId ?? null],
		);
		return rows.map((row) => ({
			id: Number(row.id),
			workflowId: String(row.workflowId),
			mode: String(row.mode),
			status: String(row.status),
		}));
	}

	/** The first execution after `after` of the workflow that is over. */
	async firstFinished(after: number, workflowId: string): Promise<ExecutionRow | undefined> {
		return (await this.rows(after, workflowId)).find(isFinished);
	}

	/** One stored execution with each node's output items. */
	async read(id: number): Promise<Execution & ExecutionRow> {
		const [row] = await this.query(
			`select e.id, e."workflowId", e.mode, e.status, d.data from execution_entity e
			 join execution_data d on d."executionId" = e.id where e.id = $1`,
			[id],
		);
		if (!row) throw new Error(`execution ${id} is not stored`);
		const data = parse(String(row.data)) as {
			resultData?: { runData?: RunData; error?: { name: string; message: string } };
		};
		const nodes: Record<string, IDataObject[]> = {};
		for (const [name, runs] of Object.entries(data.resultData?.runData ?? {}))
			nodes[name] = runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
		const error = data.resultData?.error;
		return {
			id: Number(row.id),
			workflowId: String(row.workflowId),
			mode: String(row.mode),
			status: String(row.status),
			error: error ? { name: error.name, message: error.message } : undefined,
			nodes,
		};
	}

	async close(): Promise<void> {
		await this.client.end();
	}
}
