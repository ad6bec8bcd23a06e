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
import type { ICredentialDataDecryptedObject, INodeParameters, INodeType } from 'n8n-workflow';
import nock from 'nock';

import { testCredential } from '../credentialTest';
import { loadOptionsContext } from '../loadOptions';
import { PackageNodeTypes } from '../nodeTypes';
import { ActivePollTrigger } from '../pollTrigger';
import { credentialSecrets } from './credentialSecrets';
import { operationsRun, runExample, type SavedWorkflow } from './exampleRun';
import { failuresFor, FaultyServer, type Fault, type Handler } from './faultyServer';
import { recordFigures } from './figures';
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

	const pickers = (): Array<{ nodeType: string; method: string; call: () => Promise<unknown> }> =>
		[proof.operations, proof.triggers]
			.flatMap((saved) => saved.nodes.map((node) => node.type))
			.filter(
				(nodeType, index, all) => nodeType.includes('crm-tasks') && all.indexOf(nodeType) === index,
			)
			.flatMap((nodeType) => {
				const parameters = proof.pickerParameters?.[nodeType] ?? {};
				const { nodeType: described } = loadOptionsContext(nodeType, parameters, right(server.url));
				const methods: INodeType['methods'] = described.methods ?? {};
				return [
					...Object.keys(methods.loadOptions ?? {}).map((method) => ({
						kind: 'loadOptions',
						method,
					})),
					...Object.keys(methods.listSearch ?? {}).map((method) => ({
						kind: 'listSearch',
						method,
					})),
				].map(({ kind, method }) => ({
					nodeType,
					method,
					call: async () => {
						const { context, nodeType: node } = loadOptionsContext(
							nodeType,
							parameters,
							right(server.url),
						);
						const methodsOfKind = node.methods![kind as 'loadOptions' | 'listSearch']!;
						return await (methodsOfKind[method] as (this: unknown) => Promise<unknown>).call(
							context,
						);
					},
				}));
			});

	/** Every (resource, operation) pair an action node offers, from its description. */
	const operationsOffered = (type: string) =>
		new PackageNodeTypes()
			.getByNameAndVersion(type, 1)
			.description.properties.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
					(property.options ?? []).map(
						(option) => `${String(resource)} ${String((option as { value: unknown }).value)}`,
					),
				),
			);

	const triggerNodes = () => proof.triggers.nodes.filter((node) => node.type.includes('crm-tasks'));

	describe(`${vendor} › secrets never leak`, () => {
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
			const actionTypes = [...new Set(proof.operations.nodes.map((node) => node.type))].filter(
				(nodeType) => nodeType.includes('crm-tasks'),
			);
			for (const actionType of actionTypes) {
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
			for (const picker of pickers()) {
				freshPath();
				found.push(...scan(`${picker.method}`, await picker.call()));
				for (const fault of failures) {
					freshPath({ from: 0, fault });
					const failed = await picker.call().then(
						() => new Error(`${picker.method} did not fail with ${fault}`),
						(error: unknown) => error,
					);
					found.push(...scan(`${picker.method}, ${fault}`, failed));
				}
			}
			expect(found).toEqual([]);
		}, 120_000);

		it('polls each trigger, answering and failing in every way: no secret appears', async () => {
			const found = [];
			for (const node of triggerNodes()) {
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
		}, 120_000);
	});
}
