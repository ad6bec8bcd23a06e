/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- local tooling, not shipped */
/**
 * The whole end-to-end suite on one n8n line (one version), in its own user folder, on its own
 * free ports, with its own sandboxes, so that several lines run side by side.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { type Checks, expectEqual, expectTrue } from './checks';
import {
	E2E_VENDORS,
	PACKAGE_NAME,
	ROOT,
	type Vendor,
	freePorts,
	installPackage,
	isLine1,
	n8nEnvironment,
	ownerSession,
	run,
	runCapture,
	sleep,
	startProcess,
	stopProcess,
	waitFor,
} from './n8n';
import {
	CopperSandboxClient,
	changeKey as copperChangeKey,
	checkOperationsRequests as checkCopperRequests,
	checkOperationsRun as checkCopperRun,
	checkTriggerRequests as checkCopperTriggerRequests,
	presented as presentedCopperTask,
} from './copper';
import {
	ANA,
	BRUNO,
	CotalkerSandboxClient,
	PROJECTS,
	SUPPORT,
	byId,
	changeKey as cotalkerChangeKey,
	checkOperationsRequests as checkCotalkerRequests,
	checkOperationsRun as checkCotalkerRun,
	expectSameTask,
	isTriggerList,
	seedTaskOf,
} from './cotalker';
import { NexudusSandboxClient, changeKey, checkOperationsRun } from './nexudus';
import { MIRROR_FILE, checkStatusMirroring, mirrorFlowsByHand } from './mirror';
import { checkNoSecretsKept } from './secrets';
import { SYNC_FILE, SYNC_ID, checkCopperNexudusSync, syncRerunWorkflow } from './sync';
import {
	OnlyofficeSandboxClient,
	checkOperationsRequests as checkOnlyofficeRequests,
	checkOperationsRun as checkOnlyofficeRun,
	expectSame,
	listed as listedOnlyofficeTask,
} from './onlyoffice';

/** The ports the examples use: those derived from the default N8N_PORT 5678 (scripts/n8n/env.sh). */
const EXAMPLE_NEXUDUS = '127.0.0.1:5688';
const EXAMPLE_COPPER = '127.0.0.1:5689';
const EXAMPLE_ONLYOFFICE = '127.0.0.1:5690';
const EXAMPLE_COTALKER = '127.0.0.1:5691';
const EXAMPLE_SINK = '127.0.0.1:5697';
const CREDENTIAL_ID = 'nexudusSandbox01';
const OPERATIONS_ID = 'nexudusTour00001';
const TRIGGER_ID = 'nexudusTrigger01';
const RENEWAL_ID = 'e2eTokenRenewal1';
const COPPER_OPERATIONS_ID = 'copperTour000001';
const COPPER_TRIGGER_ID = 'copperTrigger001';
const COPPER_TASKS = '/developer_api/v1/tasks';
const ONLYOFFICE_CREDENTIAL_ID = 'onlyofficeSandbox01';
const ONLYOFFICE_OPERATIONS_ID = 'onlyofficeTour01';
const ONLYOFFICE_TRIGGER_ID = 'onlyofficeTrig01';
const ONLYOFFICE_RENEWAL_ID = 'e2eOoRenewal0001';
const COTALKER_CREDENTIAL_ID = 'cotalkerSandbox01';
const COTALKER_TRIGGER_ID = 'cotalkerTrigger1';
const COTALKER_OPERATIONS_ID = 'cotalkerTour0001';

type Execution = {
	status: string;
	error?: { name: string; message: string };
	nodes: Record<string, IDataObject[]>;
};

