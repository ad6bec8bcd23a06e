/**
 * Simplify on the task read operations (Find both ways, Get, List, Range) and on the trigger (every
 * event, and Fetch Test Event): on, each task is the shared Task with Cotalker's record under raw,
 * from the same requests; off (the default), the record as Cotalker answers it. Against the
 * emulator, Find, List and Get give one task the same shared fields.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type nock from 'nock';

import { Cotalker } from '../../nodes/Cotalker/Cotalker.node';
import { CotalkerTrigger } from '../../nodes/Cotalker/CotalkerTrigger.node';
import { cotalkerTaskMapping } from '../../nodes/Cotalker/resources/task/taskMapping';
import { asTask } from '../../nodes/shared/task/task';
import { fetchTestEvent } from '../helpers/fetchTestEvent';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { TRIGGER } from './credentials';
import sharedTask from './fixtures/sharedTask.json';
import {
	ANA,
	DONE_STATE,
	TASK_V1,
	TASKS_V1,
	TASKS_V2,
	cotalker,
	runOnTask,
	runTask,
	task,
	tasksPage,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';
import {
	CotalkerForTrigger,
	PROJECTS,
	closeEveryCotalker,
	triggerParameters,
} from './trigger-sandbox';

const simplified = { ...sharedTask, raw: task };

/** The v2 list's query as List and Range send it by default. */
const listQuery = (bounds: Record<string, string> = {}) => ({
	isActive: 'true',
	...bounds,
	sortBy: 'name',
	orderBy: 'asc',
	limit: '50',
	page: '1',
	count: 'true',
});

/** Each read operation: its parameters and the one request it sends, answered with the task. */
const reads: Array<[string, string, INodeParameters, () => nock.Scope]> = [
	['get', 'get', {}, () => cotalker().get(TASK_V1).reply(200, { data: task })],
	[
		'find by keywords',
		'find',
		{ searchBy: 'keywords', filters: { search: 'redesign' } },
		() =>
			cotalker()
				.get(TASKS_V1)
				.query({ search: 'redesign', limit: '50', page: '1' })
				.reply(200, [task]),
	],
	[
		'find by related user',
		'find',
		{ searchBy: 'relations', relatedTo: { assignee: picked(ANA, 'list') } },
		() =>
			cotalker()
				.get(`${TASKS_V2}/relations`)
				.query({ assignee: ANA, isActive: 'true', limit: '50', page: '1', count: 'true' })
				.reply(200, tasksPage([task], 1)),
	],
	[
		'list',
		'list',
		{},
		() =>
			cotalker()
				.get(TASKS_V2)
				.query(listQuery())
				.reply(200, tasksPage([task], 1)),
	],
	[
		'range',
		'range',
		{ dateRange: { modifiedAtGte: '2026-11-20T00:00:00Z' } },
		() =>
			cotalker()
				.get(TASKS_V2)
				.query(listQuery({ modifiedAt_gte: '2026-11-20T00:00:00.000Z' }))
				.reply(200, tasksPage([task], 1)),
	],
];

/** The Simplify parameters of a node's panel. */
const simplifyOf = (node: Cotalker | CotalkerTrigger) =>
	node.description.properties.filter((property) => property.name === 'simplify');

describe('Cotalker › task › Simplify', () => {
	it('is offered, off, on the task read operations only (task groups are not tasks)', () => {
		expect(simplifyOf(new Cotalker())).toEqual([
			expect.objectContaining({
				type: 'boolean',
				default: false,
				displayOptions: {
					show: { resource: ['task'], operation: ['find', 'get', 'list', 'range'] },
				},
			}),
		]);
	});

	describe.each(reads)('%s', (_, operation, parameters, answer) => {
		const run = (simplify?: boolean) =>
			runOnTask(operation, { ...parameters, ...(simplify === undefined ? {} : { simplify }) });

		it('outputs the shared Task, with the record under raw, from the same request', async () => {
			const scope = answer();

			const result = await run(true);

			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([simplified]);
			expectExactRequests(scope);
		});

		it.each([
			['off', false],
			['left at its default', undefined],
		])('outputs the record as Cotalker answers it with Simplify %s', async (_off, simplify) => {
			const scope = answer();

			const result = await run(simplify);

			expect(result.json).toEqual([task]);
			expectExactRequests(scope);
		});
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();

		it('gives one task the same shared fields from Find, List and Get', async () => {
			const { credentials } = emulator;
			const options = { credentials };
			const name = 'Office move';
			const get = await runTask(
				'get',
				{ recordId: picked('6a1e00000100000000000003'), simplify: true },
				options,
			);
			const found = await runTask(
				'find',
				{ searchBy: 'keywords', filters: { search: 'office' }, simplify: true },
				options,
			);
			const listed = await runTask('list', { returnAll: true, simplify: true }, options);

			const byName = (json: IDataObject[]) => json.filter((one) => one.title === name);
			const [fromGet] = byName(get.json);
			expect(fromGet).toMatchObject({ vendor: 'cotalker', title: name, completed: true });
			expect(byName(found.json)).toEqual([fromGet]);
			expect(byName(listed.json)).toEqual([fromGet]);
		});
	});
});

