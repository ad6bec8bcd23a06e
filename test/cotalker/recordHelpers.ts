import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import {
	createCotalkerSandbox,
	type CotalkerSandbox,
	type RunningServer,
} from '../sandbox/cotalker';
import task from './fixtures/task.json';
import { AUTH_HEADERS, BASE_URL, sandboxCredentials } from './credentials';
import { picked, runCotalker } from './runCotalker';

export { task };

/** Seed-like IDs (test/sandbox/cotalker/seed.ts): task groups, users, properties, states. */
export const PROJECTS = '6a1e00000d00000000000001';
export const SUPPORT = '6a1e00000d00000000000002';
export const TASK = '6a1e00000100000000000001';
export const BOT = '6a1e00000a00000000000001';
export const ANA = '6a1e00000a00000000000002';
export const BRUNO = '6a1e00000a00000000000003';
export const CARLA = '6a1e00000a00000000000004';
export const HIGH = '6a1e00000e00000000000003';
export const DOING = '6a1e00000e00000000000012';
export const DONE_STATE = '6a1e00000f00000000000003';

/** The v1 URL of the fixture task and of its group's tasks. */
export const TASKS_V1 = `/api/v1/tasks/${PROJECTS}/task`;
export const TASK_V1 = `${TASKS_V1}/${TASK}`;
export const TASKS_V2 = `/api/v2/task-groups/${PROJECTS}/tasks`;

/** Cotalker's API as nock intercepts it: every request must carry the bearer token and Admin. */
export const cotalker = () => nock(BASE_URL, { reqheaders: AUTH_HEADERS });

/** Cotalker's `{data: ...}` envelope. */
export const data = (body: unknown) => ({ data: body });

/** A page of a v2 list: `{data: {tasks: [...], count}}`. */
export const tasksPage = (tasks: IDataObject[], count?: number, key = 'tasks') =>
	data({ [key]: tasks, ...(count === undefined ? {} : { count }) });

/** Cotalker's error body. */
export const failed = (statusCode: number, error: string, message: string) => ({
	statusCode,
	error,
	message,
});

/** A task like the fixture, with another ID (24 hex characters) and name. */
export const taskNumbered = (n: number, name = `Task ${n}`): IDataObject => ({
	...task,
	_id: `6a1e0000010000000000${n.toString(16).padStart(4, '0')}`,
	serial: n,
	name,
});

/** Runs a task operation in the Projects group (or `group`), with the fixture task picked. */
export const runTask = (
	operation: string,
	parameters: INodeParameters = {},
	options: Parameters<typeof runCotalker>[3] & { group?: string } = {},
) =>
	runCotalker(
		'task',
		operation,
		{ taskGroup: picked(options.group ?? PROJECTS, 'list'), ...parameters },
		options,
	);

/** The same with the fixture task picked as the task. */
export const runOnTask = (
	operation: string,
	parameters: INodeParameters = {},
	options: Parameters<typeof runTask>[2] = {},
) => runTask(operation, { recordId: picked(TASK), ...parameters }, options);

/** The messages of a malformed ObjectId in each picker, as the node words them. */
export const badId = (label: string, noun: string) =>
	`Invalid value for "${label}": Enter an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001, or pick a ${noun} from the list`;

/** The emulator's clock. */
export const EMULATOR_NOW = new Date('2026-11-21T12:00:00Z');

/**
 * The Cotalker emulator (test/sandbox/cotalker.ts) on a loopback port for the calling `describe`,
 * reset before each test, with credentials for its API token (Admin Access on); its clock stands at
 * `now`.
 */
export function useEmulator(now = EMULATOR_NOW) {
	const current = {} as {
		sandbox: CotalkerSandbox;
		server: RunningServer;
		credentials: Record<string, ICredentialDataDecryptedObject>;
	};
	beforeAll(async () => {
		nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
		current.sandbox = createCotalkerSandbox({ now: () => now });
		current.server = await current.sandbox.start(0);
		current.credentials = sandboxCredentials(current.server.url);
	});
	afterAll(async () => {
		nock.disableNetConnect();
		await current.server.close();
	});
	beforeEach(() => current.sandbox.reset());
	return current;
}
