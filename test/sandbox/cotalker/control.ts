/**
 * The Cotalker emulator's control API for tests, `npm run dev` and the e2e suite, under
 * `/__sandbox/` (outside Cotalker's `/api/` space). No auth, never throttled.
 */
import type { CotalkerSandbox } from '../cotalker';
import { sharedControlReply } from '../control';
import { controlQuery, type Reply } from '../http';

export function controlReply(
	sandbox: CotalkerSandbox,
	method: string,
	url: URL,
	action: string,
	body: Record<string, unknown> | undefined,
): Reply {
	const { param, ok } = controlQuery(url);
	const optionalFlag = (name: string) =>
		param(name) === null ? undefined : param(name) === 'true';
	const shape = () => ({ arrayKey: sandbox.state.arrayKey, createWrap: sandbox.state.createWrap });
	switch (action) {
		case 'reset':
			sandbox.reset({
				seed: param('seed') !== 'false',
				arrayKey: param('arrayKey') || undefined,
				createWrap: optionalFlag('createWrap'),
			});
			return ok({ tasks: sandbox.state.tasks.size, ...shape() });
		case 'shape':
			sandbox.setShape({
				arrayKey: param('arrayKey') ?? undefined,
				createWrap: optionalFlag('createWrap'),
			});
			return ok(shape());
		default:
			return sharedControlReply(sandbox, method, url, action, body);
	}
}
