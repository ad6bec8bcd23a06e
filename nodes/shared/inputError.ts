import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A problem with what the user entered, found while n8n's routing engine runs an operation.
 *
 * n8n-core's routing engine (RoutingNode.runNode) turns every error that a preSend hook or the
 * pagination hook (our operation executors) throws into a NodeApiError with `httpCode: 'none'`,
 * unless it already is a NodeApiError. The editor then labels a plain input mistake
 * "From <node> – Error code none", as if the vendor had answered. This error is a NodeApiError
 * that carries no HTTP code and no raw messages, so the routing engine passes it on unchanged and
 * the editor shows only the message and the description, as for a NodeOperationError.
 */
export class NodeInputError extends NodeApiError {
	constructor(node: INode, message: string, options: { description?: string; itemIndex?: number }) {
		super(node, {}, { message, description: options.description, itemIndex: options.itemIndex });
		this.httpCode = null;
		this.messages = [];
	}
}

/** Where an input error happens: an item of a declarative node, or a trigger without items. */
interface ErrorContext {
	getNode(): INode;
	getItemIndex?: () => number;
}

/**
 * The error for invalid input. Inside the routing engine (a context with items) it is a
 * NodeInputError, see above; elsewhere (triggers, listSearch) a NodeOperationError.
 */
export function inputError(
	context: ErrorContext,
	message: string,
	options: { description?: string } = {},
): NodeApiError | NodeOperationError {
	if (typeof context.getItemIndex !== 'function') {
		return new NodeOperationError(context.getNode(), message, options);
	}
	const itemIndex = context.getItemIndex();
	return new NodeInputError(context.getNode(), message, { ...options, itemIndex });
}
