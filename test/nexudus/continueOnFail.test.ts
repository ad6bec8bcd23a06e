import nock from 'nock';

import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL } from './credentials';
import { picked, runNexudus } from './runNexudus';
import task from './fixtures/coworkerTask.json';

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
				error:
					'Invalid value for "Coworker Task": Enter a numeric ID, e.g. 1234, or pick a coworker task from the list',
			},
			other,
		]);
		expectExactRequests(scope);
	});

	it('without it, the first bad item stops the node', async () => {
		const run = await getTaskOf([{ taskId: 'not-an-id' }]);

		expect(run.error?.message).toBe(
			'Invalid value for "Coworker Task": Enter a numeric ID, e.g. 1234, or pick a coworker task from the list',
		);
		expect(run.json).toEqual([]);
		expectNoRequests();
	});
});
