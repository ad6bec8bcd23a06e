import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/runNode';
import { NODE, basicCredentials } from './credentials';

interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Runs the Nexudus node once, for one resource and operation. */
export const runNexudus = (
	resource: string,
	operation: string,
	parameters: INodeParameters = {},
	options: RunOptions = {},
) =>
	runNode({
		type: NODE,
		parameters: { resource, operation, ...parameters },
		credentials: options.credentials ?? basicCredentials,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});

/** A record picked in a resource locator, by ID or from the list. */
export const picked = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });

/** Get coworker task 1001, the request most tests about the transport need. */
export const getTask1001 = (options?: RunOptions) =>
	runNexudus('coworkerTask', 'get', { recordId: picked('1001') }, options);
