import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NodeInputError } from '../../../nodes/shared/inputError';
import { ActivePollTrigger } from '../pollTrigger';
import { unmatchedRequests } from '../requests';
import { picked, runNode } from '../runNode';
import { recordFigures } from './figures';

/** One malformed input to an operation of a node, and how the node must refuse it. */
export interface BadInput {
	/** What is wrong with it, in words: the test's name, e.g. "a task ID with a slash". */
	input: string;
	/** The resource, when the node has several; the vendor's first one when absent. */
	resource?: string;
	operation: string;
	parameters: INodeParameters;
	/** The input item, for parameters given by an expression such as `={{ $json.id }}`. */
	item?: IDataObject;
	/** The display name of the field at fault: the message must name it, in quotes. */
	field: string;
	/** The exact error message. */
	message: string;
}

/** Text far beyond the longest the node sends (65,535 characters): a whole file mapped by mistake. */
export const A_MEGABYTE = 'x'.repeat(1024 * 1024);

/**
 * A record picked by the ID of the input item, as a workflow maps it from the previous node. (An
 * ID typed by hand that does not match the "By ID" pattern never runs: n8n reports the node's
 * issue first.)
 */
export const idOfItem = picked('={{ $json.id }}');

/** Rows of bad IDs given to one operation as the input item's `id`: `row(input, id)`. */
export const badIdRows =
	(row: Omit<BadInput, 'input' | 'item'>) =>
	(input: string, id: IDataObject[string]): BadInput => ({ ...row, input, item: { id } });

type LimitedOperation = Pick<BadInput, 'operation' | 'parameters'>;

/** A Limit of 0 on one list operation and a negative one on another: both refused. */
export const badLimitRows = (zero: LimitedOperation, negative: LimitedOperation): BadInput[] =>
	[
		{ input: 'a Limit of 0', ...zero, limit: 0 },
		{ input: 'a negative Limit', ...negative, limit: -10 },
	].map(({ input, operation, parameters, limit }) => ({
		input,
		operation,
		parameters: { ...parameters, returnAll: false, limit },
		field: 'Limit',
		message: 'Invalid value for "Limit": Expected a whole number above 0',
	}));

/** One malformed setting of a trigger (an ID or a filter), and how its poll must refuse it. */
export type BadTriggerInput = Omit<BadInput, 'resource' | 'operation' | 'item'>;

interface NodeUnderProof {
	vendor: string;
	/** The node's name as users see it, e.g. "Copper" or "Copper Trigger". */
	node: string;
	type: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/** What one refused input gave: the error, and the requests that left despite it. */
interface Refusal {
	error?: Error;
	requests: number;
}

/**
 * Runs every bad input through the node and checks that each is refused before any request, with
 * an input error whose message names the field. The figures row counts what was seen, not what
 * was expected, so a row with fewer errors than inputs shows a failure even in the table.
 */
function proveRefusals<F extends BadTriggerInput>(
	subject: NodeUnderProof,
	inputs: F[],
	refuse: (input: F) => Promise<Refusal>,
	isInputError: (error: unknown) => boolean,
) {
	const seen = { inputs: 0, nodeOperationErrors: 0, requestsSent: 0 };

	describe(`${subject.node} › bad input`, () => {
		it.each(inputs.map((input) => [input.input, input] as const))(
			'refuses %s, naming the field, with no request sent',
			async (_, input) => {
				const { error, requests } = await refuse(input);
				seen.inputs++;
				seen.requestsSent += requests;
				if (isInputError(error)) seen.nodeOperationErrors++;

				expect(error?.message).toBe(input.message);
				expect(error?.message).toContain(`"${input.field}"`);
				expect(isInputError(error)).toBe(true);
				expect(requests).toBe(0);
			},
		);

		afterAll(() => {
			recordFigures('bad input', { vendor: subject.vendor, node: subject.node, ...seen });
		});
	});
}

/**
 * Whether an action's error, as n8n keeps it in the execution data, is an input error. There an
 * input error is a NodeInputError, the node's NodeOperationError: n8n's routing engine would wrap
 * a NodeOperationError into a NodeApiError "Error code none" (see nodes/shared/inputError.ts).
 * The execution data holds a plain copy of the error, whose class is named by its stack.
 */
const isActionInputError = (error: unknown) => {
	const copy = error as Partial<NodeInputError> | undefined;
	return (
		copy?.stack?.startsWith(`NodeInputError: ${copy.message}`) === true && copy.httpCode === null
	);
};

/** The bad inputs of an action node, each run as one item through n8n's routing engine. */
export function proveBadActionInput(
	subject: NodeUnderProof & { resource: string },
	inputs: BadInput[],
) {
	proveRefusals(
		subject,
		inputs,
		async (input) => {
			const run = await runNode({
				type: subject.type,
				credentials: subject.credentials,
				parameters: {
					resource: input.resource ?? subject.resource,
					operation: input.operation,
					...input.parameters,
				},
				input: [input.item ?? {}],
			});
			return { error: run.error, requests: unmatchedRequests().length };
		},
		isActionInputError,
	);
}

/** The bad settings of a polling trigger, each refused by the trigger's first poll. */
export function proveBadTriggerInput(subject: NodeUnderProof, inputs: BadTriggerInput[]) {
	proveRefusals(
		subject,
		inputs,
		async (input) => {
			const trigger = new ActivePollTrigger({
				type: subject.type,
				credentials: subject.credentials,
				parameters: input.parameters,
			});
			const error = await trigger.poll().then(
				() => undefined,
				(failure: Error) => failure,
			);
			return { error, requests: unmatchedRequests().length };
		},
		(error) => error instanceof NodeOperationError,
	);
}
