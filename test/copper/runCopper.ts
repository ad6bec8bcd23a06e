import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/runNode';
import { NODE, copperCredentials } from './credentials';

interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Runs the Copper node once, for one operation on tasks. */
export const runCopper = (
	operation: string,
	parameters: INodeParameters = {},
	options: RunOptions = {},
) =>
	runNode({
		type: NODE,
		parameters: { resource: 'task', operation, ...parameters },
		credentials: options.credentials ?? copperCredentials,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});

/** A record picked in a resource locator, by ID or from the list. */
export const picked = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });
