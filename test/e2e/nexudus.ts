import type { IDataObject } from 'n8n-workflow';

import { expectEqual, expectTrue } from './checks';

type NodeOutputs = Record<string, IDataObject[]>;

/** What the "every operation" workflow must have produced, node by node, in real n8n. */
export function checkOperationsRun(nodes: NodeOutputs): void {
	const created = nodes['Create task'][0];
	expectEqual(
		[created.Name, created.Notes, created.CoworkerId, created.ResponsibleId, created.Completed],
		['Welcome pack for Ada', 'Include the door fob', 2001, 3001, false],
		'Create task output',
	);
	expectEqual(nodes['Get task'], [created], 'Get task output');
	const updated = nodes['Update task'][0];
	expectEqual(updated.Completed, true, 'Update task sets Completed');
	for (const field of [
		'Name',
		'Notes',
		'DueDate',
		'CoworkerId',
		'BusinessId',
		'ResponsibleId',
		'NotifyByEmail',
	]) {
		expectEqual(updated[field], created[field], `Update task keeps ${field}`);
	}
	expectTrue(
		nodes['Find tasks by name'].some((task) => task.Id === created.Id),
		'Find by name finds the task',
	);
	expectEqual(
		nodes['Find tasks by ID'].map((task) => task.Id),
		[created.Id],
		'Find by ID',
	);
	const newest = nodes['List newest tasks'].map((task) => task.Id as number);
	expectEqual(newest.length, 5, 'List limit');
	expectEqual(
		newest,
		[...newest].sort((a, b) => b - a),
		'List sorted by ID descending',
	);
	expectTrue(
		nodes['Tasks due in December'].every((task) => String(task.DueDate).startsWith('2026-12')),
		'Range on due date',
	);
	expectTrue(
		nodes['List task commands'].some((command) => command.Key === 'REOPEN_TASKS'),
		'List task commands',
	);
	expectEqual(
		nodes['Reopen task'].map((task) => [task.Id, task.Completed]),
		[[created.Id, false]],
		'Run command outputs the task read back',
	);
	expectEqual(nodes['Delete task'], [{ Id: created.Id, deleted: true }], 'Delete task');

	const entry = nodes['Create history entry'][0];
	expectEqual(
		[entry.NewCrmBoardColumnId, entry.CrmOpportunityId],
		[4002, 5001],
		'Create history entry',
	);
	expectEqual(nodes['Get history entry'], [entry], 'Get history entry');
	expectEqual(nodes['Update history entry'][0].UserId, 3002, 'Update history entry sets User');
	expectEqual(
		nodes['Update history entry'][0].FromTime,
		entry.FromTime,
		'Update history entry keeps From Time',
	);
	expectTrue(
		nodes['Find moves of opportunity'].every((move) => move.CrmOpportunityId === 5001),
		'Find moves',
	);
	expectEqual(
		nodes['Find history entry by ID'].map((move) => move.Id),
		[entry.Id],
		'Find history by ID',
	);
	expectTrue(
		nodes['List history entries'].length > 20,
		'List all history entries over the seeded 20',
	);
	expectTrue(nodes['Moves in November'].length > 0, 'Range on To Time');
	expectTrue(
		nodes['List history commands'].some((command) => command.Key === 'SET_SYSTEM_ID'),
		'List history commands',
	);
	expectEqual(
		nodes['Set history system ID'].map((moved) => [moved.Id, moved.SystemId]),
		[[entry.Id, 'crm-move-1']],
		'Run history command outputs the entry read back',
	);
	expectEqual(
		nodes['Delete history entry'],
		[{ Id: entry.Id, deleted: true }],
		'Delete history entry',
	);
}

/** Talks to the Nexudus sandbox as an admin would, to change tasks while the trigger polls. */
export class NexudusSandboxClient {
	private readonly auth = `Basic ${Buffer.from('admin@sandbox.test:sandbox-password').toString('base64')}`;

	constructor(private readonly baseUrl: string) {}

	private async call(method: string, path: string, body?: unknown): Promise<IDataObject> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { Authorization: this.auth, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
		return (await response.json()) as IDataObject;
	}

	async createTask(name: string): Promise<IDataObject> {
		const written = await this.call('POST', '/api/crm/coworkertasks', {
			BusinessId: 1001,
			CoworkerId: 2002,
			Name: name,
			ResponsibleId: 3002,
		});
		return await this.task((written.Value as IDataObject).Id as number);
	}

	async updateTask(id: number, changes: IDataObject): Promise<IDataObject> {
		const current = await this.task(id);
		await this.call('PUT', '/api/crm/coworkertasks', { ...current, ...changes });
		return await this.task(id);
	}

	async task(id: number): Promise<IDataObject> {
		return await this.call('GET', `/api/crm/coworkertasks/${id}`);
	}

	/** A GET of the API, e.g. a filtered list of tasks. */
	async get(path: string): Promise<IDataObject> {
		return await this.call('GET', path);
	}

	async firstTaskId(): Promise<number> {
		const page = await this.call('GET', '/api/crm/coworkertasks?page=1&size=1&orderBy=Id&dir=1');
		return (page.Records as IDataObject[])[0].Id as number;
	}

	/** The vendor API calls the sandbox received, oldest first. */
	async requests(): Promise<Array<{ method: string; url: string; status?: number }>> {
		return (await this.call('GET', '/__sandbox/requests')) as never;
	}

	/** One of the sandbox's own controls, e.g. `POST /__sandbox/expire-tokens`. */
	async control(method: string, path: string): Promise<void> {
		await this.call(method, path);
	}
}

/** The key of one change, as the trigger must deliver it once. */
export const changeKey = (task: IDataObject) => `${String(task.Id)}@${String(task.UpdatedOn)}`;