describe('Cotalker Trigger › Simplify', () => {
	it('is offered, off, for every event', () => {
		const [simplify, ...more] = simplifyOf(new CotalkerTrigger());

		expect(more).toEqual([]);
		expect(simplify).toMatchObject({ type: 'boolean', default: false });
		expect(simplify.displayOptions).toBeUndefined();
	});

	let cotalker: CotalkerForTrigger;
	closeEveryCotalker();
	beforeEach(async () => {
		cotalker = await CotalkerForTrigger.start();
	});

	const activate = (event: string, simplify?: boolean) =>
		new ActivePollTrigger({
			type: TRIGGER,
			parameters: {
				...triggerParameters(event),
				...(simplify === undefined ? {} : { simplify }),
			},
			credentials: cotalker.credentials(),
		});

	/** The task as it is now in Cotalker, mapped (the mapping itself: taskMapping.test.ts). */
	const shared = (id: string) =>
		asTask(
			cotalkerTaskMapping,
			cotalker.task(id) as unknown as IDataObject,
			cotalker.credentials().cotalkerApi,
		);

	it('emits a task moved to a closed state as a completed shared Task', async () => {
		const [id] = cotalker.create(PROJECTS, {
			name: 'Ship the release',
			info: 'Tag and publish.',
			endDate: '2026-05-10T17:00:00.000Z',
			assignee: ANA,
		});
		const trigger = activate('stateChanged', true);
		expect(await trigger.poll()).toBeNull();

		cotalker.tick(5);
		await cotalker.move(id); // open → doing
		cotalker.tick(5);
		await cotalker.update(id, { smState: DONE_STATE }); // a closed state

		expect(await trigger.poll()).toEqual([
			{
				vendor: 'cotalker',
				id,
				title: 'Ship the release',
				description: 'Tag and publish.',
				dueDate: '2026-05-10T17:00:00.000Z',
				completed: true,
				completedAt: '2026-05-04T09:00:10.000Z',
				assignee: { id: ANA, name: null },
				relatedRecord: { type: 'taskGroup', id: PROJECTS, name: null },
				tags: [],
				createdAt: '2026-05-04T09:00:00.000Z',
				updatedAt: '2026-05-04T09:00:10.000Z',
				url: null,
				raw: cotalker.task(id),
			},
		]);
	});

	/** Each event, with a change it reports. */
	const changes: Array<[string, (id: string) => Promise<unknown>]> = [
		['anyChange', async (id) => await cotalker.update(id, { info: 'Noted' })],
		['created', async () => cotalker.create(PROJECTS, 'Created after activation')],
		['updated', async (id) => await cotalker.update(id, { name: 'Renamed' })],
		['stateChanged', async (id) => await cotalker.move(id)],
	];

	it.each(changes)('emits shared Tasks for %s', async (event, change) => {
		const [existing] = cotalker.create(PROJECTS, 'Existing');
		const trigger = activate(event, true);
		expect(await trigger.poll()).toBeNull();

		cotalker.tick(5);
		await change(existing);
		const [changed] = cotalker.changes.slice(-1);

		expect(await trigger.poll()).toEqual([shared(changed.id)]);
	});

	it.each([
		['off', false],
		['left at its default', undefined],
	])('emits the task as Cotalker lists it with Simplify %s', async (_, simplify) => {
		const [id] = cotalker.create(PROJECTS, 'Existing');
		const trigger = activate('stateChanged', simplify);
		expect(await trigger.poll()).toBeNull();

		cotalker.tick(5);
		await cotalker.move(id);

		expect(await trigger.poll()).toEqual([cotalker.task(id)]);
	});

	it('gives Fetch Test Event the newest change as a shared Task', async () => {
		const [id] = cotalker.create(PROJECTS, 'Existing');

		const { items } = await fetchTestEvent(
			TRIGGER,
			{ ...triggerParameters('anyChange'), simplify: true },
			cotalker.credentials(),
		);

		expect(items).toEqual([shared(id)]);
	});
});
