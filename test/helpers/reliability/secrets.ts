/**
 * The secrets proof of one vendor (issue 11): every path of its nodes, answered and failing, and
 * no credential value anywhere in what the paths leave behind (output items, errors with their
 * description, cause, context and stack, and the run as n8n stores it).
 *
 * - Operations: the vendor's example workflow (examples/<vendor>-operations, every operation)
 *   runs against its emulator; then, for each request the example sends (token requests included),
 *   the run again with that request and every one after it failing in each way (failuresFor).
 * - The credential test, with the right secrets and with wrong ones, and failing in each way.
 * - Every loadOptions and listSearch method of the vendor's nodes, answered and failing.
 * - Each trigger of examples/<vendor>-trigger: its first polls, then polls failing in each way.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { testCredential } from '../credentialTest';
import { ActivePollTrigger } from '../pollTrigger';
import { recordWaits } from '../waits';
import { credentialSecrets } from './credentialSecrets';
import { operationsRun, runExample, type SavedWorkflow } from './exampleRun';
import { failuresFor, FaultyServer, type Fault, type Handler } from './faultyServer';
import { recordFigures } from './figures';
import { isPackageNode, operationsOffered, pickersOf } from './nodeSurface';
import { SecretScanner } from './secretScan';

export interface SecretsProof {
	vendor: string;
	credentialType: string;
	/** The status the vendor throttles with. */
	throttleStatus: number;
	/** The example that runs every operation (examples/<vendor>-operations.workflow.json). */
	operations: SavedWorkflow;
	/** The example with the vendor's triggers (examples/<vendor>-trigger.workflow.json). */
	triggers: SavedWorkflow;
	/** A fresh emulator (its request handler) that knows the account of `credentials`. */
	emulator: () => Handler;
	/**
	 * Credential data for the emulator at `url`. Its secrets are deliberately distinctive, and
	 * have characters that URL-encoding changes, so that each form of them is looked for.
	 */
	credentials: (url: string) => ICredentialDataDecryptedObject;
	/** The fields that make the credential wrong: secrets a user typed, distinctive as well. */
	wrongSecrets: ICredentialDataDecryptedObject;
	/** The parameters the pickers are asked with, by node type (as the editor has them filled). */
	pickerParameters?: Record<string, INodeParameters>;
}

