import type { IDataObject } from 'n8n-workflow';

import { onlyofficeTaskMapping } from '../../nodes/Onlyoffice/resources/task/taskMapping';
import { asTask } from '../../nodes/shared/task/task';
import opsTaskShared from './fixtures/ops-task-shared.json';
import recorded from './fixtures/sandbox-tasks.json';
import sandboxShared from './fixtures/sandbox-tasks-shared.json';
import { passwordCredentials } from './credentials';
import { task } from './recordHelpers';

const credentials = passwordCredentials.onlyofficeWorkspaceApi;
const shared = (record: IDataObject) => asTask(onlyofficeTaskMapping, record, credentials);

/**
 * The mapper on ONLYOFFICE's answers: the node's fixture, and the emulator's answers to
 * `GET /crm/task/{id}` and `GET /crm/task/filter` for tasks with and without a linked record,
 * contact, description or close, from a portal at +03:00 and one at −05:00 (1203).
 */
describe('ONLYOFFICE › task › shared Task mapping', () => {
	it('maps the task fixture: deadline and creation in UTC, the opportunity over the contact', () => {
		expect(shared(task)).toEqual({ ...opsTaskShared, raw: task });
	});

	it.each(recorded.get.map((record, index) => [record.id, index]))(
		'maps task %p as Get answers it',
		(_id, index) => {
			const record = recorded.get[index] as IDataObject;
			expect(shared(record)).toEqual({ ...sandboxShared[index], raw: record });
		},
	);

	it.each(recorded.list.map((record, index) => [record.id, index]))(
		'maps task %p as the task list answers it (no category task count) to the same Task',
		(_id, index) => {
			const record = recorded.list[index] as IDataObject;
			expect(record).not.toEqual(recorded.get[index]);
			expect(shared(record)).toEqual({ ...sandboxShared[index], raw: record });
		},
	);

	it('gives no assignee for the empty GUID ONLYOFFICE shows when nobody is responsible', () => {
		const record = {
			...task,
			responsible: { id: '00000000-0000-0000-0000-000000000000', displayName: 'Unknown user' },
		};
		expect(shared(record).assignee).toBeNull();
	});

	it('gives no due date for a deadline it cannot read, rather than a wrong one', () => {
		expect(shared({ ...task, deadLine: '01.12.2026 10:00' }).dueDate).toBeNull();
	});

	it('takes only records with an ID and a title for tasks', () => {
		expect(onlyofficeTaskMapping.isTask(task)).toBe(true);
		expect(onlyofficeTaskMapping.isTask({ error: 'Task not found' })).toBe(false);
	});
});
