// Prints the ids, among those given, that n8n's SQLite DB does not hold (one per line), so that
// `npm run dev` imports only what is missing and keeps what the user changed.
// Run with n8n's Node after `source scripts/n8n/env.sh`:
//   node scripts/n8n/db-missing.cjs --credential=<id> --workflow=<id> [--workflow=<id> ...]
// With no database yet, every id given is missing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const wanted = process.argv.slice(2).map((arg) => {
	const [kind, id] = arg.replace(/^--/, '').split('=');
	if (!['credential', 'workflow'].includes(kind) || !id) {
		console.error(`db-missing.cjs: unknown argument ${arg}`);
		process.exit(2);
	}
	return { kind, id };
});
const { N8N_USER_FOLDER: userFolder, N8N_INSTALL_DIR: installDir } = process.env;
if (!userFolder || !installDir) {
	console.error('db-missing.cjs: source scripts/n8n/env.sh first');
	process.exit(2);
}
const file = path.join(userFolder, '.n8n', 'database.sqlite');
if (!fs.existsSync(file)) {
	for (const { id } of wanted) console.log(id);
	return;
}
const sqlite3 = require(path.join(installDir, 'n8n', 'node_modules', 'sqlite3'));
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
const table = { credential: 'credentials_entity', workflow: 'workflow_entity' };
let pending = wanted.length;
const missing = [];
for (const { kind, id } of wanted) {
	db.get(`select id from ${table[kind]} where id = ?`, [id], (error, row) => {
		if (error) {
			console.error(`db-missing.cjs: ${error.message}`);
			process.exit(1);
		}
		if (!row) missing.push(id);
		if (--pending === 0) {
			for (const { id: each } of wanted) if (missing.includes(each)) console.log(each);
			db.close();
		}
	});
}
