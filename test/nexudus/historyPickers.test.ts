import type { INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { Nexudus } from '../../nodes/Nexudus/Nexudus.node';
import { expectExactRequests, expectNoRequests } from '../helpers/requests';
import { BASE_URL, BASIC_AUTH } from './credentials';
import { searchPage } from './fixtures/coworkerTaskPage';
import { written } from './fixtures/writeEnvelopes';
import { picked, runNexudus } from './runNexudus';

const api = () => nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } });

const historyProperties = new Nexudus().description.properties.filter((property) =>
	property.displayOptions?.show?.resource?.includes('crmOpportunityHistory'),
);

/** A history parameter, or an option of one of its collections, by operation and name. */
function parameter(operation: string, name: string, collection?: string): INodeProperties {
	const shown = historyProperties.filter((property) =>
		property.displayOptions?.show?.operation?.includes(operation),
	);
	const holder = collection ? shown.find((property) => property.name === collection) : undefined;
	const candidates = holder ? (holder.options as INodeProperties[]) : shown;
	return candidates.find((property) => property.name === name)!;
}

/** How a parameter lets the user pick: its label and the list behind it. */
const pickerOf = (property: INodeProperties) => [
	property.displayName,
	property.type,
	property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod,
];

describe('Nexudus › opportunity histories pick opportunities and board columns from lists', () => {
	const opportunity = ['Opportunity', 'resourceLocator', 'searchCrmOpportunities'];
	const column = (which: 'New' | 'Old') => [
		`${which} Board Column`,
		'resourceLocator',
		'searchCrmBoardColumns',
	];

	it('on create and update', () => {
		expect(pickerOf(parameter('create', 'newCrmBoardColumnId'))).toEqual(column('New'));
		expect(pickerOf(parameter('create', 'crmOpportunityId', 'additionalFields'))).toEqual(
			opportunity,
		);
		expect(pickerOf(parameter('create', 'oldCrmBoardColumnId', 'additionalFields'))).toEqual(
			column('Old'),
		);
		for (const [name, picker] of [
			['newCrmBoardColumnId', column('New')],
			['crmOpportunityId', opportunity],
			['oldCrmBoardColumnId', column('Old')],
		] as const) {
			expect(pickerOf(parameter('update', name, 'updateFields'))).toEqual(picker);
		}
	});

	it('among the filters of Find', () => {
		expect(pickerOf(parameter('find', 'crmOpportunity', 'filters'))).toEqual(opportunity);
		expect(pickerOf(parameter('find', 'newCrmBoardColumn', 'filters'))).toEqual(column('New'));
		expect(pickerOf(parameter('find', 'oldCrmBoardColumn', 'filters'))).toEqual(column('Old'));
	});

	it('creates an entry from the picked opportunity and columns', async () => {
		const entry = { Id: 88, CrmOpportunityId: 5001, NewCrmBoardColumnId: 4002 };
		const scope = api()
			.post('/crm/crmopportunityhistories', {
				NewCrmBoardColumnId: 4002,
				CrmOpportunityId: 5001,
				OldCrmBoardColumnId: 4001,
			})
			.reply(200, written(88, 'CrmOpportunityHistory was successfully created.'))
			.get('/crm/crmopportunityhistories/88')
			.reply(200, entry);

		const run = await runNexudus('crmOpportunityHistory', 'create', {
			newCrmBoardColumnId: picked('4002', 'list'),
			additionalFields: {
				crmOpportunityId: picked('5001', 'list'),
				oldCrmBoardColumnId: picked('4001'),
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([entry]);
		expectExactRequests(scope);
	});

	it.each([
		[picked('0'), 'Enter a numeric ID, e.g. 1234, or pick a board column from the list'],
		// n8n itself refuses an empty required field; an expression can still give nothing.
		[picked('={{ "" }}'), 'Select a board column or enter its ID'],
	])('refuses the New Board Column %j, before any request', async (value, message) => {
		const run = await runNexudus('crmOpportunityHistory', 'create', { newCrmBoardColumnId: value });

		expect(run.error?.message).toBe(`Invalid value for "New Board Column": ${message}`);
		expectNoRequests();
	});

	it('finds the moves of a picked opportunity into a picked column', async () => {
		const moves = [{ Id: 88, CrmOpportunityId: 5001, NewCrmBoardColumnId: 4005 }];
		const scope = api()
			.get('/crm/crmopportunityhistories')
			.query({
				CrmOpportunityHistory_CrmOpportunity: '5001',
				CrmOpportunityHistory_NewCrmBoardColumn: '4005',
				orderBy: 'CreatedOn',
				dir: '-1',
				page: '1',
				size: '1000',
			})
			.reply(200, searchPage(moves, 1, 1000, 1));

		const run = await runNexudus('crmOpportunityHistory', 'find', {
			findBy: 'filters',
			returnAll: true,
			filters: {
				crmOpportunity: picked('5001', 'list'),
				newCrmBoardColumn: picked('4005', 'list'),
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual(moves);
		expectExactRequests(scope);
	});
});
