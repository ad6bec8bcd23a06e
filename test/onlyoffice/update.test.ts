/**
 * Update: ONLYOFFICE's `PUT /crm/task/{id}` builds the task anew and clears every field it is not
 * sent, so the node reads the task, sends back every field from where the task shows it
 * (`responsible.id` → responsibleId, `deadLine` → deadline, `category.id` → categoryId,
 * `contact.id` → contactId, `entity.entityType/entityId` → entityType/entityId, alertValue,
 * description), changed only where asked, and outputs the task as read afterwards.
 */
import type { INodeParameters } from 'n8n-workflow';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BAD_TASK_ID, MIKE, NINA, TASK_AS_SENT_BACK, readPutRead, task } from './recordHelpers';
import { onlyoffice, picked, runTask, single } from './runOnlyoffice';

const update = (updateFields: INodeParameters, id = '1201') =>
	runTask('update', { recordId: picked(id), updateFields });

describe('ONLYOFFICE › task › update', () => {
	it('changes the title and sends every other field back exactly as read', async () => {
		const renamed = { ...task, title: 'Call Kim: renewal' };
		const scope = readPutRead({ ...TASK_AS_SENT_BACK, title: 'Call Kim: renewal' }, task, renamed);

		const run = await update({ title: 'Call Kim: renewal' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([renamed]);
		expectExactRequests(scope);
	});

	it('changes deadline (workflow time zone) and responsible, keeping the rest', async () => {
		const scope = readPutRead({
			...TASK_AS_SENT_BACK,
			deadline: '2026-12-03T14:00:00.000Z',
			responsibleId: NINA,
		});

		const run = await update({
			deadline: '2026-12-03T09:00:00',
			responsibleId: picked(NINA, 'list'),
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		['category', { categoryId: picked('34', 'list') }, { categoryId: 34 }],
		['contact', { contactId: picked('305') }, { contactId: 305 }],
		['description', { description: 'Seats: 40.' }, { description: 'Seats: 40.' }],
		['reminder', { alertValue: 60 }, { alertValue: 60 }],
		['notify flag (not part of the task as read)', { isNotify: true }, { isNotify: true }],
		['linked record', { entityType: 'case', entityId: 501 }, { entityType: 'case', entityId: 501 }],
	])('changes only the %s', async (_, updateFields, changed) => {
		const scope = readPutRead({ ...TASK_AS_SENT_BACK, ...changed });

		const run = await update(updateFields);

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it('sends nothing for fields the task does not have (ONLYOFFICE leaves out empty ones)', async () => {
		// An open task without description, contact, linked record or reminder, as ONLYOFFICE
		// writes it: those keys are missing altogether.
		const { description, contact, entity, alertValue, ...bare } = task;
		void [description, contact, entity, alertValue];
		const scope = readPutRead(
			{
				taskid: 1201,
				title: 'Renamed',
				deadline: '2026-12-01T10:00:00.0000000+03:00',
				responsibleId: MIKE,
				categoryId: 31,
			},
			bare,
			bare,
		);

		const run = await update({ title: 'Renamed' });

		expect(run.json).toEqual([bare]);
		expectExactRequests(scope);
	});

	it('does not write a task that lacks its category, naming it, after reading it', async () => {
		const { category, ...uncategorised } = task;
		void category;
		const scope = onlyoffice().get('/crm/task/1201').reply(200, single(uncategorised));

		const run = await update({ title: 'Renamed' });

		expect(run.error?.message).toBe('The task 1201 has no "Category", so it was not updated');
		expectExactRequests(scope);
	});

	it('writes such a task once the category is among the changes', async () => {
		const { category, ...uncategorised } = task;
		void category;
		const scope = readPutRead({ ...TASK_AS_SENT_BACK, categoryId: 32 }, uncategorised, task);

		const run = await update({ categoryId: picked('32') });

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([
		['no field', {}, 'Add at least one field under "Update Fields"'],
		['a blank title', { title: ' ' }, 'Invalid value for "Title": This field is required'],
		[
			'a responsible that is not a GUID',
			{ responsibleId: picked('mike', 'list') },
			'Invalid value for "Responsible": Enter a user ID (GUID), e.g. 6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101, or pick a user from the list',
		],
		[
			'an invalid deadline',
			{ deadline: 'tomorrow' },
			'Invalid value for "Deadline": Expected a date such as 2026-05-31 or 2026-05-31T14:30:00Z',
		],
	])('refuses %s before any request', async (_, updateFields, message) => {
		const run = await update(updateFields);

		expect(run.error?.message).toBe(message);
		expectNoRequests();
	});

	it('refuses a bad task ID before any request', async () => {
		const run = await runTask('update', {
			recordId: picked('12x', 'list'),
			updateFields: { title: 'x' },
		});

		expect(run.error?.message).toBe(BAD_TASK_ID);
		expectNoRequests();
	});
});
