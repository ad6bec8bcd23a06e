/**
 * Task group Create: `POST /api/v2/task-groups` with `{group}` and the optional fields the model
 * documents, always with the Admin header. Cotalker answers the new group, which is the output.
 */
import type { IDataObject } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { TOKEN, withoutAdmin } from './credentials';
import { cotalker, failed, taskGroupNumbered } from './fixtures/taskGroups';
import { runCotalker } from './runCotalker';

const WORKFLOW_GROUP = '61ae5eb11f130a35a73e2e06';

const runCreate = (parameters: IDataObject, options = {}) =>
	runCotalker('taskGroup', 'create', parameters as never, options);

/** The group Cotalker answers a create with (the docs' sample). */
const created = { ...taskGroupNumbered(7), group: WORKFLOW_GROUP, collectionName: 'task_manager' };

const sent = (expected: IDataObject) => (body: IDataObject) =>
	JSON.stringify(body) === JSON.stringify(expected);

describe('Cotalker › task group Create', () => {
	it('sends POST /api/v2/task-groups {group} as JSON with the Admin header, and outputs the new group', async () => {
		const scope = cotalker()
			.matchHeader('content-type', 'application/json')
			.post('/api/v2/task-groups', sent({ group: WORKFLOW_GROUP }))
			.reply(200, created);

		const run = await runCreate({ group: ` ${WORKFLOW_GROUP} ` });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([created]);
		expectExactRequests(scope);
	});

	it('sends every optional field as Cotalker takes it', async () => {
		const body = {
			group: WORKFLOW_GROUP,
			defaultView: 'kanban',
			flowType: 'state-machine',
			hideClosedAfterDays: 7,
			readPermissions: ['app-access'],
			writePermissions: ['admin-*-write'],
			taskEditorPermissions: ['admin-task-write'],
			taskFollowerPermissions: ['admin-task-read', 'admin-channels-read'],
		};
		const scope = cotalker()
			.post('/api/v2/task-groups', sent(body))
			.reply(201, { ...created, ...body });

		const run = await runCreate({
			group: WORKFLOW_GROUP,
			additionalFields: {
				defaultView: 'kanban',
				flowType: 'state-machine',
				hideClosedAfterDays: 7,
				readPermissions: 'app-access',
				writePermissions: 'admin-*-write',
				taskEditorPermissions: 'admin-task-write',
				taskFollowerPermissions: 'admin-task-read, admin-channels-read',
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ ...created, ...body }]);
		expectExactRequests(scope);
	});

	it('sends the Admin header with Admin Access off, as every write needs it', async () => {
		const scope = cotalker({ authorization: `Bearer ${TOKEN}`, admin: 'true' })
			.post('/api/v2/task-groups', sent({ group: WORKFLOW_GROUP }))
			.reply(200, created);

		const run = await runCreate({ group: WORKFLOW_GROUP }, { credentials: withoutAdmin });

		expect(run.error).toBeUndefined();
		expectExactRequests(scope);
	});

	it("fails with Cotalker's message when the workflow group already has a task group", async () => {
		const scope = cotalker()
			.post('/api/v2/task-groups', sent({ group: WORKFLOW_GROUP }))
			.reply(409, failed(409, 'Conflict', `group ${WORKFLOW_GROUP} already has a task group`));

		const run = await runCreate({ group: WORKFLOW_GROUP });

		expect(run.error?.message).toBe(`group ${WORKFLOW_GROUP} already has a task group`);
		expectExactRequests(scope);
	});

	it.each<[string, IDataObject, string]>([
		[
			'no workflow group',
			{ group: '={{ "" }}' },
			'Invalid value for "Workflow Group ID": This field is required',
		],
		[
			'a workflow group that is not an ObjectId',
			{ group: 'sales' },
			'Invalid value for "Workflow Group ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
		],
		[
			'an unknown default view',
			{ group: WORKFLOW_GROUP, additionalFields: { defaultView: 'board' } },
			'Invalid value for "Default View": Expected one of: calendar, gantt, grid, kanban, list',
		],
		[
			'an unknown flow type',
			{ group: WORKFLOW_GROUP, additionalFields: { flowType: 'strict' } },
			'Invalid value for "Flow Type": Expected one of: free, state-machine',
		],
	])('refuses %s before any request', async (_, parameters, message) => {
		const run = await runCreate(parameters);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});
});
