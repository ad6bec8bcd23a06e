/**
 * Simplify: on, Get, Find, List, Range and the trigger output the shared Task, with Copper's record
 * under raw; off (the default), the output is what it was before Simplify existed. The requests
 * are the same either way: Simplify reads nothing more.
 */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { Copper } from '../../nodes/Copper/Copper.node';
import { CopperTrigger } from '../../nodes/Copper/CopperTrigger.node';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { runNode } from '../helpers/runNode';
import { TRIGGER } from './credentials';
import { copper, presentedTask as presentedRecordTask } from './recordHelpers';
import { picked, runCopper } from './runCopper';
import { NEWEST_FIRST, searchBody, searchTasks } from './searchApi';
import { CopperForTrigger, asEmitted, triggerParameters } from './trigger-sandbox';
import recordTask from './fixtures/record-task.json';
import presentedSearchTask from './fixtures/search-task-output.json';
import searchTask from './fixtures/search-task.json';
import sharedRecordTask from './fixtures/shared/record-task.json';
import sharedCompletedTask from './fixtures/shared/sandbox-task-completed.json';
import sharedSearchTask from './fixtures/shared/search-task.json';

/** The searches of Find, List and Range, each with the body it sends. */
const searches: Array<[string, INodeParameters, IDataObject]> = [
	['find', { filters: { statuses: ['Open'] } }, { statuses: ['Open'], ...NEWEST_FIRST }],
	['list', { returnAll: false, limit: 5 }, NEWEST_FIRST],
	[
		'range',
		{ dateRange: { minimumModifiedDate: '2026-11-20T16:00:00Z' } },
		{ minimum_modified_date: 1795190400, ...NEWEST_FIRST },
	],
];

/** The page each search asks for: List's limit, else the default of 50. */
const pageOf = (operation: string) => (operation === 'list' ? 5 : 50);

describe('Copper › simplify', () => {
	it('is offered on the reads of tasks and on the trigger, off by default', () => {
		const switchOf = (properties: INodeProperties[]) =>
			properties.find((property) => property.name === 'simplify');

		expect(switchOf(new Copper().description.properties)).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: { show: { resource: ['task'], operation: ['get', 'find', 'list', 'range'] } },
		});
		expect(switchOf(new CopperTrigger().description.properties)).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: { show: { resource: ['task'] } },
		});
	});

	describe('Get', () => {
		it.each([
			[true, { ...sharedRecordTask, raw: recordTask }],
			[false, presentedRecordTask],
		])('with Simplify %p outputs the task as expected', async (simplify, expected) => {
			const scope = copper().get('/tasks/27140359').reply(200, recordTask);

			const run = await runCopper('get', { recordId: picked('27140359'), simplify });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([expected]);
			expectExactRequests(scope);
		});
	});

	describe.each(searches)('%s', (operation, parameters, filters) => {
		it.each([
			[true, { ...sharedSearchTask, raw: searchTask }],
			[false, presentedSearchTask],
		])('with Simplify %p outputs the tasks as expected', async (simplify, expected) => {
			const { scope, sent } = searchTasks([{ tasks: [searchTask], total: 1 }]);

			const run = await runCopper(operation, { ...parameters, simplify });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([expected]);
			expect(sent).toEqual([
				{ path: '/tasks/search', body: searchBody(filters, 1, pageOf(operation)) },
			]);
			expectExactRequests(scope);
		});
	});

	/** Copper's own answers, from the emulator: a completed task with a related company. */
	describe('on the same task in Copper', () => {
		let sandbox: CopperForTrigger;
		beforeAll(() => {
			nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
		});
		beforeEach(async () => {
			sandbox = await CopperForTrigger.start({ now: () => new Date('2026-11-20T07:00:00Z') });
		});
		afterEach(async () => {
			await sandbox.close();
		});

		/** The task of fixtures/sandbox-task-completed.json, made as and when it was recorded. */
		async function completedTask() {
			sandbox.sandbox.setClock(new Date('2026-11-20T08:00:00Z'));
			const [id] = sandbox.create({
				name: 'Send the signed lease',
				details: 'Scan both copies.',
				due_date: 1795341600,
				related_resource: { type: 'company', id: 31001 },
				tags: ['lease'],
			});
			sandbox.tick(3600);
			await sandbox.update(id, { status: 'Completed' });
			sandbox.clearRequests();
			return { id, task: { ...sharedCompletedTask, id: String(id) } };
		}

		const simplified = async (operation: string, parameters: INodeParameters) =>
			await runCopper(
				operation,
				{ ...parameters, simplify: true },
				{ credentials: sandbox.credentials() },
			);

		it('gives the same Task from Get, Find, List and Range', async () => {
			const { id, task } = await completedTask();

			const runs = [
				await simplified('get', { recordId: picked(String(id)) }),
				await simplified('find', { filters: { ids: String(id) } }),
				await simplified('list', {}),
				await simplified('range', { dateRange: { minimumDueDate: '2026-11-22T00:00:00Z' } }),
			];

			const raw = sandbox.sandbox.getTask(id);
			expect(runs.map((run) => run.error)).toEqual([undefined, undefined, undefined, undefined]);
			for (const run of runs) expect(run.json).toEqual([{ ...task, raw }]);
			expect(sandbox.requests).toEqual([
				`GET /developer_api/v1/tasks/${id}`,
				'POST /developer_api/v1/tasks/search',
				'POST /developer_api/v1/tasks/search',
				'POST /developer_api/v1/tasks/search',
			]);
		});

		it('the trigger emits the Task with Simplify on, and the task as before with it off', async () => {
			const activate = (simplify: boolean) =>
				new ActivePollTrigger({
					type: TRIGGER,
					parameters: { ...triggerParameters('updated'), simplify },
					credentials: sandbox.credentials(),
				});
			const on = activate(true);
			const off = activate(false);
			expect(await on.poll()).toBeNull();
			expect(await off.poll()).toBeNull();

			const { id, task } = await completedTask();

			const raw = sandbox.sandbox.getTask(id);
			expect(await on.poll()).toEqual([{ ...task, raw }]);
			expect(await off.poll()).toEqual([asEmitted(raw!)]);
		});

		it("the trigger's Fetch Test Event gives the Task with Simplify on", async () => {
			const { id, task } = await completedTask();

			const run = await runNode({
				type: TRIGGER,
				parameters: { ...triggerParameters('createdOrUpdated'), simplify: true },
				credentials: sandbox.credentials(),
			});

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([{ ...task, raw: sandbox.sandbox.getTask(id) }]);
		});
	});
});
