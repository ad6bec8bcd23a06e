/**
 * The Copper emulator's control API for tests and the e2e suite, under `/__sandbox/` (outside
 * Copper's `/developer_api/` space). No auth, never throttled.
 */
import type { CopperSandbox } from '../copper';
import { sharedControlReply } from '../control';
import { controlQuery } from '../http';
import type { Reply } from './replies';

export function controlReply(
	sandbox: CopperSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, number, ok } = controlQuery(url);
	switch (action) {
		case 'reset': {
			const cap = number('searchCap');
			const searchCap = cap !== undefined && Number.isInteger(cap) && cap > 0 ? cap : undefined;
			sandbox.reset({ seed: param('seed') !== 'false', searchCap });
			return ok({ tasks: sandbox.state.tasks.size });
		}
		default:
			return sharedControlReply(sandbox, method, url, action, body, () => ({
				nowSeconds: sandbox.nowSeconds(),
			}));
	}
}
