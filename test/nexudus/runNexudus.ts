import { nodeRunner, picked, type OperationRunOptions } from '../helpers/runNode';
import { NODE, basicCredentials } from './credentials';

export { picked };

/** Runs the Nexudus node once, for one resource and operation. */
export const runNexudus = nodeRunner(NODE, basicCredentials);

/** Get coworker task 1001, the request most tests about the transport need. */
export const getTask1001 = (options?: OperationRunOptions) =>
	runNexudus('coworkerTask', 'get', { recordId: picked('1001') }, options);
