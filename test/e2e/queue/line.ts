/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- local tooling that drives real n8n, not shipped */
/**
 * The pack on n8n's distributed engine, on one n8n line: PostgreSQL, Redis, one main instance
 * and one worker, each with the pack installed as a community package. The vendors' checks of the
 * regular suite run here too: every operation from a webhook, token renewal, and the activated
 * triggers, with the worker restarted between their two rounds of changes.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type Checks, expectEqual, expectTrue } from '../checks';
import { CopperSandboxClient } from '../copper';
import { CotalkerSandboxClient } from '../cotalker';
import {
	VENDOR_EXAMPLES,
	sandboxSettings,
	writeExamples,
	writeRenewalWorkflows,
} from '../fixtures';
import {
	E2E_VENDORS,
	PACKAGE_NAME,
	ROOT,
	type Vendor,
	freePorts,
	takenPorts,
	installPackage,
	isLine1,
	run,
	sleep,
	waitFor,
} from '../n8n';
import { NexudusSandboxClient } from '../nexudus';
import { OnlyofficeSandboxClient } from '../onlyoffice';
import { OPERATIONS_WORKFLOWS, operationChecks, renewalChecks } from '../operations';
import type { Execution, Sandboxes } from '../scenarios';
import { TRIGGER_WORKFLOWS, triggerChecks } from '../triggers';
import { meetingPoint } from './betweenRounds';
import {
	type ClusterSettings,
	DURABLE_CURSORS,
	notRunByWorker,
	queueEnvironment,
	startMain,
	startWorker,
} from './cluster';
import { ExecutionStore, isFinished } from './executions';
import { expectLost, measureLostChange } from './lostChange';
import { LoggedProcess, groupAlive } from './process';
import { installPostgres, installRedis, startPostgres, startRedis } from './services';
import { callWebhook, webhookStarted, writeWebhookStarted } from './webhooks';

/** Figures the README's queue mode section quotes. */
export interface QueueFigures {
	version: string;
	postgres?: string;
	redis?: string;
	servicesStartMs?: number;
	mainReadyMs?: number;
	workerReadyMs?: number;
	workerStopMs?: number;
	roundTripMs?: number;
	parallelRoundTripsMs?: number;
	queuedWhileWorkerDown?: number;
	triggerExecutions?: number;
	lostChange?: Record<string, unknown>;
	totalMs?: number;
}

const ROUND_TRIP_ID = 'queueRoundTrip01';
const ROUND_TRIPS_IN_PARALLEL = 20;