export async function runLine(
	version: string,
	tarball: string,
	work: string,
	allChecks: Checks,
): Promise<void> {
	const checks = allChecks.prefixed(`[n8n ${version}]`);
	/** The checks of a vendor E2E_VENDORS leaves out do not run (and are not counted). */
	const checksFor = (vendor: Vendor): Pick<Checks, 'check'> =>
		E2E_VENDORS.has(vendor) ? checks : { check: async () => false };
	const folder = join(work, `n8n-${version}`);
	const [
		n8nPort,
		brokerPort,
		executeBrokerPort,
		nexudusPort,
		copperPort,
		onlyofficePort,
		cotalkerPort,
		sinkPort,
	] = await freePorts(8);
	const env = await n8nEnvironment({
		N8N_VERSION: version,
		N8N_USER_FOLDER: folder,
		N8N_PORT: String(n8nPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_EXECUTE_BROKER_PORT: String(executeBrokerPort),
		SANDBOX_NEXUDUS_PORT: String(nexudusPort),
		SANDBOX_COPPER_PORT: String(copperPort),
		SANDBOX_ONLYOFFICE_PORT: String(onlyofficePort),
		SANDBOX_COTALKER_PORT: String(cotalkerPort),
		SANDBOX_SINK_PORT: String(sinkPort),
	});
	const n8n = async (...args: string[]) => await run('n8n', args, env);
	const nexudus = new NexudusSandboxClient(`http://127.0.0.1:${nexudusPort}`);
	const copper = new CopperSandboxClient(`http://127.0.0.1:${copperPort}`);
	const onlyoffice = new OnlyofficeSandboxClient(`http://127.0.0.1:${onlyofficePort}`);
	const cotalker = new CotalkerSandboxClient(`http://127.0.0.1:${cotalkerPort}`);
	const base = `http://127.0.0.1:${n8nPort}`;
	const children: ChildProcess[] = [];
	const started = Date.now();
	console.log(
		`[n8n ${version}] ports: n8n ${n8nPort}, task broker ${brokerPort}/${executeBrokerPort}, Nexudus sandbox ${nexudusPort}, Copper sandbox ${copperPort}, ONLYOFFICE sandbox ${onlyofficePort}, Cotalker sandbox ${cotalkerPort}, sink ${sinkPort}; folder ${folder}; vendors ${[...E2E_VENDORS].join(', ')}`,
	);

	try {
		await checks.check(
			'the npm pack tarball installs into n8n as a community package',
			async () => {
				const installed = await installPackage(folder, tarball, env);
				expectEqual(
					installed.dependencies ?? {},
					{},
					'runtime dependencies of the installed package',
				);
			},
		);

		children.push(
			await startProcess(
				join(ROOT, 'node_modules', '.bin', 'tsx'),
				['test/sandbox/server.ts'],
				env,
				/sandboxes ready/,
				60_000,
			),
		);

		// The examples, on this line's ports, plus a one-node workflow for the token renewal check.
		const fixtures = join(folder, 'fixtures');
		mkdirSync(fixtures, { recursive: true });
		const withPorts = (text: string) =>
			text
				.split(EXAMPLE_NEXUDUS)
				.join(`127.0.0.1:${nexudusPort}`)
				.split(EXAMPLE_COPPER)
				.join(`127.0.0.1:${copperPort}`)
				.split(EXAMPLE_ONLYOFFICE)
				.join(`127.0.0.1:${onlyofficePort}`)
				.split(EXAMPLE_COTALKER)
				.join(`127.0.0.1:${cotalkerPort}`)
				.split(EXAMPLE_SINK)
				.join(`127.0.0.1:${sinkPort}`);
		for (const file of [
			'sandbox.credentials.json',
			'nexudus-operations.workflow.json',
			'nexudus-trigger.workflow.json',
			'copper-operations.workflow.json',
			'copper-trigger.workflow.json',
			'onlyoffice-operations.workflow.json',
			'onlyoffice-trigger.workflow.json',
			'cotalker-operations.workflow.json',
			'cotalker-trigger.workflow.json',
			SYNC_FILE,
			MIRROR_FILE,
		]) {
			writeFileSync(
				join(fixtures, file),
				withPorts(readFileSync(join(ROOT, 'examples', file), 'utf8')),
			);
		}
		writeFileSync(
			join(fixtures, 'renewal.workflow.json'),
			JSON.stringify(
				renewalWorkflow(
					readFileSync(join(fixtures, 'nexudus-operations.workflow.json'), 'utf8'),
					RENEWAL_ID,
					'e2e: one Nexudus call',
					'List newest tasks',
				),
			),
		);
		writeFileSync(
			join(fixtures, 'onlyoffice-renewal.workflow.json'),
			JSON.stringify(
				renewalWorkflow(
					readFileSync(join(fixtures, 'onlyoffice-operations.workflow.json'), 'utf8'),
					ONLYOFFICE_RENEWAL_ID,
					'e2e: one ONLYOFFICE call',
					'List task categories',
				),
			),
		);
		writeFileSync(
			join(fixtures, 'sync-rerun.workflow.json'),
			JSON.stringify(syncRerunWorkflow(readFileSync(join(fixtures, SYNC_FILE), 'utf8'))),
		);
		mirrorFlowsByHand(readFileSync(join(fixtures, MIRROR_FILE), 'utf8')).forEach((flow, index) =>
			writeFileSync(join(fixtures, `mirror-${index}.workflow.json`), JSON.stringify(flow)),
		);
		await n8n('import:credentials', `--input=${join(fixtures, 'sandbox.credentials.json')}`);
		for (const file of [
			'nexudus-operations.workflow.json',
			'nexudus-trigger.workflow.json',
			'copper-operations.workflow.json',
			'copper-trigger.workflow.json',
			'onlyoffice-operations.workflow.json',
			'onlyoffice-trigger.workflow.json',
			'cotalker-operations.workflow.json',
			'cotalker-trigger.workflow.json',
			'renewal.workflow.json',
			'onlyoffice-renewal.workflow.json',
			SYNC_FILE,
			'sync-rerun.workflow.json',
			MIRROR_FILE,
			'mirror-0.workflow.json',
			'mirror-1.workflow.json',
		]) {
			await n8n('import:workflow', `--input=${join(fixtures, file)}`);
		}
		// Activated while n8n is stopped, so that it starts with exactly one poller each.
		const triggers: Array<[Vendor, string]> = [
			['nexudus', TRIGGER_ID],
			['copper', COPPER_TRIGGER_ID],
			['onlyoffice', ONLYOFFICE_TRIGGER_ID],
			['cotalker', COTALKER_TRIGGER_ID],
		];
		for (const [, id] of triggers.filter(([vendor]) => E2E_VENDORS.has(vendor))) {
			if (isLine1(version)) await n8n('update:workflow', `--id=${id}`, '--active=true');
			else await n8n('publish:workflow', `--id=${id}`);
		}

		await checks.check(
			'n8n loads every node of the pack, and the action node as an AI tool',
			async () => {
				const file = join(folder, 'nodes.json');
				await n8n('export:nodes', `--output=${file}`);
				const names = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string }>)
					.map((node) => node.name)
					.filter((name) => name.startsWith(`${PACKAGE_NAME}.`))
					.sort();
				expectEqual(
					names,
					[
						`${PACKAGE_NAME}.copper`,
						`${PACKAGE_NAME}.copperTool`,
						`${PACKAGE_NAME}.copperTrigger`,
						`${PACKAGE_NAME}.cotalker`,
						`${PACKAGE_NAME}.cotalkerTool`,
						`${PACKAGE_NAME}.cotalkerTrigger`,
						`${PACKAGE_NAME}.nexudus`,
						`${PACKAGE_NAME}.nexudusTool`,
						`${PACKAGE_NAME}.nexudusTrigger`,
						`${PACKAGE_NAME}.onlyoffice`,
						`${PACKAGE_NAME}.onlyofficeTool`,
						`${PACKAGE_NAME}.onlyofficeTrigger`,
					],
					'node types',
				);
			},
		);

		const execute = async (workflowId: string): Promise<Execution> => {
			const { code, stdout, stderr } = await runCapture(
				'bash',
				['scripts/n8n/execute.sh', workflowId],
				env,
			);
			let executions: Execution[] = [];
			try {
				executions = JSON.parse(stdout) as Execution[];
			} catch {
				// No execution was stored: n8n's own words are in stderr.
			}
			const execution = executions[executions.length - 1];
			// The stored execution is what counts. Under load, `n8n execute` 1.x has been seen to
			// exit non-zero while shutting down after a run it stored as a success: say so, go on.
			if (code !== 0 && execution?.status === 'success') {
				console.log(`[n8n ${version}] n8n execute exited ${code} after a successful run`);
				return execution;
			}
			if (code !== 0 || !execution) {
				const failedNode = execution
					? Object.entries(execution.nodes).find(([, items]) => items.length === 0)?.[0]
					: undefined;
				throw new Error(
					execution
						? `execution ${execution.status}${failedNode ? ` at node "${failedNode}"` : ''}: ${execution.error?.name}: ${execution.error?.message}`
						: `n8n execute exited ${code}:\n${stderr.slice(-2000)}`,
				);
			}
			return execution;
		};

		await checksFor('nexudus').check(
			'every Nexudus operation of every resource runs in real n8n',
			async () => {
				const execution = await execute(OPERATIONS_ID);
				expectEqual(execution.status, 'success', 'execution status');
				checkOperationsRun(execution.nodes);
			},
		);

		await checksFor('copper').check(
			'every Copper operation runs in real n8n, with the calls and bodies Copper documents',
			async () => {
				const tasksBefore = await copper.tasks();
				await copper.clearRequests();
				const startedAt = Math.floor(Date.now() / 1000);
				const execution = await execute(COPPER_OPERATIONS_ID);
				const run = { tasksBefore, startedAt, endedAt: Math.ceil(Date.now() / 1000) };
				expectEqual(execution.status, 'success', 'execution status');
				const created = checkCopperRun(execution.nodes, run);
				checkCopperRequests(await copper.requests(), created, run);
				// The trigger check reads the calls n8n makes from its start on.
				await copper.clearRequests();
			},
		);

		await checksFor('onlyoffice').check(
			'every ONLYOFFICE operation of both resources runs in real n8n, with the calls, queries and bodies of the portal API',
			async () => {
				const state = await onlyoffice.state();
				await onlyoffice.clearRequests();
				const startedAt = Date.now();
				const execution = await execute(ONLYOFFICE_OPERATIONS_ID);
				const run = {
					tasksBefore: state.tasks as IDataObject[],
					categoriesBefore: state.categories as IDataObject[],
					startedAt,
					endedAt: Date.now(),
				};
				expectEqual(execution.status, 'success', 'execution status');
				const made = checkOnlyofficeRun(execution.nodes, run);
				checkOnlyofficeRequests(await onlyoffice.requests(), {
					task: made.task.id as number,
					category: made.category.id as number,
				});
				// The deleted category's task moved to the category the workflow named.
				const after = await onlyoffice.state();
				const moved = (after.tasks as IDataObject[]).find((task) => task.id === made.second.id);
				expectEqual(
					(moved?.category as IDataObject | undefined)?.id,
					33,
					'category of the task in the deleted category',
				);
				expectTrue(
					!(after.categories as IDataObject[]).some((category) => category.id === made.category.id),
					'the deleted category is gone',
				);
			},
		);

		await checksFor('cotalker').check(
			'every Cotalker operation of both resources runs in real n8n, with the calls and queries Cotalker documents',
			async () => {
				await cotalker.clearRequests();
				const startedAt = Date.now();
				const execution = await execute(COTALKER_OPERATIONS_ID);
				const run = { after: await cotalker.state(), startedAt, endedAt: Date.now() };
				expectEqual(execution.status, 'success', 'execution status');
				const made = checkCotalkerRun(execution.nodes, run);
				checkCotalkerRequests(await cotalker.requests(), made, run);
				// The trigger check reads the calls n8n makes from its start on.
				await cotalker.clearRequests();
			},
		);

		await checksFor('nexudus').check(
			'an expired bearer token is renewed on the next run, and the new token is kept',
			async () => {
				// The operations run above signed in once and stored the token in the credential.
				await nexudus.control('POST', '/__sandbox/expire-tokens');
				await nexudus.control('DELETE', '/__sandbox/requests');
				const renewed = await execute(RENEWAL_ID);
				expectEqual(renewed.status, 'success', 'status of the run after the token expired');
				const calls = (await nexudus.requests()).map(
					(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
				);
				console.log(`[n8n ${version}] calls after the token expired: ${calls.join(', ')}`);
				// Refused with the expired token (n8n may try it more than once), one sign-in, then
				// the same call again with the new token.
				expectTrue(
					/^(GET \/api\/crm\/coworkertasks 401,)+POST \/api\/token 200,GET \/api\/crm\/coworkertasks 200$/.test(
						calls.join(','),
					),
					`requests of the run after the token expired: expected 401, one sign-in, 200; got ${JSON.stringify(calls)}`,
				);

				await nexudus.control('DELETE', '/__sandbox/requests');
				expectEqual((await execute(RENEWAL_ID)).status, 'success', 'status of the next run');
				expectEqual(
					(await nexudus.requests()).map(
						(request) => `${request.method} ${request.url.split('?')[0]}`,
					),
					['GET /api/crm/coworkertasks'],
					'requests of the next run (the renewed token was stored)',
				);
			},
		);

		await checksFor('onlyoffice').check(
			'an expired ONLYOFFICE token is renewed with one sign-in on the next run, and the new token is kept',
			async () => {
				// The operations run above signed in once and stored the token in the credential.
				const signIns = async () => (await onlyoffice.state()).signIns as number;
				await onlyoffice.control('POST', '/__sandbox/expire-tokens');
				await onlyoffice.clearRequests();
				const before = await signIns();
				const renewed = await execute(ONLYOFFICE_RENEWAL_ID);
				expectEqual(renewed.status, 'success', 'status of the run after the token expired');
				expectEqual(renewed.nodes['List task categories']?.length, 4, 'categories listed');
				const calls = (await onlyoffice.requests()).map(
					(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
				);
				console.log(
					`[n8n ${version}] ONLYOFFICE calls after the token expired: ${calls.join(', ')}`,
				);
				expectEqual((await signIns()) - before, 1, 'sign-ins of the run after the token expired');
				expectTrue(
					/^(GET \/api\/2\.0\/crm\/task\/category 401,)+POST \/api\/2\.0\/authentication 201,GET \/api\/2\.0\/crm\/task\/category 200$/.test(
						calls.join(','),
					),
					`requests of the run after the token expired: expected 401, one sign-in, 200; got ${JSON.stringify(calls)}`,
				);

				await onlyoffice.clearRequests();
				expectEqual(
					(await execute(ONLYOFFICE_RENEWAL_ID)).status,
					'success',
					'status of the next run',
				);
				expectEqual((await signIns()) - before, 1, 'sign-ins after the next run (none more)');
				expectEqual(
					(await onlyoffice.requests()).map(
						(request) => `${request.method} ${request.url.split('?')[0]} ${String(request.status)}`,
					),
					['GET /api/2.0/crm/task/category 200'],
					'requests of the next run (the renewed token was stored)',
				);
				// The trigger check reads the calls n8n makes from its start on.
				await onlyoffice.clearRequests();
			},
		);

		await run('bash', ['scripts/n8n/start.sh'], env);

		await checksFor('nexudus').check(
			'the credential test passes with Bearer Token and Basic Auth, and fails with a wrong password in both',
			async () => {
				const { expectTest, done } = await credentialChecks(base, CREDENTIAL_ID, /wrong-password/);
				const ok = (result: IDataObject) =>
					result.status === 'OK' && result.message === 'Connection successful!';
				await expectTest('Bearer Token, stored password', {}, ok);
				await expectTest('Basic Auth, stored password', { authentication: 'basicAuth' }, ok);
				await expectTest(
					'Bearer Token, wrong password (must fail, even with a token stored)',
					{ password: 'wrong-password' },
					(result) =>
						result.status === 'Error' &&
						String(result.message).includes('The user name or password is incorrect.'),
				);
				await expectTest(
					'Basic Auth, wrong password (must fail)',
					{ authentication: 'basicAuth', password: 'wrong-password' },
					(result) => result.status === 'Error',
				);
				done();
			},
		);

		await checksFor('onlyoffice').check(
			'the ONLYOFFICE credential test passes with user name and password and with an access token, and fails with a wrong password or token',
			async () => {
				const { expectTest, done } = await credentialChecks(
					base,
					ONLYOFFICE_CREDENTIAL_ID,
					/wrong-password|not-a-token/,
				);
				const ok = { status: 'OK', message: 'Connection successful!' };
				const signIns = async () => (await onlyoffice.state()).signIns as number;
				const before = await signIns();
				await expectTest(
					'user name and password, as stored',
					{},
					(result) => JSON.stringify(result) === JSON.stringify(ok),
				);
				await expectTest(
					'wrong password (must fail, even with a token stored)',
					{ password: 'wrong-password' },
					(result) =>
						result.status === 'Error' &&
						String(result.message).includes('User authentication failed'),
				);
				const signInsByTests = (await signIns()) - before;
				const token = await onlyoffice.signIn();
				await expectTest(
					'access token',
					{ authentication: 'accessToken', token },
					(result) => JSON.stringify(result) === JSON.stringify(ok),
				);
				await expectTest(
					'wrong access token (must fail)',
					{ authentication: 'accessToken', token: 'not-a-token' },
					(result) => result.status === 'Error',
				);
				console.log(
					`[n8n ${version}] ONLYOFFICE credential tests signed in ${signInsByTests} time(s) for the stored and the wrong password`,
				);
				done();
			},
		);

		await checksFor('cotalker').check(
			'the Cotalker credential test passes with the API token (with and without Admin Access), and fails with a wrong token',
			async () => {
				const { expectTest, done } = await credentialChecks(
					base,
					COTALKER_CREDENTIAL_ID,
					/not-the-token|sandbox-cotalker-token/,
				);
				const ok = { status: 'OK', message: 'Connection successful!' };
				// The active trigger polls meanwhile: only the credential tests' calls are compared.
				const before = (await cotalker.requests()).length;
				const same = (result: IDataObject) => JSON.stringify(result) === JSON.stringify(ok);
				await expectTest('API token, as stored', {}, same);
				await expectTest('API token, Admin Access off', { admin: false }, same);
				await expectTest(
					'wrong API token (must fail)',
					{ token: 'not-the-token' },
					// n8n 1.x answers a 401 with its own words before the credential's rules apply.
					(result) =>
						result.status === 'Error' &&
						result.message ===
							(isLine1(version)
								? 'Authorization failed - please check your credentials'
								: 'Cotalker refused the API token: check the token and the environment'),
				);
				// The wrong token is refused (n8n tries it more than once).
				const calls = (await cotalker.requests())
					.slice(before)
					.filter((request) => !isTriggerList(request))
					.map((request) => `${request.method} ${request.url} ${String(request.status)}`);
				expectTrue(
					/^GET \/api\/v2\/users\/me 200,GET \/api\/v2\/users\/me 200(,GET \/api\/v2\/users\/me 401)+$/.test(
						calls.join(','),
					),
					`calls of the three credential tests: expected two 200s, then 401s; got ${JSON.stringify(calls)}`,
				);
				done();
			},
		);

		// The triggers were activated together: their checks run side by side, each on its own path
		// of the sink.
		const nexudusTrigger = checksFor('nexudus').check(
			'the activated Nexudus trigger delivers exactly the changes made between polls, each once',
			async () => {
				const polls = async () =>
					(await nexudus.requests()).filter((request) =>
						/from_CoworkerTask_UpdatedOn=.*dir=1|dir=1.*from_CoworkerTask_UpdatedOn/.test(
							request.url,
						),
					).length;
				// The activation poll reads what exists; changes made after it are news.
				await waitFor(
					'the activation poll',
					async () => ((await polls()) > 0 ? true : undefined),
					60_000,
				);
				await sleep(1500);
				const seedId = await nexudus.firstTaskId();
				const first = await nexudus.createTask('Trigger e2e: first');
				const second = await nexudus.createTask('Trigger e2e: second');
				const seedUpdated = await nexudus.updateTask(seedId, { Notes: 'Changed by the e2e suite' });
				const expected = [first, second, seedUpdated].map(changeKey);
				const afterFirstRound = await waitForSink(
					sinkPort,
					'/nexudus-trigger',
					expected.length,
					150_000,
				);
				expectEqual(
					afterFirstRound.map(changeKey).sort(),
					[...expected].sort(),
					'first round of changes',
				);

				const firstUpdated = await nexudus.updateTask(first.Id as number, { Completed: true });
				const all = await waitForSink(sinkPort, '/nexudus-trigger', expected.length + 1, 150_000);
				expectEqual(
					all.map(changeKey).sort(),
					[...expected, changeKey(firstUpdated)].sort(),
					'all changes, each once',
				);
				expectEqual(all[all.length - 1], firstUpdated, 'the trigger emits the full record');
			},
		);
		const copperTrigger = checksFor('copper').check(
			'the activated Copper trigger delivers exactly the tasks created or changed between polls, each once',
			async () => {
				const polls = async () =>
					(await copper.requests()).filter(
						(request) => (request.body as IDataObject | undefined)?.sort_by === 'date_modified',
					).length;
				await waitFor(
					'the activation poll',
					async () => ((await polls()) > 0 ? true : undefined),
					60_000,
				);
				await sleep(1500);
				const [seed] = await copper.tasks();
				const first = await copper.createTask({ name: 'Trigger e2e: first' });
				const second = await copper.createTask({ name: 'Trigger e2e: second', priority: 'High' });
				const seedUpdated = await copper.updateTask(seed.id as number, {
					details: 'Changed by the e2e suite',
				});
				const expected = [first, second, seedUpdated].map(copperChangeKey);
				const afterFirstRound = await waitForSink(
					sinkPort,
					'/copper-trigger',
					expected.length,
					150_000,
				);
				expectEqual(
					afterFirstRound.map(copperChangeKey).sort(),
					[...expected].sort(),
					'first round of changes',
				);

				const firstUpdated = await copper.updateTask(first.id as number, { status: 'Completed' });
				const all = await waitForSink(sinkPort, '/copper-trigger', expected.length + 1, 150_000);
				expectEqual(
					all.map(copperChangeKey).sort(),
					[...expected, copperChangeKey(firstUpdated)].sort(),
					'all changes, each once',
				);
				expectEqual(
					all[all.length - 1],
					presentedCopperTask(firstUpdated),
					'the trigger emits the full task, with readable dates',
				);
				const own = [first, second, seedUpdated, firstUpdated].map((task, index) =>
					index < 2 ? `POST ${COPPER_TASKS}` : `PUT ${COPPER_TASKS}/${String(task.id)}`,
				);
				const calls = checkCopperTriggerRequests(await copper.requests(), own, all);
				console.log(
					`[n8n ${version}] Copper trigger: ${calls.listings.length} listing searches and ${calls.reads.length} reads by ID (${calls.reads
						.map((read) => (read.body as IDataObject).ids as number[])
						.map((ids) => ids.length)
						.join(', ')} IDs) while active`,
				);
			},
		);
		const onlyofficeTrigger = checksFor('onlyoffice').check(
			'the activated ONLYOFFICE trigger (Task Closed) delivers exactly the tasks closed between polls, each once',
			async () => {
				const polls = async () =>
					(await onlyoffice.requests()).filter(
						(request) =>
							request.url.startsWith('/api/2.0/crm/task/filter?') && request.status === 200,
					).length;
				await waitFor(
					'the activation poll',
					async () => ((await polls()) > 0 ? true : undefined),
					60_000,
				);
				await sleep(1500);
				const open = ((await onlyoffice.state()).tasks as IDataObject[]).filter(
					(task) => task.isClosed !== true,
				);
				expectTrue(open.length >= 4, `open tasks to close: ${open.length}`);
				const [a, b, c, d] = open.map((task) => task.id as number);
				// Two closes are news; a rename of an open task is not a close.
				const firstRound = [await onlyoffice.closeTask(a), await onlyoffice.closeTask(b)];
				await onlyoffice.renameTask(c, 'Renamed by the e2e suite (not a close)');
				const byId = (records: IDataObject[]) =>
					[...records].sort((x, y) => (x.id as number) - (y.id as number));
				const afterFirstRound = await waitForSink(sinkPort, '/onlyoffice-trigger', 2, 150_000);
				expectSame(
					byId(afterFirstRound),
					byId(firstRound.map(listedOnlyofficeTask)),
					'first round: the two closed tasks, each as listed',
				);

				// Reopening is not a close either; closing another task is.
				await onlyoffice.reopenTask(a);
				const closedLater = await onlyoffice.closeTask(d);
				const all = await waitForSink(sinkPort, '/onlyoffice-trigger', 3, 150_000);
				expectSame(
					byId(all),
					byId([...firstRound, closedLater].map(listedOnlyofficeTask)),
					'all closes, each once',
				);
				// The trigger's own calls: task lists only (sorted by deadline, paged by 500), each
				// accepted in JSON with the stored token.
				const lists = (await onlyoffice.requests()).filter((request) =>
					request.url.startsWith('/api/2.0/crm/task/filter?'),
				);
				const wrong = lists.filter(
					(request) =>
						request.method !== 'GET' ||
						request.status !== 200 ||
						request.format !== 'json' ||
						!request.authorization ||
						!request.url.endsWith('?sortBy=deadLine&sortOrder=ascending&startIndex=0&count=500'),
				);
				expectEqual(wrong, [], 'task lists of the trigger that are not as expected');
				console.log(`[n8n ${version}] ONLYOFFICE trigger: ${lists.length} task lists while active`);
			},
		);
		const cotalkerTrigger = checksFor('cotalker').check(
			"the activated Cotalker triggers deliver exactly the tasks created, changed and moved between polls, each once (Any Change over two task groups; State Changed of Ana's tasks)",
			async () => {
				// Both triggers poll both task groups at activation; changes made after that are news.
				const lists = async () => (await cotalker.requests()).filter(isTriggerList);
				await waitFor(
					'the activation polls',
					async () => {
						const urls = (await lists()).map((request) => request.url);
						return [PROJECTS, SUPPORT].every((group) => urls.some((url) => url.includes(group)))
							? true
							: undefined;
					},
					60_000,
				);
				let seen = -1;
				while (seen !== (await lists()).length) {
					seen = (await lists()).length;
					await sleep(3000);
				}
				const anasSeedTask = await seedTaskOf(cotalker, PROJECTS, ANA);
				const brunosSeedTask = await seedTaskOf(cotalker, SUPPORT, BRUNO);
				const created = await cotalker.createTask(PROJECTS, {
					name: 'Trigger e2e: created for Ana',
					assignee: ANA,
				});
				const createdInSupport = await cotalker.createTask(SUPPORT, {
					name: 'Trigger e2e: created in Support',
					assignee: BRUNO,
				});
				const movedAnas = await cotalker.moveTask(PROJECTS, anasSeedTask._id);
				const movedBrunos = await cotalker.moveTask(SUPPORT, brunosSeedTask._id);
				const edited = await cotalker.patchTask(SUPPORT, brunosSeedTask._id, {
					info: 'Changed by the e2e suite after its state move',
				});
				const afterFirstRound = await waitForSink(sinkPort, '/cotalker-trigger', 4, 150_000);
				// A poll that fell between Bruno's move and the edit (milliseconds apart) saw both.
				const split = afterFirstRound.some(
					(task) => cotalkerChangeKey(task) === cotalkerChangeKey(movedBrunos),
				);
				const firstRound = [
					created,
					createdInSupport,
					movedAnas,
					...(split ? [movedBrunos] : []),
					edited,
				];
				const statesAfterFirstRound = await waitForSink(sinkPort, '/cotalker-state', 1, 60_000);
				expectEqual(
					afterFirstRound.map(cotalkerChangeKey).sort(),
					firstRound.map(cotalkerChangeKey).sort(),
					'Any Change, first round: two creations, a state move, a state move then an edit (once, as it is now)',
				);
				expectSameTask(
					byId(
						afterFirstRound.filter(
							(task) => cotalkerChangeKey(task) !== cotalkerChangeKey(movedBrunos),
						),
					),
					byId(firstRound.filter((task) => task !== movedBrunos)),
					'Any Change emits whole tasks',
				);
				expectSameTask(statesAfterFirstRound, [movedAnas], "State Changed: Ana's task moved");
				expectTrue(
					movedBrunos.modifiedAt !== edited.modifiedAt,
					"the edit after Bruno's state move is a change of its own",
				);

				// The task created for Ana moves: a change for both triggers, once each.
				const movedCreated = await cotalker.moveTask(PROJECTS, created._id);
				const all = await waitForSink(
					sinkPort,
					'/cotalker-trigger',
					firstRound.length + 1,
					150_000,
				);
				const allStates = await waitForSink(sinkPort, '/cotalker-state', 2, 60_000);
				expectEqual(
					all.map(cotalkerChangeKey).sort(),
					[...firstRound, movedCreated].map(cotalkerChangeKey).sort(),
					'Any Change: all changes, each once',
				);
				expectSameTask(
					byId(allStates),
					byId([movedAnas, movedCreated]),
					"State Changed: Ana's two state moves, each once",
				);
				const calls = await lists();
				const refused = calls.filter((request) => request.status !== 200);
				expectEqual(refused, [], 'task lists of the triggers that Cotalker refused');
				console.log(
					`[n8n ${version}] Cotalker triggers: ${calls.length} task lists while active (2 triggers, 2 task groups each)`,
				);
			},
		);
		await Promise.all([nexudusTrigger, copperTrigger, onlyofficeTrigger, cotalkerTrigger]);

		// Activated only now: its Nexudus writes would be news to the Nexudus trigger checked above.
		const syncChecks = E2E_VENDORS.has('copper') && E2E_VENDORS.has('nexudus') ? checks : undefined;
		await syncChecks?.check(
			'the Copper → Nexudus sync example delivers each Copper change to Nexudus exactly once, also when run again',
			async () => {
				await run('bash', ['scripts/n8n/stop.sh'], env);
				if (isLine1(version)) await n8n('update:workflow', `--id=${SYNC_ID}`, '--active=true');
				else await n8n('publish:workflow', `--id=${SYNC_ID}`);
				await copper.clearRequests();
				await run('bash', ['scripts/n8n/start.sh'], env);
				// Changes made after the activation polls of both Copper triggers are news to the sync.
				await waitFor(
					'the activation polls of both Copper triggers',
					async () =>
						(await copper.requests()).filter(
							(request) => (request.body as IDataObject | undefined)?.sort_by === 'date_modified',
						).length >= 2
							? true
							: undefined,
					60_000,
				);
				await sleep(2000);
				await checkCopperNexudusSync({ version, copper, nexudus, execute });
			},
		);

		const mirrorChecks =
			E2E_VENDORS.has('onlyoffice') && E2E_VENDORS.has('cotalker') ? checks : undefined;
		await mirrorChecks?.check(
			'the ONLYOFFICE ↔ Cotalker status-mirroring example closes and reopens the twin on the other side, and leaves a twin alike alone',
			async () => await checkStatusMirroring({ version, onlyoffice, cotalker, execute }),
		);

		await checks.check(
			'no credential value in the executions, database or logs n8n kept after all the runs',
			async () => await checkNoSecretsKept(version, folder, env, E2E_VENDORS),
		);
	} finally {
		await run('bash', ['scripts/n8n/stop.sh'], env).catch(() => undefined);
		for (const child of children) stopProcess(child);
		console.log(`[n8n ${version}] done in ${Math.round((Date.now() - started) / 1000)} s`);
	}
}

/** An operations example cut down to its trigger and one list call, with the same credential. */
function renewalWorkflow(
	operationsJson: string,
	id: string,
	name: string,
	nodeName: string,
): IDataObject {
	const operations = JSON.parse(operationsJson) as {
		nodes: Array<IDataObject & { name: string; type: string }>;
		settings?: IDataObject;
	};
	const start = operations.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const list = operations.nodes.find((node) => node.name === nodeName)!;
	return {
		id,
		name,
		nodes: [start, list],
		connections: { [start.name]: { main: [[{ node: list.name, type: 'main', index: 0 }]] } },
		settings: operations.settings ?? { executionOrder: 'v1' },
	};
}

/**
 * Tests a stored credential as the editor does: the credential comes back with its secrets
 * blanked, the user changes fields, and n8n fills in the blanked secrets from the stored ones.
 */
async function credentialTester(
	base: string,
	id: string,
): Promise<(changes: IDataObject) => Promise<IDataObject>> {
	const cookie = await ownerSession(base);
	const response = await fetch(`${base}/rest/credentials/${id}?includeData=true`, {
		headers: { cookie },
	});
	expectTrue(response.ok, `GET the stored credential ${id}: HTTP ${response.status}`);
	const stored = ((await response.json()) as { data: IDataObject }).data;
	return async (changes) => {
		const tested = await fetch(`${base}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', cookie },
			body: JSON.stringify({
				credentials: {
					id: stored.id,
					name: stored.name,
					type: stored.type,
					data: { ...(stored.data as IDataObject), ...changes },
				},
			}),
		});
		return ((await tested.json()) as { data: IDataObject }).data;
	};
}

/**
 * Credential tests of one stored credential, each with what its result must be. Every mismatch
 * is collected, and so is a result that shows one of the `secrets`; `done` fails with them all.
 */
async function credentialChecks(base: string, id: string, secrets: RegExp) {
	const test = await credentialTester(base, id);
	const failures: string[] = [];
	return {
		async expectTest(
			what: string,
			changes: IDataObject,
			expected: (result: IDataObject) => boolean,
		) {
			const result = await test(changes);
			if (!expected(result)) failures.push(`${what}: got ${JSON.stringify(result)}`);
			if (secrets.test(JSON.stringify(result))) failures.push(`${what}: the result shows a secret`);
		},
		done() {
			if (failures.length > 0) throw new Error(failures.join('\n'));
		},
	};
}

/**
 * Waits until the sink holds at least `count` records posted to `path`, then a little longer for
 * any duplicate.
 */
async function waitForSink(
	port: number,
	path: string,
	count: number,
	timeoutMs: number,
): Promise<IDataObject[]> {
	const read = async () => {
		const response = await fetch(`http://127.0.0.1:${port}/__sink/items`);
		return ((await response.json()) as Array<{ url: string; body: IDataObject }>)
			.filter((item) => item.url === path)
			.map((item) => item.body);
	};
	await waitFor(
		`${count} records in the sink`,
		async () => ((await read()).length >= count ? true : undefined),
		timeoutMs,
	);
	await sleep(3000);
	return await read();
}
