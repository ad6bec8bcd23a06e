import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { task } from './recordHelpers';
import { listed, onlyoffice, runTask } from './runOnlyoffice';

describe('ONLYOFFICE › task › list', () => {
	it('lists tasks by deadline, ascending, up to the default Limit of 50', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({ sortBy: 'deadLine', sortOrder: 'ascending', startIndex: '0', count: '50' })
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('list');

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	it.each([['category'], ['contact'], ['contactManager'], ['deadLine'], ['title']])(
		'sorts by %s, descending when asked',
		async (sortBy) => {
			const scope = onlyoffice()
				.get('/crm/task/filter')
				.query({ sortBy, sortOrder: 'descending', startIndex: '0', count: '500' })
				.reply(200, listed([task], { total: 1 }));

			const run = await runTask('list', { sortBy, sortOrder: 'descending', returnAll: true });

			expect(run.json).toEqual([task]);
			expectExactRequests(scope);
		},
	);

	it('sends no filter even if filters were left in the parameters from Find', async () => {
		const scope = onlyoffice()
			.get('/crm/task/filter')
			.query({ sortBy: 'title', sortOrder: 'ascending', startIndex: '0', count: '5' })
			.reply(200, listed([task], { total: 1 }));

		const run = await runTask('list', {
			sortBy: 'title',
			limit: 5,
			filters: { isClosed: true },
			deadlineRange: { fromDate: '2026-12-01' },
		});

		expect(run.json).toEqual([task]);
		expectExactRequests(scope);
	});

	// ONLYOFFICE turns paging off for a sortBy it does not know and returns every task at once.
	it.each([['created'], ['DEADLINE'], ['']])(
		'refuses the sort %p before any request',
		async (sortBy) => {
			const run = await runTask('list', { sortBy });

			expect(run.error?.message).toBe(
				'Invalid value for "Sort By": Expected one of: category, contact, contactManager, deadLine, title',
			);
			expectNoRequests();
		},
	);

	it.each([[0], [-3], [2.5]])('refuses a Limit of %p before any request', async (limit) => {
		const run = await runTask('list', { limit });

		expect(run.error?.message).toBe('Invalid value for "Limit": Expected a whole number above 0');
		expectNoRequests();
	});
});