/** The proof's tests for one vendor; it records its figures in the 'secrets' table. */
export function describeSecretsProof(proof: SecretsProof) {
	const { vendor, credentialType: type } = proof;
	const right = (url: string) => ({ [type]: proof.credentials(url) });
	const wrong = (url: string) => ({ [type]: { ...proof.credentials(url), ...proof.wrongSecrets } });
	const scanner = new SecretScanner([
		...credentialSecrets(type, proof.credentials('http://127.0.0.1')),
		...credentialSecrets(type, { ...proof.credentials('http://127.0.0.1'), ...proof.wrongSecrets }),
	]);
	const failures = failuresFor(proof.throttleStatus);
	let server: FaultyServer;
	let paths = 0;

	/** A new path: a fresh emulator, failing as `fault` from request `from` on, if given. */
	const freshPath = (failure?: { from: number; fault: Fault; message?: string }) => {
		paths++;
		server.reset(proof.emulator());
		if (failure) server.failFrom(failure.from, failure.fault, failure.message);
	};
	/** Scans what a path left, with any secret the vendor issued on the way (stored tokens). */
	const scan = (
		where: string,
		left: unknown,
		stored: Record<string, ICredentialDataDecryptedObject> = {},
	) => scanner.scan(where, left, stored[type] ? credentialSecrets(type, stored[type]) : []);

	const packageNodeTypes = [proof.operations, proof.triggers]
		.flatMap((saved) => saved.nodes.map((node) => node.type))
		.filter((nodeType, index, all) => isPackageNode(nodeType) && all.indexOf(nodeType) === index);
	const actionNodeTypes = packageNodeTypes.filter((nodeType) =>
		proof.operations.nodes.some((node) => node.type === nodeType),
	);
	const triggerNodes = proof.triggers.nodes.filter((node) => isPackageNode(node.type));

	describe(`${vendor} › secrets never leak`, () => {
		// The transport's waits between retries are recorded, not slept: a path fails as it would,
		// in no time.
		recordWaits();

		beforeAll(async () => {
			nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
			server = await FaultyServer.start(proof.emulator());
		});
		afterAll(async () => {
			await server.close();
			recordFigures('secrets', {
				vendor,
				paths,
				scannedChars: scanner.scannedChars,
				secrets: scanner.values.size,
				found: scanner.findings.length,
			});
		});

		let requestsOfExample = 0;

		it('runs every operation of each action node (the example, and any node added to it)', () => {
			for (const actionType of actionNodeTypes) {
				const run = new Set(operationsRun(proof.operations, actionType));
				expect([...run].sort()).toEqual([...new Set(operationsOffered(actionType))].sort());
			}
		});

		it('runs every operation of the example against the emulator, and no secret appears', async () => {
			freshPath();
			const { run, storedCredentials } = await runExample(proof.operations, right(server.url));

			expect(run.data.resultData.error).toBeUndefined();
			requestsOfExample = server.sent;
			expect(scan('the example run', run, storedCredentials)).toEqual([]);
		});

		it('finds a secret that the vendor echoes in an error, in what the run leaves (the scanner works)', async () => {
			const [secret] = credentialSecrets(type, proof.credentials(server.url));
			freshPath({
				from: requestsOfExample - 1,
				fault: 400,
				message: `Not accepted: ${secret.value}`,
			});
			const { run } = await runExample(proof.operations, right(server.url));

			expect(run.data.resultData.error).toBeDefined();
			expect(new SecretScanner([secret]).scan('the run', run)).toContainEqual({
				secret: secret.name,
				where: 'the run',
			});
		});

		it(`fails each request of the example from there on (${failures.join(', ')}), and no secret appears`, async () => {
			expect(requestsOfExample).toBeGreaterThan(0);
			const found = [];
			for (let from = 0; from < requestsOfExample; from++) {
				for (const fault of failures) {
					freshPath({ from, fault });
					const { run, storedCredentials } = await runExample(proof.operations, right(server.url));
					expect(server.failed).toBeGreaterThan(0);
					found.push(...scan(`request ${from + 1} failing: ${fault}`, run, storedCredentials));
				}
			}
			expect(found).toEqual([]);
		}, 600_000);

		it('tests the credential with the right and with wrong secrets, and failing in each way: no secret appears', async () => {
			freshPath();
			expect(await testCredential(type, right(server.url)[type])).toMatchObject({ status: 'OK' });
			freshPath();
			const refused = await testCredential(type, wrong(server.url)[type]);
			expect(refused.status).toBe('Error');
			const found = [...scan('credential test', refused)];
			for (const fault of failures) {
				freshPath({ from: 0, fault });
				found.push(
					...scan(`credential test, ${fault}`, await testCredential(type, right(server.url)[type])),
				);
			}
			expect(found).toEqual([]);
		});

		it('answers every picker (loadOptions, listSearch), and fails each in every way: no secret appears', async () => {
			const found = [];
			for (const nodeType of packageNodeTypes) {
				const parameters = proof.pickerParameters?.[nodeType] ?? {};
				for (const picker of pickersOf(nodeType)) {
					const call = async () => await picker.call(parameters, right(server.url));
					freshPath();
					found.push(...scan(picker.name, await call()));
					for (const fault of failures) {
						freshPath({ from: 0, fault });
						const failed = await call().then(
							() => new Error(`${picker.name} did not fail with ${fault}`),
							(error: unknown) => error,
						);
						found.push(...scan(`${picker.name}, ${fault}`, failed));
					}
				}
			}
			expect(found).toEqual([]);
		}, 300_000);

		it('polls each trigger, answering and failing in every way: no secret appears', async () => {
			const found = [];
			for (const node of triggerNodes) {
				freshPath();
				const trigger = new ActivePollTrigger({
					type: node.type,
					parameters: node.parameters,
					credentials: right(server.url),
				});
				found.push(...scan(`${node.name}, first poll`, await trigger.poll()));
				found.push(...scan(`${node.name}, second poll`, await trigger.poll()));
				for (const fault of failures) {
					freshPath({ from: 0, fault });
					const failed = await trigger.poll().then(
						(items) => ({ items }),
						(error: unknown) => error,
					);
					found.push(...scan(`${node.name} polling, ${fault}`, failed));
					found.push(...scan(`${node.name} static data`, trigger.state));
				}
			}
			expect(found).toEqual([]);
		}, 300_000);
	});
}
