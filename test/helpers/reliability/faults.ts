/**
 * The faults proof of one vendor (issue 11, "Faults, on every operation"): the vendor's example
 * workflow runs every operation of its action node against its emulator; then, for each request it
 * sends (token requests included) and each kind of transient fault (faultInjection.ts), again with
 * that request faulty, once with a fault that clears and once with one that does not.
 *
 * - A fault that clears on a request safe to send twice (a read, PUT/PATCH/DELETE, a search POST,
 *   a sign-in), or one that says the vendor did not take the request on (throttling, 503): the run
 *   gives exactly the outputs of the clean run, with exactly its requests, the faulty one repeated
 *   once for each faulty answer.
 * - Any other fault on a creation or command (a POST): it is not sent again, and the run stops at
 *   its node with a NodeApiError.
 * - A fault that never clears: the request is sent as often as its policy allows, no request
 *   follows, and the run stops with a NodeApiError.
 */
import type { ICredentialDataDecryptedObject, IRun } from 'n8n-workflow';
import nock from 'nock';

import { transientFaultPolicy } from '../../../nodes/shared/transport/faults';
import { outputsOf } from '../runWorkflow';
import { recordWaits } from '../waits';
import { operationsRun, runExample, type SavedWorkflow } from './exampleRun';
import {
	faultKinds,
	withFault,
	type FaultKind,
	type ErrorBody,
	type Injection,
} from './faultInjection';
import { faultRules, type Expected, type VendorFaultRules } from './faultRules';
import { FaultyServer, type Handler } from './faultyServer';
import { fakeMachineClock, type MachineClock } from './machineClock';
import { recordFigures } from './figures';
import { isPackageNode, operationsOffered } from './nodeSurface';

export interface FaultsProof extends VendorFaultRules {
	vendor: string;
	/** The example that runs every operation (examples/<vendor>-operations.workflow.json). */
	operations: SavedWorkflow;
	/** A fresh emulator (its request handler) that knows the account of `credentials`. */
	emulator: () => Handler;
	/** Credential data for the emulator at `url`. */
	credentials: (url: string) => ICredentialDataDecryptedObject;
	/** How the vendor words an error in its JSON body; `{ message }` when not given. */
	errorBody?: ErrorBody;
}

/** How long one attempt may wait for an answer in this proof (n8n's transport gives a minute). */
const TIMEOUT_MS = 200;

