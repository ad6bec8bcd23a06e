/**
 * Task categories: `GET|POST /crm/task/category`, `GET|PUT|DELETE /crm/task/category/{id}`.
 * The PUT rebuilds the category, so an update sends every field back (the icon's file name read
 * from `imagePath`).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { category, getCategory } from './recordHelpers';
import { failed, listed, onlyoffice, picked, runCategory, single } from './runOnlyoffice';

const call = {
	id: 31,
	title: 'Call',
	color: '#e05a3a',
	sortOrder: 0,
	imagePath: '/Products/CRM/App_Themes/default/images/task_category_call.png',
	relativeItemsCount: 3,
};

const BAD_CATEGORY_ID =
	'Invalid value for "Task Category": Enter a numeric ID, e.g. 1234, or pick a task category from the list';

/** What `PUT /crm/task/category/33` must get back for the fixture category. */
const CATEGORY_AS_SENT_BACK = {
	id: 33,
	title: 'Meeting',
	description: 'Face to face or online',
	imageName: 'task_category_meeting.png',
	sortOrder: 2,
};

describe('ONLYOFFICE › task category', () => {
	it('lists the categories unwrapped, in ONLYOFFICE’s order', async () => {
		const scope = onlyoffice()
			.get('/crm/task/category')
			.query({ startIndex: '0', count: '500' })
			.reply(200, listed([call, category]));

		const run = await runCategory('list', { returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([call, category]);
		expectExactRequests(scope);
	});

	it('outputs at most Limit categories', async () => {
		// ONLYOFFICE lists all categories at once, whatever the count.
		const scope = onlyoffice()
			.get('/crm/task/category')
			.query({ startIndex: '0', count: '1' })
			.reply(200, listed([call, category]));

		const run = await runCategory('list', { limit: 1 });

		expect(run.json).toEqual([call]);
		expectExactRequests(scope);
	});

	it('gets one category', async () => {
		const scope = onlyoffice().get('/crm/task/category/33').reply(200, single(category));

		const run = await getCategory();

		expect(run.json).toEqual([category]);
		expectExactRequests(scope);
	});

	it('creates a category with its title, and with every optional field', async () => {
		const scope = onlyoffice()
			.post('/crm/task/category', { title: 'Meeting' })
			.reply(201, single(category, 201))
			.post('/crm/task/category', {
				title: 'Meeting',
				description: 'Face to face or online',
				imageName: 'task_category_meeting.png',
				sortOrder: 2,
			})
			.reply(201, single(category, 201));

		const plain = await runCategory('create', { title: 'Meeting', additionalFields: {} });
		const full = await runCategory('create', {
			title: 'Meeting',
			additionalFields: {
				description: 'Face to face or online',
				imageName: 'task_category_meeting.png',
				sortOrder: 2,
			},
		});

		expect(plain.json).toEqual([category]);
		expect(full.json).toEqual([category]);
		expectExactRequests(scope);
	});

	it('refuses a create whose title an expression leaves empty, before any request', async () => {
		const run = await runCategory(
			'create',
			{ title: '={{ $json.name }}', additionalFields: {} },
			{ input: [{ name: '' }] },
		);

		expect(run.error?.message).toBe('Invalid value for "Title": This field is required');
		expectNoRequests();
	});

	describe('update', () => {
		const update = (updateFields: INodeParameters) =>
			runCategory('update', { recordId: picked('33'), updateFields });
		const readPutRead = (body: nock.DataMatcherMap, after: IDataObject) =>
			onlyoffice()
				.get('/crm/task/category/33')
				.reply(200, single(category))
				.put('/crm/task/category/33', body)
				.reply(200, single(after))
				.get('/crm/task/category/33')
				.reply(200, single(after));

		it('changes the title and sends description, icon and position back as read', async () => {
			const renamed = { ...category, title: 'Meetings' };
			const scope = readPutRead({ ...CATEGORY_AS_SENT_BACK, title: 'Meetings' }, renamed);

			const run = await update({ title: 'Meetings' });

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([renamed]);
			expectExactRequests(scope);
		});

		it.each([
			['description', { description: 'Online' }],
			['imageName', { imageName: 'task_category_call.png' }],
			['sortOrder', { sortOrder: 0 }],
		])('changes only the %s', async (_, changes) => {
			const scope = readPutRead({ ...CATEGORY_AS_SENT_BACK, ...changes }, category);

			const run = await update(changes);

			expect(run.json).toEqual([category]);
			expectExactRequests(scope);
		});

		it('refuses an empty update and a bad ID before any request', async () => {
			const empty = await update({});
			const bad = await runCategory('update', {
				recordId: picked('Call', 'list'),
				updateFields: { title: 'x' },
			});

			expect(empty.error?.message).toBe('Add at least one field under "Update Fields"');
			expect(bad.error?.message).toBe(BAD_CATEGORY_ID);
			expectNoRequests();
		});
	});

	describe('delete', () => {
		it('moves the tasks to the category named in newcategoryid and reports which went', async () => {
			const scope = onlyoffice()
				.delete('/crm/task/category/33')
				.query({ newcategoryid: '31' })
				.reply(200, single(category));

			const run = await runCategory('delete', {
				recordId: picked('33'),
				newcategoryid: picked(' 31 ', 'list'),
			});

			expect(run.error).toBeUndefined();
			expect(run.json).toEqual([{ id: 33, deleted: true }]);
			expectExactRequests(scope);
		});

		it("fails with ONLYOFFICE's message when it refuses", async () => {
			const scope = onlyoffice()
				.delete('/crm/task/category/33')
				.query({ newcategoryid: '99' })
				.reply(400, failed(400, 'Value does not fall within the expected range.'));

			const run = await runCategory('delete', {
				recordId: picked('33'),
				newcategoryid: picked('99'),
			});

			expect(run.error?.message).toBe('Value does not fall within the expected range.');
			expectExactRequests(scope);
		});

		it.each([
			[
				'a bad successor',
				{ recordId: picked('33'), newcategoryid: picked('Call', 'list') },
				'Invalid value for "Move Its Tasks To": Enter a numeric ID, e.g. 1234, or pick a task category from the list',
			],
			[
				'no successor from an expression',
				{ recordId: picked('33'), newcategoryid: picked('={{ "" }}', 'list') },
				'Invalid value for "Move Its Tasks To": Select a task category or enter its ID',
			],
			[
				'a bad category ID',
				{ recordId: picked('x', 'list'), newcategoryid: picked('31') },
				BAD_CATEGORY_ID,
			],
		])('refuses %s before any request', async (_, parameters, message) => {
			const run = await runCategory('delete', parameters);

			expect(run.error?.message).toBe(message);
			expectNoRequests();
		});
	});
});
