import type { RecordField } from '../../../shared/fields';

/** The fields of a task category the node writes (`POST`/`PUT /crm/task/category`). */
export const categoryFields: RecordField[] = [
	{
		property: 'title',
		displayName: 'Title',
		type: 'string',
		required: true,
		description: 'The name of the category, e.g. Call',
	},
	{
		property: 'description',
		displayName: 'Description',
		type: 'text',
		description: 'What tasks of this category are for',
	},
	{
		property: 'imageName',
		displayName: 'Icon File Name',
		type: 'string',
		description: "The file name of one of ONLYOFFICE's category icons, e.g. task_category_call.png",
	},
	{
		property: 'sortOrder',
		displayName: 'Position',
		type: 'number',
		description: 'Where the category comes in lists, from 0',
	},
];