export function describeFaultsProof(proof: FaultsProof) {
	const { vendor, api } = proof;
	const kinds = faultKinds(api.throttleStatus, proof.errorBody ?? ((message) => ({ message })));
	const rules = faultRules(proof);
	const { expected, isFault, isSignIn, retriedThrough } = rules;
	const waits = recordWaits();
	let server: FaultyServer;
	// Each run must stamp the times the clean run stamped: Date stands still during the proof.
	let clock: MachineClock;
	let clean: { outputs: ReturnType<typeof outputsOf>; requests: string[]; error: unknown };
	const timeoutMs = transientFaultPolicy.timeoutMs;
	const actionTypes = [...new Set(proof.operations.nodes.map((node) => node.type))].filter(
		isPackageNode,
	);
	const operationCount = actionTypes.flatMap((type) => [
		...new Set(operationsRun(proof.operations, type)),
	]).length;

	const run = async (injection?: Injection) => {
		const emulator = withFault(proof.emulator(), injection);
		server.reset(emulator.handler);
		// Only runs with a request left unanswered wait for the timeout: they get a short one.
		const unanswered = injection?.kind.answers.includes('no answer') ?? false;
		transientFaultPolicy.timeoutMs = unanswered ? TIMEOUT_MS : timeoutMs;
		try {
			const { run: result } = await runExample(proof.operations, {
				[api.credentialType]: proof.credentials(server.url),
			});
			return { run: result, requests: emulator.requests };
		} finally {
			transientFaultPolicy.timeoutMs = timeoutMs;
		}
	};

	const expectStopped = (result: IRun, want: Expected, request: string, label: string) => {
		const error = result.data.resultData.error as
			| (Error & { httpCode?: string | null })
			| undefined;
		const last = want.last!;
		expect({
			label,
			name: error?.name,
			message: error?.message,
			httpCode: error?.httpCode ?? undefined,
		}).toEqual({
			label,
			name: 'NodeApiError',
			message: rules.messageFor(last, request, want.attempts),
			// A failed sign-in reaches n8n as the credential's error, which carries no status.
			httpCode: last === 'no answer' || isSignIn(request) ? undefined : String(last.status),
		});
	};

	/** The requests of the clean run with the `at`th sent `attempts` times, and those after it if it `cleared`. */
	const requestsWith = (at: number, { attempts, cleared }: Expected) => [
		...clean.requests.slice(0, at),
		...new Array<string>(attempts).fill(clean.requests[at]),
		...(cleared ? clean.requests.slice(at + 1) : []),
	];

	const sum = (waits: number[]) => waits.reduce((total, wait) => total + wait, 0);

	describe(`${vendor} › transient faults on every request of every operation`, () => {
		beforeAll(async () => {
			nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
			server = await FaultyServer.start(proof.emulator());
			clock = fakeMachineClock(new Date(), { frozen: true });
			const { run: result, requests } = await run();
			clean = { outputs: outputsOf(result), requests, error: result.data.resultData.error };
		});
		afterAll(async () => {
			clock.restore();
			await server.close();
		});

		it('runs every operation of the node (the example covers all it offers) without a fault', async () => {
			for (const type of actionTypes) {
				expect([...new Set(operationsRun(proof.operations, type))].sort()).toEqual(
					[...new Set(operationsOffered(type))].sort(),
				);
			}
			expect(clean.error).toBeUndefined();
			// The same outputs each time, so that a run with a fault can be held to them.
			expect(outputsOf((await run()).run)).toEqual(clean.outputs);
		});

		/** Runs with the `at`th request faulty, and checks the run against `want`. */
		const runFaulty = async (at: number, kind: FaultKind, clears: boolean) => {
			const request = clean.requests[at];
			const want = expected(kind, request, clears);
			waits.length = 0;
			const { run: result, requests } = await run({
				kind,
				clears,
				strikes: (index) => index === at,
			});
			const label = `request ${at + 1} (${request}), ${kind.name}`;
			expect({ label, requests }).toEqual({ label, requests: requestsWith(at, want) });
			if (want.cleared)
				expect({ label, outputs: outputsOf(result) }).toEqual({ label, outputs: clean.outputs });
			else expectStopped(result, want, request, label);
			return { want, waitedMs: sum(waits) };
		};

		it.each(kinds.map((kind) => [kind.name, kind] as const))(
			'%s, then the right answer: the same outputs, or a creation or command stopped and not repeated',
			async (name, kind) => {
				// One run with the fault on every request that may be retried through it.
				waits.length = 0;
				const { run: result, requests } = await run({
					kind,
					clears: true,
					strikes: (_index, request) => retriedThrough(kind, request),
				});
				const struck = clean.requests.filter((request) => retriedThrough(kind, request));
				expect(requests).toEqual(
					clean.requests.flatMap((request) =>
						new Array<string>(retriedThrough(kind, request) ? kind.answers.length + 1 : 1).fill(
							request,
						),
					),
				);
				expect(outputsOf(result)).toEqual(clean.outputs);
				const figures = {
					attempts: struck.length * (kind.answers.length + 1),
					waitedMs: sum(waits),
					retried: struck.length,
					stopped: 0,
				};
				// Then a run for each other request: a creation or command the fault stops, or an
				// answer that is no fault for it (an empty body after a deletion).
				for (let at = 0; at < clean.requests.length; at++) {
					const request = clean.requests[at];
					// An empty answer to a deletion is no fault: the vendor deleted and said no more.
					if (retriedThrough(kind, request) || !isFault(kind.answers[0], request)) continue;
					const { want, waitedMs } = await runFaulty(at, kind, true);
					figures.attempts += want.attempts;
					figures.waitedMs += waitedMs;
					if (want.cleared) figures.retried++;
					else figures.stopped++;
				}
				recordFigures('faults', {
					vendor,
					operations: operationCount,
					fault: name,
					cleared: 'yes',
					requests: clean.requests.length,
					attempts: figures.attempts,
					waitedMs: figures.waitedMs,
					outcome: [
						`${figures.retried} retried to the same outputs`,
						figures.stopped && `${figures.stopped} creations/commands stopped, not repeated`,
					]
						.filter(Boolean)
						.join('; '),
				});
			},
			60_000,
		);

		it.each(kinds.map((kind) => [kind.name, kind] as const))(
			'%s that never clears: a NodeApiError, after as many attempts as the request may have',
			async (name, kind) => {
				const figures = { requests: 0, attempts: 0, waitedMs: 0, errors: 0 };
				for (let at = 0; at < clean.requests.length; at++) {
					// A request sent before (a later page, a record read again) stands for itself once.
					const request = clean.requests[at];
					if (clean.requests.indexOf(request) < at || !isFault(kind.answers[0], request)) continue;
					const { want, waitedMs } = await runFaulty(at, kind, false);
					figures.requests++;
					figures.attempts += want.attempts;
					figures.waitedMs += waitedMs;
					if (!want.cleared) figures.errors++;
				}
				recordFigures('faults', {
					vendor,
					operations: operationCount,
					fault: name,
					cleared: 'no',
					requests: figures.requests,
					attempts: figures.attempts,
					waitedMs: figures.waitedMs,
					outcome: `${figures.errors} NodeApiError`,
				});
			},
			60_000,
		);
	});
}
