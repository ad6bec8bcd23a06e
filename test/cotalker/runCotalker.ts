import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/runNode';
import { NODE, cotalkerCredentials } from './credentials';

interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Runs the Cotalker node once, for one operation on `resource`. */
export const runCotalker = (
	resource: 'task' | 'taskGroup',
	operation: string,
	parameters: INodeParameters = {},
	options: RunOptions = {},
) =>
	runNode({
		type: NODE,
		parameters: { resource, operation, ...parameters },
		credentials: options.credentials ?? cotalkerCredentials,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});

/** A record picked in a resource locator, by ID or from the list. */
export const picked = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });
