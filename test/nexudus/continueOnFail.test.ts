import nock from 'nock';

import { proveManyItems } from '../helpers/reliability/manyItems';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, NODE, basicCredentials } from './credentials';
import { picked, runNexudus } from './runNexudus';
import task from './fixtures/coworkerTask.json';

const BAD_TASK =
	'Invalid value for "Coworker Task": Enter a numeric ID, e.g. 1234, or pick a coworker task from the list';

const getTaskOf = (input: Array<{ taskId: string }>, continueOnFail = false) =>
	runNexudus(
		'coworkerTask',
		'get',
		{ recordId: picked('={{ $json.taskId }}') },
		{ input, continueOnFail },
	);

describe('Nexudus › Continue On Fail', () => {
	it('turns the bad item into an error item and still runs the others', async () => {
		const other = { ...task, Id: 1003, Name: 'Book a locker' };
		const scope = nock(BASE_URL)
			.get('/crm/coworkertasks/1001')
			.reply(200, task)
			.get('/crm/coworkertasks/1003')
			.reply(200, other);

		const run = await getTaskOf(
			[{ taskId: '1001' }, { taskId: 'not-an-id' }, { taskId: '1003' }],
			true,
		);

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			task,
			{
				error: BAD_TASK,
			},
			other,
		]);
		expectExactRequests(scope);
	});

	it('without it, the first bad item stops the node', async () => {
		const run = await getTaskOf([{ taskId: 'not-an-id' }]);

		expect(run.error?.message).toBe(BAD_TASK);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});

describe('Nexudus › Continue On Fail › many items', () => {
	proveManyItems({
		vendor: 'Nexudus',
		operation: 'get coworker task by ID',
		type: NODE,
		credentials: basicCredentials,
		parameters: {
			resource: 'coworkerTask',
			operation: 'get',
			recordId: picked('={{ $json.id }}'),
		},
		idOf: (index) => String(5000 + index),
		invalidIds: ['not-an-id', '1001/../../sys/users', '..', '1001?Id=1002', '١٠٠١', '-1'],
		api: () => nock(BASE_URL),
		recordPath: /\/crm\/coworkertasks\/\d+$/,
		found: (id) => ({
			answer: [200, { ...task, Id: Number(id) }],
			output: { ...task, Id: Number(id) },
		}),
		// Nexudus answers an unknown ID with a JSON string.
		missing: {
			answer: [404, '"Not found"', { 'Content-Type': 'application/json' }],
			message: 'Not found',
		},
		invalidMessage: BAD_TASK,
	});
});
