import type { RecordPicker } from '../shared/fields';

/** The records users pick in Nexudus fields, each backed by a listSearch method. */
export const pickers = {
	business: { searchListMethod: 'searchBusinesses', noun: 'business' },
	coworker: { searchListMethod: 'searchCoworkers', noun: 'coworker' },
	user: { searchListMethod: 'searchUsers', noun: 'user' },
	coworkerTask: { searchListMethod: 'searchCoworkerTasks', noun: 'coworker task' },
	crmOpportunity: { searchListMethod: 'searchCrmOpportunities', noun: 'opportunity' },
	crmBoardColumn: { searchListMethod: 'searchCrmBoardColumns', noun: 'board column' },
	crmOpportunityHistory: {
		searchListMethod: 'searchCrmOpportunityHistories',
		noun: 'opportunity history entry',
	},
} satisfies Record<string, RecordPicker>;
