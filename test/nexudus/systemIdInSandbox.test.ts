import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { inNexudusSandbox } from './inSandbox';
import copperTask from './fixtures/copperTaskAsTask.json';
import { picked, runNexudus } from './runNexudus';

/**
 * System ID as a sync's idempotency key, against the Nexudus emulator (test/sandbox) over real
 * HTTP: a task copied from another tool keeps the key it was created with through updates from a
 * task, and Find's System ID filter finds it by that key.
 */
describe('Nexudus › System ID against the sandbox', () => {
	const credentials = inNexudusSandbox();
	const run = (operation: string, parameters: INodeParameters, input: IDataObject[] = [{}]) =>
		runNexudus('coworkerTask', operation, parameters, { credentials: credentials(), input });
	const findByKey = (systemId: string, simplify = false) =>
		run('find', { findBy: 'filters', filters: { systemId }, returnAll: false, limit: 1, simplify });

	it('creates a copy with its key, finds it by the key, and keeps the key through an update', async () => {
		expect((await findByKey('copper:27140359')).json).toEqual([]);

		const created = await run(
			'create',
			{
				fieldsFrom: 'task',
				task: '={{ $json }}',
				businessId: picked('1001', 'list'),
				coworkerId: picked('2001', 'list'),
				responsibleId: picked('3001', 'list'),
				additionalFields: { systemId: 'copper:27140359' },
			},
			[copperTask],
		);
		expect(created.error).toBeUndefined();
		const copy = created.json[0];
		expect(copy).toMatchObject({
			SystemId: 'copper:27140359',
			Name: 'Call Ada about the renewal',
			Completed: true,
			DueDate: '2026-12-03T15:30:00Z',
		});

		const found = await findByKey('copper:27140359', true);
		expect(found.json.map((task) => [task.id, task.title, task.completed])).toEqual([
			[String(copy.Id), 'Call Ada about the renewal', true],
		]);

		const updated = await run(
			'update',
			{ recordId: picked(String(copy.Id)), fieldsFrom: 'task', task: '={{ $json }}' },
			[{ ...copperTask, title: 'Call Ada again', completed: false }],
		);
		expect(updated.error).toBeUndefined();
		expect(updated.json[0]).toMatchObject({
			Id: copy.Id,
			Name: 'Call Ada again',
			Completed: false,
			SystemId: 'copper:27140359',
		});
		expect((await findByKey('copper:27140359')).json.map((task) => task.Id)).toEqual([copy.Id]);
	});

	it('finds a seeded task by the System ID it was seeded with', async () => {
		const found = await findByKey('ext-task-11');

		expect(found.json.map((task) => [task.Id, task.Name])).toEqual([
			[87654011, 'Send welcome pack #11'],
		]);
	});

	// The emulator matches text filters as Nexudus' search does in its model: case-insensitive
	// containment. A key that is the start of another finds both, newest first, so a sync's keys
	// need an end mark, e.g. `copper:<id>:`, to be found alone.
	it('finds every task whose System ID contains the key', async () => {
		const found = await run('find', {
			findBy: 'filters',
			filters: { systemId: 'ext-task-1' },
			returnAll: true,
			orderBy: 'Id',
			dir: 1,
		});

		// ext-task-1 and ext-task-11; search results leave System ID out.
		expect(found.json.map((task) => [task.Id, task.Name])).toEqual([
			[87654001, 'Send welcome pack #1'],
			[87654011, 'Send welcome pack #11'],
		]);
	});
});
