import type { RecordPicker } from '../shared/fields';
import { positiveWholeIds, textIds } from '../shared/idRule';

/** ONLYOFFICE users are GUIDs; CRM records (tasks, categories, contacts) have whole-number IDs. */
const guid = textIds({
	kind: 'a user ID (GUID)',
	pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
	examples: ['6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101', '0b9e8d7c-6a5f-4e3d-9c2b-1a0f9e8d7c6b'],
});
const idRule = positiveWholeIds;

/** The records users pick in ONLYOFFICE fields, each backed by a listSearch method. */
export const pickers = {
	task: { searchListMethod: 'searchTasks', noun: 'task', idRule },
	taskCategory: { searchListMethod: 'searchTaskCategories', noun: 'task category', idRule },
	user: { searchListMethod: 'searchUsers', noun: 'user', idRule: guid },
	contact: { searchListMethod: 'searchContacts', noun: 'contact', idRule },
} satisfies Record<string, RecordPicker>;
