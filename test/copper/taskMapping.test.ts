import type { IDataObject } from 'n8n-workflow';

import { copperTaskMapping } from '../../nodes/Copper/resources/task/taskMapping';
import { asTask } from '../../nodes/shared/task/task';
import { copperCredentials } from './credentials';
import recordTask from './fixtures/record-task.json';
import sandboxBare from './fixtures/sandbox-task-bare.json';
import sandboxCompleted from './fixtures/sandbox-task-completed.json';
import searchTask from './fixtures/search-task.json';
import sharedRecordTask from './fixtures/shared/record-task.json';
import sharedSandboxBare from './fixtures/shared/sandbox-task-bare.json';
import sharedSandboxCompleted from './fixtures/shared/sandbox-task-completed.json';
import sharedSearchTask from './fixtures/shared/search-task.json';

const credentials = copperCredentials.copperCrmTasksApi;

/**
 * Copper's answers (GET /tasks/{id}, a search, and the sandbox's answers for a completed task and
 * a task with nothing but a name) as shared Tasks: each expected Task is a fixture, with Copper's
 * record untouched under raw.
 */
describe('Copper › task mapping', () => {
	it.each([
		['a task read by ID', recordTask, sharedRecordTask],
		['a task found by a search', searchTask, sharedSearchTask],
		[
			'a completed task related to a company, assigned to no one',
			sandboxCompleted,
			sharedSandboxCompleted,
		],
		['a task with a name only', sandboxBare, sharedSandboxBare],
	])('maps %s', (_, record, expected) => {
		expect(asTask(copperTaskMapping, record as IDataObject, credentials)).toEqual({
			...expected,
			raw: record,
		});
	});

	it('keeps the record under raw as Copper answered it', () => {
		const record = structuredClone(recordTask) as IDataObject;

		const task = asTask(copperTaskMapping, record, credentials);

		expect(task.raw).toBe(record);
		expect(record).toEqual(recordTask);
	});

	it('tells task records from a deletion answer', () => {
		expect(copperTaskMapping.isTask(recordTask as IDataObject)).toBe(true);
		expect(copperTaskMapping.isTask({ id: 27140359, deleted: true })).toBe(false);
	});
});
