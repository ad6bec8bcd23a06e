import type { IDataObject } from 'n8n-workflow';

import { nexudusTaskMapping } from '../../nodes/Nexudus/resources/coworkerTask/taskMapping';
import { asTask } from '../../nodes/shared/task/task';
import { basicCredentials } from './credentials';
import task from './fixtures/coworkerTask.json';
import taskAsTask from './fixtures/coworkerTaskAsTask.json';
import sandboxTasks from './fixtures/sandboxTasks.json';
import sandboxTasksAsTasks from './fixtures/sandboxTasksAsTasks.json';
import { written } from './fixtures/writeEnvelopes';

const credentials = basicCredentials.nexudusSpacesApi;
const asShared = (record: IDataObject) => asTask(nexudusTaskMapping, record, credentials);

describe('Nexudus › shared Task mapping', () => {
	it('maps a coworker task read by ID to the shared Task, the record untouched under raw', () => {
		expect(asShared(task)).toEqual({ ...taskAsTask, raw: task });
	});

	it.each(sandboxTasks.full.map((record, index) => [record.Id, index]))(
		"maps the sandbox's task %p as read by ID and as a search lists it to the same Task",
		(_id, index) => {
			const full = sandboxTasks.full[index] as IDataObject;
			const summary = sandboxTasks.summary[index] as IDataObject;

			expect(asShared(full)).toEqual({ ...sandboxTasksAsTasks[index], raw: full });
			expect(asShared(summary)).toEqual({ ...sandboxTasksAsTasks[index], raw: summary });
		},
	);

	it('reads a due date written without a zone as UTC, as Nexudus documents DueDate', () => {
		const withoutZone = { ...task, DueDate: '2026-12-01T09:00:00', CreatedOn: '2026-11-20T08:15' };

		expect(asShared(withoutZone)).toMatchObject({
			dueDate: '2026-12-01T09:00:00.000Z',
			createdAt: '2026-11-20T08:15:00.000Z',
		});
	});

	it('gives no assignee or related record when the task names none, and completed only when true', () => {
		const bare = { ...task, ResponsibleId: null, CoworkerId: null, Completed: null };

		expect(asShared(bare)).toMatchObject({ assignee: null, relatedRecord: null, completed: false });
	});

	it("tells task records from Nexudus' write envelopes and command lists", () => {
		expect(nexudusTaskMapping.isTask(task)).toBe(true);
		expect(nexudusTaskMapping.isTask(written(1001, 'CoworkerTask was successfully deleted.'))).toBe(
			false,
		);
		expect(nexudusTaskMapping.isTask({ Key: 'POSTPONE_TASKS', Name: 'Postpone' })).toBe(false);
	});
});
