/**
 * The state dropdowns (loadOptions): State in Find's filters lists the chosen task group's states,
 * each standing for its property (what Cotalker's task search filters by); New State in Move to
 * State lists, live, the states the chosen task may move to next (`nextsmstate?taskId=`).
 */
import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { loadOptionsContext } from '../helpers/loadOptions';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { PROPERTY_IDS, STATE_IDS, STATE_MACHINE_IDS, TASK_GROUP_IDS } from '../sandbox/cotalker';
import { AUTH_HEADERS, BASE_URL, NODE, cotalkerCredentials } from './credentials';
import { PROJECTS, TASK, failed, useEmulator } from './recordHelpers';
import { picked } from './runCotalker';

const loaderOf = (parameters: INodeParameters, credentials = cotalkerCredentials) => {
	const { context, nodeType } = loadOptionsContext(
		NODE,
		{ resource: 'task', ...parameters },
		credentials,
	);
	return async (name: string) => await nodeType.methods!.loadOptions![name].call(context);
};

describe('Cotalker › state dropdowns', () => {
	describe('against the emulator', () => {
		const emulator = useEmulator();
		const sent = () => emulator.sandbox.state.requests.map(({ method, url }) => `${method} ${url}`);

		it("lists the task group's states by name, each as its property", async () => {
			const load = loaderOf(
				{ operation: 'find', taskGroup: picked(TASK_GROUP_IDS.support, 'list') },
				emulator.credentials,
			);

			expect(await load('getStates')).toEqual([
				{ name: 'new', value: PROPERTY_IDS.new, description: 'Type: new' },
				{ name: 'resolved', value: PROPERTY_IDS.resolved, description: 'Type: closed' },
				{ name: 'working', value: PROPERTY_IDS.working, description: 'Type: in-progress' },
			]);
			expect(sent()).toEqual([`GET /api/v1/tasks/${TASK_GROUP_IDS.support}/sm/smstate`]);
		});

		it("lists the task group's workflows (state machines) by name", async () => {
			const load = loaderOf(
				{ operation: 'find', taskGroup: picked(TASK_GROUP_IDS.support, 'list') },
				emulator.credentials,
			);

			expect(await load('getWorkflows')).toEqual([
				{ name: 'Support workflow', value: STATE_MACHINE_IDS.support },
			]);
			expect(sent()).toEqual([`GET /api/v1/tasks/${TASK_GROUP_IDS.support}/sm/smstatemachine`]);
		});

		it('lists the states the chosen task may move to, and follows the task as it moves', async () => {
			const parameters = {
				operation: 'runCommand',
				taskGroup: picked(PROJECTS, 'list'),
				recordId: picked(TASK, 'list'),
			};
			const load = loaderOf(parameters, emulator.credentials);

			// "Website relaunch" is Doing: it may go back to Open or on to Done.
			expect(await load('getNextStates')).toEqual([
				{ name: 'open', value: STATE_IDS.open, description: 'Type: new' },
				{ name: 'done', value: STATE_IDS.done, description: 'Type: closed' },
			]);
			emulator.sandbox.state.tasks.get(TASK)!.smState = STATE_IDS.done;
			expect(await load('getNextStates')).toEqual([
				{ name: 'open', value: STATE_IDS.open, description: 'Type: new' },
			]);
			expect(sent()).toEqual([
				`GET /api/v1/tasks/${PROJECTS}/sm/nextsmstate?taskId=${TASK}`,
				`GET /api/v1/tasks/${PROJECTS}/sm/nextsmstate?taskId=${TASK}`,
			]);
		});
	});

	it('sends the bearer token and Admin header, with the IDs encoded', async () => {
		const scope = nock(BASE_URL, { reqheaders: AUTH_HEADERS })
			.get(`/api/v1/tasks/${PROJECTS}/sm/nextsmstate`)
			.query({ taskId: TASK })
			.reply(200, [{ _id: STATE_IDS.done, name: 'Done', type: 'closed' }]);
		const load = loaderOf({
			operation: 'runCommand',
			taskGroup: picked(` ${PROJECTS}`, 'list'),
			recordId: picked(`${TASK} `),
		});

		expect(await load('getNextStates')).toEqual([
			{ name: 'Done', value: STATE_IDS.done, description: 'Type: closed' },
		]);
		expectExactRequests(scope);
	});

	it("shows Cotalker's message when it refuses", async () => {
		const scope = nock(BASE_URL)
			.get(`/api/v1/tasks/${PROJECTS}/sm/smstate`)
			.reply(404, failed(404, 'Not Found', 'Task group not found'));
		const load = loaderOf({ operation: 'find', taskGroup: picked(PROJECTS) });

		await expect(load('getStates')).rejects.toThrow('Task group not found');
		expectExactRequests(scope);
	});

	it.each([
		['getStates', { operation: 'find' }, 'Choose a task group first'],
		['getWorkflows', { operation: 'find' }, 'Choose a task group first'],
		[
			'getStates',
			{ operation: 'find', taskGroup: picked('projects') },
			'Choose a task group first',
		],
		[
			'getNextStates',
			{ operation: 'runCommand', taskGroup: picked(PROJECTS) },
			'Choose a task first',
		],
		[
			'getNextStates',
			{ operation: 'runCommand', recordId: picked(TASK) },
			'Choose a task group first',
		],
	])('%s says what to choose first, without a request', async (method, parameters, message) => {
		await expect(loaderOf(parameters)(method)).rejects.toThrow(message);
		expectNoRequests();
	});
});