export async function runQueueLine(
	version: string,
	tarball: string,
	work: string,
	allChecks: Checks,
): Promise<QueueFigures> {
	const checks = allChecks.prefixed(`[queue, n8n ${version}]`);
	const checksFor = (vendor: Vendor): Pick<Checks, 'check'> =>
		E2E_VENDORS.has(vendor) ? checks : { check: async () => false };
	const folder = join(work, `queue-${version}`);
	const figures: QueueFigures = { version };
	const started = Date.now();
	const allPorts = await freePorts(14);
	const [postgresPort, redisPort, mainPort, mainBroker, mainExecuteBroker] = allPorts;
	const [workerPort, workerBroker, workerExecuteBroker, healthPort] = allPorts.slice(5);
	const [nexudus, copper, onlyoffice, cotalker, sink] = allPorts.slice(9);
	const ports = { nexudus, copper, onlyoffice, cotalker, sink };
	const servers: LoggedProcess[] = [];
	const workers: LoggedProcess[] = [];
	const mains: LoggedProcess[] = [];
	let main: LoggedProcess | undefined;
	let worker: LoggedProcess | undefined;
	let store: ExecutionStore | undefined;
	console.log(
		`[queue, n8n ${version}] ports: PostgreSQL ${postgresPort}, Redis ${redisPort}, main ${mainPort}, worker health ${healthPort}, sandboxes ${nexudus}-${cotalker}, sink ${sink}; folder ${folder}`,
	);

	try {
		// PostgreSQL runs as `nobody` when this runs as root: its folder must be reachable.
		mkdirSync(folder, { recursive: true });
		chmodSync(work, 0o711);
		chmodSync(folder, 0o711);
		await checks.check('PostgreSQL 17 and Redis install and start on 127.0.0.1', async () => {
			const [binaries, redisServer] = await Promise.all([installPostgres(), installRedis()]);
			const servicesStarted = Date.now();
			const [postgres, redis] = await Promise.all([
				startPostgres(binaries, join(folder, 'postgres'), postgresPort),
				startRedis(redisServer, join(folder, 'redis'), redisPort),
			]);
			servers.push(postgres.server, redis.server);
			figures.servicesStartMs = Date.now() - servicesStarted;
			figures.postgres = postgres.version;
			figures.redis = redis.version;
			expectTrue(
				/\(PostgreSQL\) 1[7-9]\./.test(postgres.version),
				`PostgreSQL version: ${postgres.version}`,
			);
		});
		if (servers.length < 2) throw new Error('PostgreSQL and Redis did not start');

		const cluster: ClusterSettings = {
			version,
			postgresPort,
			redisPort,
			encryptionKey: randomBytes(24).toString('hex'),
			sandboxPorts: sandboxSettings(ports),
		};
		const mainSettings = {
			userFolder: join(folder, 'main'),
			port: mainPort,
			brokerPort: mainBroker,
			executeBrokerPort: mainExecuteBroker,
		};
		const workerSettings = (userFolder: string) => ({
			userFolder,
			port: workerPort,
			brokerPort: workerBroker,
			executeBrokerPort: workerExecuteBroker,
			healthPort,
		});
		const mainEnv = await queueEnvironment(cluster, mainSettings);
		const workerEnv = await queueEnvironment(cluster, workerSettings(join(folder, 'worker')));
		const bareWorkerEnv = await queueEnvironment(
			cluster,
			workerSettings(join(folder, 'bare-worker')),
		);
		const n8n = async (...args: string[]) => await run('n8n', args, mainEnv);

		await checks.check(
			'the npm pack tarball installs as a community package into the nodes folders of main and of the worker',
			async () => {
				for (const env of [mainEnv, workerEnv]) {
					const installed = await installPackage(env.N8N_USER_FOLDER!, tarball, env);
					expectEqual(
						installed.dependencies ?? {},
						{},
						'runtime dependencies of the installed package',
					);
				}
			},
		);

		servers.push(
			await LoggedProcess.start({
				name: 'sandboxes',
				command: join(ROOT, 'node_modules', '.bin', 'tsx'),
				args: ['test/sandbox/server.ts'],
				env: mainEnv,
				logFile: join(folder, 'sandboxes.log'),
				ready: /sandboxes ready/,
				timeoutMs: 60_000,
			}),
		);
		const sandboxes: Sandboxes = {
			nexudus: new NexudusSandboxClient(`http://127.0.0.1:${nexudus}`),
			copper: new CopperSandboxClient(`http://127.0.0.1:${copper}`),
			onlyoffice: new OnlyofficeSandboxClient(`http://127.0.0.1:${onlyoffice}`),
			cotalker: new CotalkerSandboxClient(`http://127.0.0.1:${cotalker}`),
		};

		// The examples on this run's ports; the operations and renewal workflows start from a webhook.
		const fixtures = writeExamples(join(folder, 'fixtures'), VENDOR_EXAMPLES, ports);
		const renewals = writeRenewalWorkflows(fixtures);
		// A one-call workflow that answers once the worker finished, to time the round trip.
		const roundTrip = webhookStarted(readFileSync(join(fixtures, renewals[0]), 'utf8'), {
			responseMode: 'lastNode',
			as: { id: ROUND_TRIP_ID, name: 'e2e: queue round trip' },
		});
		writeFileSync(join(fixtures, 'round-trip.workflow.json'), JSON.stringify(roundTrip));
		writeWebhookStarted(fixtures, [
			...VENDOR_EXAMPLES.filter((file) => file.endsWith('-operations.workflow.json')),
			...renewals,
		]);

		await n8n('import:credentials', `--input=${join(fixtures, 'sandbox.credentials.json')}`);
		const workflowFiles = [
			...VENDOR_EXAMPLES.filter((file) => file.endsWith('.workflow.json')),
			...renewals,
			'round-trip.workflow.json',
		];
		for (const file of workflowFiles)
			await n8n('import:workflow', `--input=${join(fixtures, file)}`);
		const activate = async (id: string) =>
			isLine1(version)
				? await n8n('update:workflow', `--id=${id}`, '--active=true')
				: await n8n('publish:workflow', `--id=${id}`);
		const vendors = [...E2E_VENDORS];
		for (const id of [
			...vendors.map((vendor) => OPERATIONS_WORKFLOWS[vendor]),
			...webhookIdsOf(renewals, fixtures),
			ROUND_TRIP_ID,
		])
			await activate(id);

		await checks.check(
			'n8n main and one worker start in queue mode, sharing PostgreSQL and Redis',
			async () => {
				let at = Date.now();
				main = await startMain(mainEnv);
				mains.push(main);
				figures.mainReadyMs = Date.now() - at;
				at = Date.now();
				worker = await startWorker(workerEnv);
				workers.push(worker);
				figures.workerReadyMs = Date.now() - at;
				const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
				expectEqual(health.status, 200, "the worker's health check");
			},
		);
		if (!main || !worker) throw new Error('n8n did not start in queue mode');
		await checks.check(
			"n8n export:nodes lists the pack's node types on the worker and none on a worker without it (the check its health check is not)",
			async () => {
				const packNodes = async (env: NodeJS.ProcessEnv) => {
					const file = join(env.N8N_USER_FOLDER!, 'nodes.json');
					await run('n8n', ['export:nodes', `--output=${file}`], env);
					return (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>).filter(
						(node) => node.name.startsWith(`${PACKAGE_NAME}.`),
					).length;
				};
				expectEqual(await packNodes(workerEnv), 12, "the pack's node types on the worker");
				expectEqual(
					await packNodes(bareWorkerEnv),
					0,
					"the pack's node types on a worker without it",
				);
			},
		);
		store = await ExecutionStore.connect(mainEnv.N8N_INSTALL_DIR!, postgresPort);
		const executions = store;

		/** Runs a webhook-started workflow; it must have been enqueued by main and run by a worker. */
		const execute = async (workflowId: string): Promise<Execution> => {
			const before = await executions.maxId();
			await callWebhook(mainPort, workflowId);
			const row = await waitFor(
				`the execution of ${workflowId}`,
				async () => await executions.firstFinished(before, workflowId),
				180_000,
			);
			const execution = await executions.read(row.id);
			expectEqual(execution.mode, 'webhook', `mode of execution ${row.id}`);
			const notByWorker = notRunByWorker(row.id, mains, workers);
			if (notByWorker) throw new Error(`execution ${row.id} of ${workflowId}: ${notByWorker}`);
			return execution;
		};

		for (const check of operationChecks({ version, sandboxes, execute }))
			await checksFor(check.vendor).check(
				`${check.name}, started by a webhook and run by the worker`,
				check.body,
			);
		for (const check of renewalChecks({ version, sandboxes, execute }))
			await checksFor(check.vendor).check(
				`${check.name} (the worker renews it and stores it back)`,
				check.body,
			);

		await checks.check(
			`a webhook round trip through the worker, alone and ${ROUND_TRIPS_IN_PARALLEL} at once`,
			async () => {
				const call = async () => await callWebhook(mainPort, ROUND_TRIP_ID);
				const before = await executions.maxId();
				await call();
				let at = Date.now();
				await call();
				figures.roundTripMs = Date.now() - at;
				at = Date.now();
				const answers = await Promise.allSettled(
					Array.from({ length: ROUND_TRIPS_IN_PARALLEL }, call),
				);
				figures.parallelRoundTripsMs = Date.now() - at;
				const unanswered = answers.filter((answer) => answer.status === 'rejected');
				if (unanswered.length > 0) {
					// Whether the executions ran, to tell a lost answer from a lost execution.
					const statuses = (await executions.rows(before, ROUND_TRIP_ID)).map((row) => row.status);
					throw new Error(
						`${unanswered.length} of ${ROUND_TRIPS_IN_PARALLEL} calls at once failed (${String(
							(unanswered[0] as PromiseRejectedResult).reason,
						)}); the round-trip executions: ${JSON.stringify(statuses)}`,
					);
				}
				// Every call's execution ran on the worker, and successfully.
				const rows = await waitFor(
					'the round-trip executions to be stored as finished',
					async () => {
						const stored = await executions.rows(before, ROUND_TRIP_ID);
						return stored.length === ROUND_TRIPS_IN_PARALLEL + 2 && stored.every(isFinished)
							? stored
							: undefined;
					},
					30_000,
				);
				const wrong = rows
					.map((row) =>
						row.status === 'success'
							? notRunByWorker(row.id, mains, workers)
							: `execution ${row.id}: ${row.status}`,
					)
					.filter(Boolean);
				expectEqual(wrong, [], 'round-trip executions not run by a worker, or not successful');
			},
		);

		// The triggers, activated only now (the operations' changes would be news to them), with
		// main restarted so that it starts with exactly one poller each.
		await checks.check(
			'main restarts with the triggers activated, the worker running on',
			async () => {
				for (const vendor of vendors) await activate(TRIGGER_WORKFLOWS[vendor]);
				await main!.stop();
				main = await startMain(mainEnv, 'main-2');
				mains.push(main);
			},
		);

		// The triggers: polled by main, run by the worker, which is restarted between the rounds.
		const triggersActivated = await executions.maxId();
		const triggerIds = vendors.map((vendor) => TRIGGER_WORKFLOWS[vendor]);
		const restartWorker = async (arrived: Vendor[]) => {
			const at = Date.now();
			await worker!.stop('SIGTERM');
			figures.workerStopMs = Date.now() - at;
			console.log(
				`[queue, n8n ${version}] worker stopped (SIGTERM) in ${figures.workerStopMs} ms after the first round of ${arrived.join(', ')}; changes made now wait in the queue`,
			);
		};
		const stoppedAt = { id: 0 };
		const betweenRounds = meetingPoint(
			vendors.length,
			async (arrived) => {
				stoppedAt.id = await executions.maxId();
				await restartWorker(arrived);
			},
			240_000,
		);
		// Once the worker is down and the second changes are made, the polls enqueue them; then a
		// new worker starts and takes them.
		const workerComesBack = (async () => {
			await betweenRounds.acted;
			const queued = await waitFor(
				'an execution of each trigger queued while the worker is down',
				async () => {
					const rows = (await executions.rows(stoppedAt.id)).filter((row) =>
						triggerIds.includes(row.workflowId),
					);
					return triggerIds.every((id) => rows.some((row) => row.workflowId === id))
						? rows
						: undefined;
				},
				150_000,
			).catch(async () =>
				(await executions.rows(stoppedAt.id)).filter((row) => triggerIds.includes(row.workflowId)),
			);
			figures.queuedWhileWorkerDown = queued.filter((row) => row.status === 'new').length;
			worker = await startWorker(workerEnv, 'worker-2');
			workers.push(worker);
			console.log(
				`[queue, n8n ${version}] ${figures.queuedWhileWorkerDown} trigger executions waited in the queue; a new worker started`,
			);
		})();
		await Promise.all(
			triggerChecks({
				version,
				sandboxes,
				sinkPort: sink,
				rounds: { betweenRounds: betweenRounds.arrive, sinkTimeoutMs: 360_000 },
			}).map(
				async (check) =>
					await checksFor(check.vendor).check(
						`${check.name}, run by the worker, restarted between the rounds`,
						check.body,
					),
			),
		);
		await workerComesBack;

		await checks.check(
			'every trigger execution was enqueued by main and run by a worker, successfully',
			async () => {
				const rows = (await executions.rows(triggersActivated)).filter((row) =>
					triggerIds.includes(row.workflowId),
				);
				figures.triggerExecutions = rows.length;
				expectTrue(rows.length >= vendors.length * 2, `trigger executions: ${rows.length}`);
				const wrong = rows
					.map((row) =>
						row.status !== 'success' || row.mode !== 'trigger'
							? `execution ${row.id}: ${row.mode}, ${row.status}`
							: notRunByWorker(row.id, mains, workers),
					)
					.filter(Boolean);
				expectEqual(wrong, [], 'trigger executions not run by a worker, or not successful');
				expectTrue(
					(figures.queuedWhileWorkerDown ?? 0) > 0,
					'executions queued while the worker was down',
				);
			},
		);

		// A worker without the pack: its health check passes, its executions fail, and the change
		// they carried is delivered only when the failed execution is retried.
		const lostChangeContext = (label: string) => ({
			label,
			store: executions,
			copper: sandboxes.copper,
			sinkPort: sink,
			mainPort,
			healthPort,
			startBareWorker: async () => {
				await worker!.stop();
				worker = await startWorker(bareWorkerEnv, `bare-worker-${label}`);
				workers.push(worker);
				return worker;
			},
			startWorker: async () => {
				await worker!.stop();
				worker = await startWorker(workerEnv, `worker-${label}`);
				workers.push(worker);
				return worker;
			},
		});
		figures.lostChange = {};
		await checksFor('copper').check(
			'a worker without the pack passes its health check and fails the executions; the change they carried is not polled again and a retry does not bring it back (lost); later changes arrive once',
			async () => {
				const measured = await measureLostChange(lostChangeContext('default-cursors'));
				figures.lostChange!.defaultCursors = measured;
				expectLost(measured);
			},
		);
		if (!isLine1(version))
			await checksFor('copper').check(
				'with durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED and the scheduler settings) the cursor is kept in poller_state, and it still moves past a change whose execution failed on a worker without the pack (lost)',
				async () => {
					await main!.stop();
					main = await startMain({ ...mainEnv, ...DURABLE_CURSORS }, 'main-durable');
					mains.push(main);
					// Changes made from now on are news: the restarted main's first poll reads what exists.
					await sleep(5000);
					const measured = await measureLostChange({
						...lostChangeContext('durable-cursors'),
					});
					figures.lostChange!.durableCursors = measured;
					expectLost(measured);
					expectTrue(
						(measured.pollerStateRows ?? 0) > 0,
						'poller_state rows of the Copper trigger',
					);
				},
			);
	} finally {
		await store?.close().catch(() => undefined);
		const everything = [...mains, ...workers, ...servers.reverse()];
		await checks.check(
			'everything the run started is stopped: no process and no port left',
			async () => {
				for (const process of everything)
					await process.stop(process.name === 'PostgreSQL' ? 'SIGINT' : 'SIGTERM');
				const alive = everything
					.filter((process) => groupAlive(process.pid))
					.map((process) => process.name);
				expectEqual(alive, [], 'processes still alive');
				const taken = await takenPorts(allPorts);
				expectEqual(taken, [], 'ports still taken');
			},
		);
		figures.totalMs = Date.now() - started;
		console.log(`[queue, n8n ${version}] done in ${Math.round(figures.totalMs / 1000)} s`);
	}
	return figures;
}

/** The ids of the workflows in `files` of `folder`. */
function webhookIdsOf(files: string[], folder: string): string[] {
	return files.map(
		(file) => (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { id: string }).id,
	);
}
