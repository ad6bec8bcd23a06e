import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import type nock from 'nock';

import { expectExactRequests } from '../requests';
import { runWorkflow } from '../runWorkflow';
import { testNode } from '../testNode';
import { recordFigures } from './figures';
import { seededRandom } from './random';

const ITEMS = 1000;
/** Of the bad items (10%), half have an ID the node refuses, half one the vendor answers 404 for. */
const INVALID = 50;
const MISSING = 50;
const SEED = 20261123;

/** What the vendor answers for one ID: its status, body and headers. */
export type Answer = [status: number, body: unknown, headers?: Record<string, string>];

/** One operation on a record ID, run over many items with Continue On Fail. */
export interface ManyItemsProof {
	vendor: string;
	/** The operation in words, e.g. "get task by ID". */
	operation: string;
	type: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The node's parameters; the ID is `{{ $json.id }}`, the ID of each input item. */
	parameters: INodeParameters;
	/** The ID of a record for item `index`, each item its own. */
	idOf: (index: number) => string;
	/** IDs the node must refuse before any request, e.g. `12/../13`. */
	invalidIds: string[];
	/** The vendor's API as nock intercepts it (its base URL and the headers it requires). */
	api: () => nock.Scope;
	/** The path of one record, its ID last, e.g. `/\/tasks\/\d+$/`. */
	recordPath: RegExp;
	/** The vendor's answer for a record it has, and the node's output for it. */
	found: (id: string) => { answer: Answer; output: IDataObject };
	/** The vendor's answer for an ID it does not know, and the message of the error item. */
	missing: { answer: Answer; message: string };
	/** The message of the error item for an invalid ID. */
	invalidMessage: string;
}

type ItemKind = 'found' | 'invalid' | 'missing';

/** Which items are bad, and how: 100 positions of 1,000 drawn by a seeded shuffle. */
function itemKinds(): ItemKind[] {
	const random = seededRandom(SEED);
	const positions = Array.from({ length: ITEMS }, (_, index) => index);
	for (let index = positions.length - 1; index > 0; index--) {
		const other = random.between(0, index);
		[positions[index], positions[other]] = [positions[other], positions[index]];
	}
	const kinds = new Array<ItemKind>(ITEMS).fill('found');
	positions.slice(0, INVALID).forEach((position) => (kinds[position] = 'invalid'));
	positions.slice(INVALID, INVALID + MISSING).forEach((position) => (kinds[position] = 'missing'));
	return kinds;
}

/** Runs the node once over `input` with Continue On Fail, and returns its output items whole. */
async function runWithContinueOnFail(proof: ManyItemsProof, input: IDataObject[]) {
	const node = {
		...testNode('Many items', proof.type, proof.parameters, Object.keys(proof.credentials)),
		onError: 'continueRegularOutput' as const,
	};
	const { run } = await runWorkflow({
		nodes: [node],
		connections: {},
		start: node,
		input,
		credentials: proof.credentials,
	});
	const output: INodeExecutionData[] =
		run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
	return output;
}

/**
 * Continue On Fail with 1,000 items, 10% of them bad: the node outputs one item per input item, in
 * input order, each paired with its input item: the record, or an error item with the message.
 * Exactly the requests for the valid IDs are sent.
 */
export function proveManyItems(proof: ManyItemsProof) {
	it(`outputs 900 ${proof.operation} results and 100 error items, in order and paired, from 1,000 items`, async () => {
		const random = seededRandom(SEED);
		const kinds = itemKinds();
		const ids = kinds.map((kind, index) =>
			kind === 'invalid' ? random.pick(proof.invalidIds) : proof.idOf(index),
		);
		const requested: string[] = [];
		const scope = proof
			.api()
			.get(proof.recordPath)
			.times(ITEMS - INVALID)
			.reply((path) => {
				const id = path.split('/').pop()!;
				requested.push(id);
				return kinds[ids.indexOf(id)] === 'found' ? proof.found(id).answer : proof.missing.answer;
			});

		const started = performance.now();
		const output = await runWithContinueOnFail(
			proof,
			ids.map((id) => ({ id })),
		);
		const seconds = (performance.now() - started) / 1000;

		const expected = kinds.map((kind, index) =>
			kind === 'found'
				? proof.found(ids[index]).output
				: { error: kind === 'invalid' ? proof.invalidMessage : proof.missing.message },
		);
		const json = output.map((item) => item.json);
		const paired = output.filter((item, index) => {
			const pairedItem = item.pairedItem as { item?: number } | undefined;
			return pairedItem?.item === index;
		});
		const sentFor = ids.filter((_, index) => kinds[index] !== 'invalid');
		recordFigures('many items', {
			vendor: proof.vendor,
			operation: proof.operation,
			items: ITEMS,
			results: json.filter((item) => !('error' in item)).length,
			errorItems: json.filter((item) => 'error' in item).length,
			inOrder: JSON.stringify(json) === JSON.stringify(expected),
			pairedItems: paired.length,
			requests: requested.length,
			seconds: Number(seconds.toFixed(1)),
		});

		expect(json).toEqual(expected);
		expect(output.map((item) => item.pairedItem)).toEqual(
			output.map((_, index) => ({ item: index })),
		);
		expect([...requested].sort()).toEqual([...sentFor].sort());
		expectExactRequests(scope);
	}, 180_000);
}
