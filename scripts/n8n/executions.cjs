// Prints executions stored in n8n's SQLite DB as JSON, with each node's output items decoded.
// Run with n8n's Node after `source scripts/n8n/env.sh`:
//   node scripts/n8n/executions.cjs [--workflow=<id>] [--node=<node name>] [--after=<execution id>]
// With --node, prints only that node's output items (flattened across executions).
// With --max-id, prints only the highest execution id (0 if none), e.g. to use as --after later.
// Safe while n8n runs (the DB is in WAL mode; opened read-only).
'use strict';
const path = require('node:path');

const args = Object.fromEntries(
	process.argv.slice(2).map((arg) => {
		const [key, ...rest] = arg.replace(/^--/, '').split('=');
		return [key, rest.join('=')];
	}),
);
const userFolder = process.env.N8N_USER_FOLDER;
const installDir = process.env.N8N_INSTALL_DIR;
if (!userFolder || !installDir) {
	console.error(
		'executions.cjs: source scripts/n8n/env.sh first (N8N_USER_FOLDER, N8N_INSTALL_DIR)',
	);
	process.exit(2);
}
const modules = path.join(installDir, 'n8n', 'node_modules');
const sqlite3 = require(path.join(modules, 'sqlite3'));
const { parse } = require(path.join(modules, 'flatted'));

const db = new sqlite3.Database(
	path.join(userFolder, '.n8n', 'database.sqlite'),
	sqlite3.OPEN_READONLY,
);
if ('max-id' in args) {
	db.get('select coalesce(max(id), 0) as id from execution_entity', (error, row) => {
		if (error) throw error;
		process.stdout.write(`${row.id}\n`);
		db.close();
	});
	return;
}
const where = ['e.id > ?'];
const params = [Number(args.after ?? 0)];
if (args.workflow) {
	where.push('e.workflowId = ?');
	params.push(args.workflow);
}
const sql = `select e.id, e.workflowId, e.mode, e.status, e.startedAt, e.stoppedAt, d.data
	from execution_entity e join execution_data d on d.executionId = e.id
	where ${where.join(' and ')} order by e.id`;

db.all(sql, params, (error, rows) => {
	if (error) {
		console.error(`executions.cjs: ${error.message}`);
		process.exit(1);
	}
	const executions = rows.map((row) => {
		const data = parse(row.data);
		const nodes = {};
		for (const [name, runs] of Object.entries(data.resultData?.runData ?? {})) {
			nodes[name] = runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
		}
		const error = data.resultData?.error;
		return {
			id: row.id,
			workflowId: row.workflowId,
			mode: row.mode,
			status: row.status,
			startedAt: row.startedAt,
			stoppedAt: row.stoppedAt,
			error: error ? { name: error.name, message: error.message } : undefined,
			nodes,
		};
	});
	const output = args.node
		? executions.flatMap((execution) => execution.nodes[args.node] ?? [])
		: executions;
	process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
	db.close();
});
