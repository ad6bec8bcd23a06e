/**
 * Simplify on the task read operations (Get, Find, List, Range) and on the trigger: on, every task
 * is the shared Task with ONLYOFFICE's record under `raw`; off, the record as before. Task
 * categories are not tasks and have no Simplify.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { Onlyoffice } from '../../nodes/Onlyoffice/Onlyoffice.node';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { TRIGGER } from './credentials';
import opsTaskShared from './fixtures/ops-task-shared.json';
import recorded from './fixtures/sandbox-tasks.json';
import sandboxShared from './fixtures/sandbox-tasks-shared.json';
import { task } from './recordHelpers';
import { listed, onlyoffice, picked, runTask, single } from './runOnlyoffice';
import { CALL, OLGA, OnlyofficeForTrigger, triggerParameters } from './trigger-sandbox';

const LIST_QUERY = { sortBy: 'deadLine', sortOrder: 'ascending', startIndex: '0', count: '50' };

/** Each read operation: its parameters and the one request it sends. */
const reads: Array<[string, INodeParameters, (scope: nock.Scope) => nock.Interceptor]> = [
	['get', { recordId: picked('1201') }, (scope) => scope.get('/crm/task/1201')],
	[
		'find',
		{ filters: { filterValue: 'Call Kim about the renewal' } },
		(scope) =>
			scope
				.get('/crm/task/filter')
				.query({ filterValue: 'Call Kim about the renewal', ...LIST_QUERY }),
	],
	['list', {}, (scope) => scope.get('/crm/task/filter').query(LIST_QUERY)],
	[
		'range',
		{ deadlineRange: { fromDate: '2026-12-01T00:00:00Z' } },
		(scope) =>
			scope.get('/crm/task/filter').query({ fromDate: '2026-12-01T00-00-00.000Z', ...LIST_QUERY }),
	],
];

/** ONLYOFFICE's answer to an operation's request, for these tasks. */
const answer = (operation: string, get: IDataObject, list: IDataObject) =>
	operation === 'get' ? single(get) : listed([list], { total: 1 });

/** Runs a read operation against its one expected request, answered with these records. */
async function read(
	operation: string,
	parameters: INodeParameters,
	records: { get: IDataObject; list: IDataObject } = { get: task, list: task },
) {
	const [, , request] = reads.find(([name]) => name === operation)!;
	const scope = request(onlyoffice()).reply(200, answer(operation, records.get, records.list));
	const run = await runTask(operation, parameters);
	expectExactRequests(scope);
	return run;
}

const parametersOf = (operation: string) => reads.find(([name]) => name === operation)![1];

describe('ONLYOFFICE › task › Simplify', () => {
	it.each(reads.map(([operation]) => [operation]))(
		'%s with Simplify on outputs the shared Task, the record under raw',
		async (operation) => {
			const run = await read(operation, { ...parametersOf(operation), simplify: true });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([{ ...opsTaskShared, raw: task }]);
		},
	);

	it.each(reads.map(([operation]) => [operation]))(
		'%s with Simplify off outputs the record as before',
		async (operation) => {
			const run = await read(operation, { ...parametersOf(operation), simplify: false });

			expect(run.json).toEqual([task]);
		},
	);

	it('gives the same Task from Get, Find, List and Range, though the list answers fewer fields', async () => {
		const records = { get: recorded.get[0], list: recorded.list[0] } as Record<string, IDataObject>;
		const runs: Record<string, IDataObject[]> = {};
		for (const [operation, parameters] of reads) {
			runs[operation] = (
				await read(
					operation,
					{ ...parameters, simplify: true },
					{
						get: records.get,
						list: records.list,
					},
				)
			).json;
		}

		const withoutRaw = (item: IDataObject) =>
			Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'raw'));
		for (const operation of ['find', 'list', 'range']) {
			expect(runs[operation].map(withoutRaw)).toEqual(runs.get.map(withoutRaw));
			expect(runs[operation]).toEqual([{ ...sandboxShared[0], raw: records.list }]);
		}
		expect(runs.get).toEqual([{ ...sandboxShared[0], raw: records.get }]);
	});

	it('offers Simplify on the task read operations only: not on writes, not for task categories', () => {
		const simplify = new Onlyoffice().description.properties.filter(
			(property) => property.name === 'simplify',
		);

		expect(simplify).toHaveLength(1);
		expect(simplify[0]).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: { show: { resource: ['task'], operation: ['get', 'find', 'list', 'range'] } },
		});
	});
});

describe('ONLYOFFICE Trigger › Simplify', () => {
	let portal: OnlyofficeForTrigger;
	beforeAll(() => {
		nock.enableNetConnect(/^(127\.0\.0\.1|localhost):\d+$/);
	});
	beforeEach(async () => {
		portal = await OnlyofficeForTrigger.start();
	});
	afterEach(async () => {
		await portal.stop();
	});

	/** An active trigger for `event`, with Simplify as given, signed in already. */
	const activate = async (event: string, simplify: boolean) =>
		new ActivePollTrigger({
			type: TRIGGER,
			parameters: { ...triggerParameters(event), simplify },
			credentials: await portal.signedIn(),
		});

	/** The task the tests close and reopen: created when the test starts, about Kim Tanaka. */
	const createTask = () =>
		portal.create({ title: 'Call Kim', contactId: 302, categoryId: CALL, responsibleId: OLGA })[0];

	/** The shared Task of that task as it is now in the portal. */
	const sharedTask = (id: number, completed: boolean) => ({
		vendor: 'onlyoffice',
		id: String(id),
		title: 'Call Kim',
		description: null,
		dueDate: '2026-03-20T12:00:00.000Z',
		completed,
		completedAt: null,
		assignee: { id: OLGA, name: 'Olga Orlova' },
		relatedRecord: { type: 'contact', id: '302', name: 'Kim Tanaka' },
		tags: [],
		createdAt: '2026-03-10T08:00:00.000Z',
		updatedAt: null,
		url: null,
		raw: portal.emitted(id),
	});

	it('emits a closed, then a reopened task as the shared Task with Simplify on', async () => {
		const id = createTask();
		const closed = await activate('closed', true);
		const reopened = await activate('reopened', true);
		expect([await closed.poll(), await reopened.poll()]).toEqual([null, null]);

		portal.tick(60);
		portal.close(id);
		expect(await closed.poll()).toEqual([sharedTask(id, true)]);
		expect(await reopened.poll()).toBeNull();

		portal.tick(60);
		portal.reopen(id);
		expect(await closed.poll()).toBeNull();
		expect(await reopened.poll()).toEqual([sharedTask(id, false)]);
	});

	it('emits the task as ONLYOFFICE lists it with Simplify off', async () => {
		const id = createTask();
		const closed = await activate('closed', false);
		expect(await closed.poll()).toBeNull();

		portal.tick(60);
		portal.close(id);
		expect(await closed.poll()).toEqual([portal.emitted(id)]);
	});
});
