/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- local tooling, not shipped */
/**
 * The whole end-to-end suite on one n8n line (one version), in its own user folder, on its own
 * free ports, with its own sandboxes, so that several lines run side by side.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { type Checks, expectEqual, expectTrue } from './checks';
import {
	E2E_VENDORS,
	PACKAGE_NAME,
	ROOT,
	VENDORS,
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
import { CopperSandboxClient } from './copper';
import { CotalkerSandboxClient, isTriggerList } from './cotalker';
import { NexudusSandboxClient } from './nexudus';
import { MIRROR_FILE, checkStatusMirroring, mirrorFlowsByHand } from './mirror';
import { operationChecks, renewalChecks } from './operations';
import type { Execution, Sandboxes } from './scenarios';
import { checkNoSecretsKept } from './secrets';
import { SYNC_FILE, SYNC_ID, checkCopperNexudusSync, syncRerunWorkflow } from './sync';
import { OnlyofficeSandboxClient } from './onlyoffice';
import { VENDOR_EXAMPLES, sandboxSettings, writeExamples, writeRenewalWorkflows } from './fixtures';
import { TRIGGER_WORKFLOWS, triggerChecks } from './triggers';

const CREDENTIAL_ID = 'nexudusSandbox01';
const ONLYOFFICE_CREDENTIAL_ID = 'onlyofficeSandbox01';
const COTALKER_CREDENTIAL_ID = 'cotalkerSandbox01';

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
	const ports = {
		nexudus: nexudusPort,
		copper: copperPort,
		onlyoffice: onlyofficePort,
		cotalker: cotalkerPort,
		sink: sinkPort,
	};
	const env = await n8nEnvironment({
		N8N_VERSION: version,
		N8N_USER_FOLDER: folder,
		N8N_PORT: String(n8nPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_EXECUTE_BROKER_PORT: String(executeBrokerPort),
		...sandboxSettings(ports),
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

		// The examples, on this line's ports, plus one-call workflows for the token renewal checks.
		const fixtures = writeExamples(
			join(folder, 'fixtures'),
			[...VENDOR_EXAMPLES, SYNC_FILE, MIRROR_FILE],
			ports,
		);
		const renewals = writeRenewalWorkflows(fixtures);
		writeFileSync(
			join(fixtures, 'sync-rerun.workflow.json'),
			JSON.stringify(syncRerunWorkflow(readFileSync(join(fixtures, SYNC_FILE), 'utf8'))),
		);
		mirrorFlowsByHand(readFileSync(join(fixtures, MIRROR_FILE), 'utf8')).forEach((flow, index) =>
			writeFileSync(join(fixtures, `mirror-${index}.workflow.json`), JSON.stringify(flow)),
		);
		await n8n('import:credentials', `--input=${join(fixtures, 'sandbox.credentials.json')}`);
		for (const file of [
			...VENDOR_EXAMPLES.filter((file) => file.endsWith('.workflow.json')),
			...renewals,
			SYNC_FILE,
			'sync-rerun.workflow.json',
			MIRROR_FILE,
			'mirror-0.workflow.json',
			'mirror-1.workflow.json',
		]) {
			await n8n('import:workflow', `--input=${join(fixtures, file)}`);
		}
		// Activated while n8n is stopped, so that it starts with exactly one poller each.
		for (const vendor of VENDORS.filter((chosen) => E2E_VENDORS.has(chosen))) {
			const id = TRIGGER_WORKFLOWS[vendor];
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

		const sandboxes: Sandboxes = { nexudus, copper, onlyoffice, cotalker };
		for (const { vendor, name, body } of operationChecks({ version, sandboxes, execute }))
			await checksFor(vendor).check(name, body);
		for (const { vendor, name, body } of renewalChecks({ version, sandboxes, execute }))
			await checksFor(vendor).check(name, body);

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
		await Promise.all(
			triggerChecks({ version, sandboxes, sinkPort }).map(
				async ({ vendor, name, body }) => await checksFor(vendor).check(name, body),
			),
		);

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
