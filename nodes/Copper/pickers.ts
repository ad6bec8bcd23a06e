import type { RecordPicker } from '../shared/fields';
import { positiveWholeIds } from '../shared/idRule';

/** Copper record IDs are positive whole numbers. */
const idRule = positiveWholeIds;

/** The records users pick in Copper fields, each backed by a listSearch method. */
export const pickers = {
	task: { searchListMethod: 'searchTasks', noun: 'task', idRule },
	user: { searchListMethod: 'searchUsers', noun: 'user', idRule },
	relatedRecord: { searchListMethod: 'searchRelatedRecords', noun: 'record', idRule },
} satisfies Record<string, RecordPicker>;
