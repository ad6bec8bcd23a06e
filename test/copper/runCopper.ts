import type { INodeParameters } from 'n8n-workflow';

import { nodeRunner, type OperationRunOptions } from '../helpers/runNode';
import { NODE, copperCredentials } from './credentials';

export { picked } from '../helpers/runNode';

const runNodeOperation = nodeRunner(NODE, copperCredentials);

/** Runs the Copper node once, for one operation on tasks. */
export const runCopper = async (
	operation: string,
	parameters?: INodeParameters,
	options?: OperationRunOptions,
) => await runNodeOperation('task', operation, parameters, options);
