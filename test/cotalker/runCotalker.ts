import { nodeRunner } from '../helpers/runNode';
import { NODE, cotalkerCredentials } from './credentials';

export { picked } from '../helpers/runNode';

/** Runs the Cotalker node once, for one operation on `resource` (task or taskGroup). */
export const runCotalker = nodeRunner(NODE, cotalkerCredentials);
