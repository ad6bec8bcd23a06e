import type { RecordPicker } from '../shared/fields';
import { positiveWholeIds } from '../shared/idRule';

/** Nexudus record IDs are positive whole numbers. */
const idRule = positiveWholeIds;

/** The records users pick in Nexudus fields, each backed by a listSearch method. */
export const pickers = {
	business: { searchListMethod: 'searchBusinesses', noun: 'business', idRule },
	coworker: { searchListMethod: 'searchCoworkers', noun: 'coworker', idRule },
	user: { searchListMethod: 'searchUsers', noun: 'user', idRule },
	coworkerTask: { searchListMethod: 'searchCoworkerTasks', noun: 'coworker task', idRule },
	crmOpportunity: { searchListMethod: 'searchCrmOpportunities', noun: 'opportunity', idRule },
	crmBoardColumn: { searchListMethod: 'searchCrmBoardColumns', noun: 'board column', idRule },
	crmOpportunityHistory: {
		searchListMethod: 'searchCrmOpportunityHistories',
		noun: 'opportunity history entry',
		idRule,
	},
} satisfies Record<string, RecordPicker>;
