/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling that drives real n8n, not shipped */
/**
 * n8n in queue mode: one main instance (editor, REST API, webhooks, pollers) and workers that run
 * the executions, sharing one PostgreSQL database, one Redis and one encryption key.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { n8nEnvironment, waitFor } from '../n8n';
import { LoggedProcess } from './process';

/** What every instance of one cluster shares. */
export interface ClusterSettings {
	version: string;
	postgresPort: number;
	redisPort: number;
	encryptionKey: string;
	/** SANDBOX_*_PORT settings, so that both instances reach the same sandboxes. */
	sandboxPorts: Record<string, string>;
}

/** One instance: its own user folder (and nodes folder) and ports. */
export interface InstanceSettings {
	userFolder: string;
	port: number;
	brokerPort: number;
	executeBrokerPort: number;
	/** A worker's health check (QUEUE_HEALTH_CHECK_PORT). */
	healthPort?: number;
}

/**
 * The settings that make n8n 2.40.x store poll cursors durably (N8N_POLLER_DURABLE_CURSORS_ENABLED
 * alone is ignored, with a warning, without the other three).
 */
export const DURABLE_CURSORS: Record<string, string> = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

/** The environment of one instance: scripts/n8n/env.sh's, switched to queue mode. */
export async function queueEnvironment(
	cluster: ClusterSettings,
	instance: InstanceSettings,
): Promise<NodeJS.ProcessEnv> {
	mkdirSync(instance.userFolder, { recursive: true });
	const env = await n8nEnvironment({
		...cluster.sandboxPorts,
		N8N_VERSION: cluster.version,
		N8N_USER_FOLDER: instance.userFolder,
		N8N_PORT: String(instance.port),
		N8N_RUNNERS_BROKER_PORT: String(instance.brokerPort),
		N8N_EXECUTE_BROKER_PORT: String(instance.executeBrokerPort),
	});
	return {
		...env,
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(cluster.postgresPort),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'postgres',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(cluster.redisPort),
		N8N_ENCRYPTION_KEY: cluster.encryptionKey,
		...(instance.healthPort === undefined
			? {}
			: {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(instance.healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}),
	};
}

/** Starts the main instance and waits until its REST API answers. */
export async function startMain(env: NodeJS.ProcessEnv, name = 'main'): Promise<LoggedProcess> {
	const main = await LoggedProcess.start({
		name: `n8n ${name}`,
		command: 'n8n',
		args: ['start'],
		env,
		logFile: join(env.N8N_USER_FOLDER!, `${name}.log`),
		ready: /Editor is now accessible via/,
		timeoutMs: 180_000,
	});
	// n8n 1.x says it is ready a few seconds before its REST routes exist.
	await waitFor(
		'the REST API of n8n main',
		async () =>
			(await fetch(`http://127.0.0.1:${env.N8N_PORT}/rest/settings`).catch(() => undefined))?.ok
				? true
				: undefined,
		60_000,
	);
	return main;
}

/** Starts a worker and waits until it takes jobs. */
export async function startWorker(env: NodeJS.ProcessEnv, name = 'worker'): Promise<LoggedProcess> {
	return await LoggedProcess.start({
		name: `n8n ${name}`,
		command: 'n8n',
		args: ['worker', '--concurrency=10'],
		env,
		logFile: join(env.N8N_USER_FOLDER!, `${name}.log`),
		ready: /n8n worker is now ready/,
		timeoutMs: 120_000,
	});
}

/**
 * Why execution `id` does not count as run by a worker: a main instance must have enqueued it
 * and one of `workers` started and finished it. Undefined when it did.
 */
export function notRunByWorker(
	id: number,
	mains: LoggedProcess[],
	workers: LoggedProcess[],
): string | undefined {
	if (!mains.some((main) => main.log().includes(`Enqueued execution ${id} (job`)))
		return `main did not log "Enqueued execution ${id}"`;
	const ran = workers.some(
		(worker) =>
			worker.log().includes(`Worker started execution ${id} (job`) &&
			worker.log().includes(`Worker finished execution ${id} (job`),
	);
	return ran ? undefined : `no worker logged that it started and finished execution ${id}`;
}
