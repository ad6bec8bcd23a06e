/**
 * The Cotalker task as a shared Task, on recorded answers: the fixture task (open, with a
 * description and an end date) and the emulator's answer for a task in a closed state.
 */
import type { IDataObject } from 'n8n-workflow';

import { cotalkerTaskMapping } from '../../nodes/Cotalker/resources/task/taskMapping';
import { asTask } from '../../nodes/shared/task/task';
import { cotalkerCredentials } from './credentials';
import closedTask from './fixtures/closedTask.json';
import sharedClosedTask from './fixtures/sharedClosedTask.json';
import sharedTask from './fixtures/sharedTask.json';
import user from './fixtures/user.json';
import { task } from './recordHelpers';

const toShared = (record: object) =>
	asTask(cotalkerTaskMapping, record as IDataObject, cotalkerCredentials.cotalkerApi);

describe('Cotalker › task › shared Task mapping', () => {
	it('maps an open task: info as description, endDate as due date, the task group as related record', () => {
		expect(toShared(task)).toEqual({ ...sharedTask, raw: task });
	});

	it('maps a closed task as completed when it was closed (closedAt), without description or due date', () => {
		expect(toShared(closedTask)).toEqual({ ...sharedClosedTask, raw: closedTask });
	});

	it("names the assignee when Cotalker gives the user rather than the user's ID", () => {
		const record = { ...closedTask, assignee: user };

		expect(toShared(record)).toEqual({
			...sharedClosedTask,
			assignee: { id: user._id, name: 'Carla Soto' },
			raw: record,
		});
	});

	it('keeps the record untouched under raw', () => {
		const record = structuredClone(task);

		const shared = toShared(record);

		expect(shared.raw).toBe(record);
		expect(record).toEqual(task);
	});

	it('tells tasks from other answers', () => {
		expect(cotalkerTaskMapping.isTask(task)).toBe(true);
		expect(cotalkerTaskMapping.isTask({ deleted: true })).toBe(false);
		expect(cotalkerTaskMapping.isTask({ _id: task._id })).toBe(false);
	});
});
