import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { expectExactRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH, TRIGGER, basicCredentials } from './credentials';
import { FakeNexudus } from './fakeNexudus';
import { searchPage } from './fixtures/coworkerTaskPage';
import sandboxTasks from './fixtures/sandboxTasks.json';
import sandboxTasksAsTasks from './fixtures/sandboxTasksAsTasks.json';
import { picked, runNexudus } from './runNexudus';

const { full, summary } = sandboxTasks as { full: IDataObject[]; summary: IDataObject[] };

/** The shared Tasks of the sandbox's tasks 87654001, 87654002 and 87654005, over their records. */
const asTasks = (records: IDataObject[]) =>
	records.map((record) => ({
		...sandboxTasksAsTasks[full.findIndex((task) => task.Id === record.Id)],
		raw: record,
	}));

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

/** One read operation: its parameters, and Nexudus' answer to its one request. */
interface Read {
	operation: string;
	parameters: INodeParameters;
	expectRequest: () => nock.Scope;
	/** The records the answer holds, as the node outputs them with Simplify off. */
	records: IDataObject[];
}

const reads: Record<string, Read> = {
	Get: {
		operation: 'get',
		parameters: { recordId: picked('87654002') },
		expectRequest: () => api().get('/crm/coworkertasks/87654002').reply(200, full[1]),
		records: [full[1]],
	},
	'Find by filters': {
		operation: 'find',
		parameters: { findBy: 'filters', filters: { completed: true }, returnAll: false, limit: 2 },
		expectRequest: () =>
			api()
				.get('/crm/coworkertasks')
				.query({
					CoworkerTask_Completed: 'true',
					orderBy: 'CreatedOn',
					dir: '-1',
					page: '1',
					size: '2',
				})
				.reply(200, searchPage(summary.slice(1), 1, 2, 2)),
		records: summary.slice(1),
	},
	'Find by IDs': {
		operation: 'find',
		parameters: { findBy: 'ids', ids: '87654001, 87654002, 87654005' },
		expectRequest: () =>
			api()
				.get('/crm/coworkertasks')
				.query({ id: '[87654001,87654002,87654005]', page: '1', size: '3' })
				.reply(200, full),
		records: full,
	},
	List: {
		operation: 'list',
		parameters: { returnAll: false, limit: 3 },
		expectRequest: () =>
			api()
				.get('/crm/coworkertasks')
				.query({ orderBy: 'CreatedOn', dir: '-1', page: '1', size: '3' })
				.reply(200, searchPage(summary, 1, 3, 3)),
		records: summary,
	},
	Range: {
		operation: 'range',
		parameters: { ranges: { fromId: '87654001' }, returnAll: false, limit: 3 },
		expectRequest: () =>
			api()
				.get('/crm/coworkertasks')
				.query({
					from_CoworkerTask_Id: '87654001',
					orderBy: 'CreatedOn',
					dir: '-1',
					page: '1',
					size: '3',
				})
				.reply(200, searchPage(summary, 1, 3, 3)),
		records: summary,
	},
};

const runRead = async (read: Read, simplify?: boolean) => {
	const scope = read.expectRequest();
	const switchSet = simplify === undefined ? {} : { simplify };
	const run = await runNexudus('coworkerTask', read.operation, {
		...read.parameters,
		...switchSet,
	});
	expectExactRequests(scope);
	return run;
};

describe('Nexudus › Simplify', () => {
	describe.each(Object.entries(reads))('%s', (_name, read) => {
		it('outputs each task in the shared shape with Simplify on, the record under raw', async () => {
			const run = await runRead(read, true);

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual(asTasks(read.records));
		});

		it("outputs Nexudus' records as they are with Simplify off, and when it is not set", async () => {
			expect((await runRead(read, false)).json).toEqual(read.records);
			expect((await runRead(read)).json).toEqual(read.records);
		});
	});

	it('gives the same Task from Find, List and Get for the same record, only raw differing', async () => {
		const task87654002 = async (read: Read) => {
			const { json } = await runRead(read, true);
			const { raw, ...shared } = json.find((task) => task.id === '87654002')!;
			return { keys: Object.keys(shared), shared, raw };
		};

		const [get, find, list] = [
			await task87654002(reads.Get),
			await task87654002(reads['Find by filters']),
			await task87654002(reads.List),
		];

		expect(find.keys).toEqual(get.keys);
		expect(list.keys).toEqual(get.keys);
		expect(find.shared).toEqual(get.shared);
		expect(list.shared).toEqual(get.shared);
		// Searches leave out what only a read by ID gives.
		expect(
			Object.keys(get.raw as IDataObject).filter((key) => !(key in (list.raw as IDataObject))),
		).toEqual(['TaskItemUniqueId', 'FormPageRequestUniqueId', 'Reminded', 'SystemId']);
	});

	it('offers Simplify on the read operations of coworker tasks only, off by default', () => {
		const simplify = new Nexudus().description.properties.filter(
			(property) => property.name === 'simplify',
		);

		expect(simplify).toHaveLength(1);
		expect(simplify[0]).toMatchObject({
			type: 'boolean',
			default: false,
			displayOptions: {
				show: { resource: ['coworkerTask'], operation: ['get', 'find', 'list', 'range'] },
			},
		});
	});
});

describe('Nexudus Trigger › Simplify', () => {
	/** A task created and one completed between two polls: what the trigger emits, and asks. */
	async function pollOnce(simplify?: boolean) {
		const server = new FakeNexudus(new Date('2026-03-01T09:00:00Z'));
		const seeded = server.create('Seed');
		server.tick(60);
		const trigger = new ActivePollTrigger({
			type: TRIGGER,
			parameters: {
				resource: 'coworkerTask',
				event: 'createdOrUpdated',
				...(simplify === undefined ? {} : { simplify }),
			},
			credentials: basicCredentials,
		});
		expect(await trigger.poll()).toBeNull();
		server.tick(60);
		const created = server.create('Welcome pack');
		server.tick(5);
		server.update(seeded.Id as number, { Completed: true });
		const emitted = await trigger.poll();
		nock.cleanAll();
		return {
			emitted,
			requests: server.requests,
			records: [created, seeded].map((task) => server.full(task.Id as number)),
		};
	}

	it('emits each changed task in the shared shape with Simplify on', async () => {
		const { emitted, records } = await pollOnce(true);

		expect(emitted).toEqual([
			{
				vendor: 'nexudus',
				id: '2002',
				title: 'Welcome pack',
				description: 'Welcome pack notes',
				dueDate: null,
				completed: false,
				completedAt: null,
				assignee: null,
				relatedRecord: null,
				tags: [],
				createdAt: '2026-03-01T09:02:00.000Z',
				updatedAt: '2026-03-01T09:02:00.000Z',
				url: null,
				raw: records[0],
			},
			{
				vendor: 'nexudus',
				id: '2001',
				title: 'Seed',
				description: 'Seed notes',
				dueDate: null,
				completed: true,
				completedAt: null,
				assignee: null,
				relatedRecord: null,
				tags: [],
				createdAt: '2026-03-01T09:00:00.000Z',
				updatedAt: '2026-03-01T09:02:05.000Z',
				url: null,
				raw: records[1],
			},
		]);
	});

	it("emits Nexudus' records as they are with Simplify off or not set, with the same requests", async () => {
		const on = await pollOnce(true);
		const off = await pollOnce(false);
		const unset = await pollOnce();

		expect(off.emitted).toEqual(off.records);
		expect(unset.emitted).toEqual(unset.records);
		expect(off.requests).toEqual(on.requests);
		expect(unset.requests).toEqual(on.requests);
	});
});
