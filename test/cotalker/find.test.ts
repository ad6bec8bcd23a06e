/**
 * Find: Search By "Keywords and Filters" is Cotalker's task search, `GET /api/v1/tasks/{g}/task`
 * (a bare array, paged by limit/page without a total); "Related User or Property" is the v2
 * relations list (`{data: {tasks, count}}`, Admin header even with Admin Access off).
 */
import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, TOKEN, withoutAdmin } from './credentials';
import {
	ANA,
	DOING,
	HIGH,
	TASKS_V1,
	TASKS_V2,
	badId,
	cotalker,
	failed,
	runTask,
	task,
	taskNumbered,
	tasksPage,
	useEmulator,
} from './recordHelpers';
import { picked } from './runCotalker';

const RELATIONS = `${TASKS_V2}/relations`;
const WORKFLOW = '6a1e00000f10000000000001';

const find = (filters: INodeParameters, extra = {}, options = {}) =>
	runTask('find', { searchBy: 'keywords', filters, ...extra }, options);

const related = (relatedTo: INodeParameters, extra = {}, options = {}) =>
	runTask('find', { searchBy: 'relations', relatedTo, ...extra }, options);

describe('Cotalker › task › find', () => {
	describe('by keywords and filters', () => {
		it('sends every filter, keywords cleaned up and a state as its property', async () => {
			const scope = cotalker()
				.get(TASKS_V1)
				.query({
					search: 'sales,report',
					assignee: ANA,
					status: DOING,
					smStateMachine: WORKFLOW,
					limitBy: 'group',
					limit: '50',
					page: '1',
				})
				.reply(200, [task]);

			const run = await find({
				search: ' sales, , report ',
				assignee: picked(ANA, 'list'),
				state: DOING,
				smStateMachine: ` ${WORKFLOW}`,
				limitBy: 'group',
			});

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		});

		it('sends a status (additional field or state property) as status', async () => {
			const scope = cotalker()
				.get(TASKS_V1)
				.query({ status: HIGH, limit: '50', page: '1' })
				.reply(200, [task]);

			const run = await find({ status: HIGH });

			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		});

		it('ignores filters added but left empty, and asks for no total', async () => {
			const scope = cotalker().get(TASKS_V1).query({ limit: '50', page: '1' }).reply(200, []);

			const run = await find({ search: ' , ', assignee: picked('', 'list'), state: '' });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([]);
			expectExactRequests(scope);
		});

		it('pages the bare array with Return All until a short page', async () => {
			const first = Array.from({ length: 100 }, (_, index) => taskNumbered(index + 1));
			const scope = cotalker()
				.get(TASKS_V1)
				.query({ search: 'report', limit: '100', page: '1' })
				.reply(200, first)
				.get(TASKS_V1)
				.query({ search: 'report', limit: '100', page: '2' })
				.reply(200, [taskNumbered(101)]);

			const run = await find({ search: 'report' }, { returnAll: true });

			expect(run.json).toEqual([...first, taskNumbered(101)]);
			expectExactRequests(scope);
		});

		it.each([
			[
				'both a state and a status',
				{ state: DOING, status: HIGH },
				'Set either "State Name or ID" or "Status Name or ID", not both',
			],
			[
				'a malformed workflow ID',
				{ smStateMachine: 'projects' },
				'Invalid value for "Workflow Name or ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
			],
			['a malformed assignee', { assignee: picked('ana', 'list') }, badId('Assignee', 'user')],
			[
				'a state that is not an ObjectId',
				{ state: 'doing' },
				'Invalid value for "State Name or ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
			],
			[
				'an unknown Limit By',
				{ limitBy: 'mine' },
				'Invalid value for "Limit By": Expected one of: all, group, none',
			],
		])('refuses %s before any request', async (_, filters, message) => {
			const run = await find(filters);

			expect(run.error?.message).toBe(message);
			expectNoRequests();
		});

		it('refuses a malformed task group before any request', async () => {
			const run = await find({}, { taskGroup: picked('6a1e00000d0000000000000g', 'list') });

			expect(run.error?.message).toBe(badId('Task Group', 'task group'));
			expectNoRequests();
		});
	});

	describe('by related user or property', () => {
		it('lists the tasks of an assignee and a property with the Admin header', async () => {
			const scope = nock(BASE_URL, {
				reqheaders: { authorization: `Bearer ${TOKEN}`, admin: 'true' },
			})
				.get(RELATIONS)
				.query({
					assignee: ANA,
					property: HIGH,
					isActive: 'all',
					limit: '50',
					page: '1',
					count: 'true',
				})
				.reply(200, tasksPage([task], 1));

			const run = await related(
				{ assignee: picked(ANA), property: HIGH },
				{ isActive: 'all' },
				{ credentials: withoutAdmin },
			);

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		});

		it('reads the tasks whatever the array key, and stops at the total', async () => {
			const scope = cotalker()
				.get(RELATIONS)
				.query({ property: HIGH, isActive: 'true', limit: '2', page: '1', count: 'true' })
				.reply(200, tasksPage([taskNumbered(1), taskNumbered(2)], 2, 'relations'));

			const run = await related({ property: HIGH }, { limit: 2 });

			expect(run.json).toEqual([taskNumbered(1), taskNumbered(2)]);
			expectExactRequests(scope);
		});

		it("fails with Cotalker's message", async () => {
			const scope = cotalker()
				.get(RELATIONS)
				.query(true)
				.reply(403, failed(403, 'Forbidden', 'Admin header required'));

			const run = await related({ assignee: picked(ANA) });

			expect(run.error?.message).toBe('Admin header required');
			expect(run.error?.description).toContain('turn on Admin Access');
			expectExactRequests(scope);
		});

		it.each([
			['nothing to relate to', {}, 'Add an assignee or a property under "Related To"'],
			[
				'a malformed property',
				{ property: 'high' },
				'Invalid value for "Property Name or ID": Expected an ObjectId (24 hexadecimal characters), e.g. 6a1e00000d00000000000001',
			],
		])('refuses %s before any request', async (_, relatedTo, message) => {
			const run = await related(relatedTo);

			expect(run.error?.message).toBe(message);
			expectNoRequests();
		});

		it('refuses an unknown Include before any request', async () => {
			const run = await related({ assignee: picked(ANA) }, { isActive: 'some' });

			expect(run.error?.message).toBe(
				'Invalid value for "Include": Expected one of: true, false, all',
			);
			expectNoRequests();
		});

		it('refuses an unknown Search By before any request', async () => {
			const run = await runTask('find', { searchBy: '={{ "everything" }}' });

			expect(run.error?.message).toBe(
				'Invalid value for "Search By": Expected one of: keywords, relations',
			);
			expectNoRequests();
		});
	});

	describe('against the emulator', () => {
		const emulator = useEmulator();
		const names = (json: Array<Record<string, unknown>>) => json.map((one) => one.name).sort();

		it('finds by keyword and state, and by related property, the same tasks Cotalker holds', async () => {
			const { sandbox, credentials } = emulator;
			const projects = sandbox
				.listTasks()
				.filter((one) => one.taskGroup === task.taskGroup && one.isActive);

			const byKeyword = await find(
				{ search: 'report, pricing' },
				{ returnAll: true },
				{ credentials },
			);
			const byState = await find({ state: DOING }, { returnAll: true }, { credentials });
			const byProperty = await related({ property: HIGH }, { returnAll: true }, { credentials });

			expect([byKeyword.error, byState.error, byProperty.error]).toEqual([
				undefined,
				undefined,
				undefined,
			]);
			expect(names(byKeyword.json)).toEqual(['Quarterly sales report', 'Website relaunch']);
			expect(names(byState.json)).toEqual(
				projects
					.filter((one) => one.status === DOING)
					.map((one) => one.name)
					.sort(),
			);
			expect(names(byProperty.json)).toEqual(
				projects
					.filter((one) => one.status1 === HIGH)
					.map((one) => one.name)
					.sort(),
			);
			expect(byState.json.length).toBeGreaterThan(1);
		});
	});
});
