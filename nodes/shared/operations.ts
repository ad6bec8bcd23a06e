import type { IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { runThroughExecutor, type OperationExecutor } from './executor';
import { recordIdRule, recordsUrl, recordUrl, type RecordTarget } from './record';
import { aOrAn, validateParameters, type ParameterRules } from './validation';

/** What an operation on one kind of record sends, and the executor that runs it. */
interface OperationSpec {
	executor: OperationExecutor;
	/** The operation's description; a plain one from the noun when absent. */
	description?: string;
	/** The request, when it is not the usual one for the operation. */
	request?: {
		method: IHttpRequestMethods;
		url: string;
		qs?: Record<string, string>;
		/** Headers the vendor needs on this request only, e.g. Cotalker's Admin header. */
		headers?: Record<string, string>;
	};
	/** Parameters checked before the request is built, beyond those the executor checks. */
	checks?: ParameterRules;
}

/** The preSend checks of an operation, if it has any. */
const checked = (rules?: ParameterRules) =>
	rules ? { send: { preSend: [validateParameters(rules)] } } : {};

/** Create: a POST to the records' endpoint. */
export const createOperation = (
	target: RecordTarget,
	spec: OperationSpec,
): INodePropertyOptions => ({
	name: 'Create',
	value: 'create',
	action: `Create ${aOrAn(target.noun)}`,
	description: spec.description ?? `Create ${aOrAn(target.noun)}`,
	routing: {
		request: spec.request ?? { method: 'POST', url: recordsUrl(target) },
		operations: { pagination: spec.executor },
	},
});

/** Delete: a DELETE of the picked record. */
export const deleteOperation = (
	target: RecordTarget,
	spec: OperationSpec,
): INodePropertyOptions => ({
	name: 'Delete',
	value: 'delete',
	action: `Delete ${aOrAn(target.noun)}`,
	description: spec.description ?? `Delete ${aOrAn(target.noun)}`,
	routing: {
		request: spec.request ?? { method: 'DELETE', url: recordUrl(target) },
		...checked(spec.checks),
		operations: { pagination: spec.executor },
	},
});

/** Get: the picked record, its ID checked before the request. */
export const getOperation = (target: RecordTarget, spec: OperationSpec): INodePropertyOptions => ({
	name: 'Get',
	value: 'get',
	action: `Get ${aOrAn(target.noun)}`,
	description: spec.description ?? `Get one ${target.noun} by its ID`,
	routing: {
		request: spec.request ?? { method: 'GET', url: recordUrl(target) },
		...checked({ ...recordIdRule(target), ...spec.checks }),
		operations: { pagination: spec.executor },
	},
});

/** Update: a PUT of the picked record, unless the vendor's request differs. */
export const updateOperation = (
	target: RecordTarget,
	spec: OperationSpec,
): INodePropertyOptions => ({
	name: 'Update',
	value: 'update',
	action: `Update ${aOrAn(target.noun)}`,
	description:
		spec.description ?? `Change fields of ${aOrAn(target.noun)}, keeping all others as they are`,
	routing: {
		request: spec.request ?? { method: 'PUT', url: recordUrl(target) },
		operations: { pagination: spec.executor },
	},
});

/**
 * The Operation selector of a resource: every operation runs through its executor (see
 * executor.ts), in the order of the options given (n8n lists them by name).
 */
export function operationSelector(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		routing: runThroughExecutor,
		options,
		default: defaultOperation,
	};
}
