import type { RecordPicker } from '../shared/fields';
import { objectIds as idRule } from '../shared/idRule';

/** The records users pick in Cotalker fields, each backed by a listSearch method; all are ObjectIds. */
export const pickers = {
	taskGroup: { searchListMethod: 'searchTaskGroups', noun: 'task group', idRule },
	task: { searchListMethod: 'searchTasks', noun: 'task', idRule },
	user: { searchListMethod: 'searchUsers', noun: 'user', idRule },
} satisfies Record<string, RecordPicker>;
