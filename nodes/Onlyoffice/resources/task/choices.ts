import type { INodePropertyOptions } from 'n8n-workflow';

/** The records a task can be linked to besides its contact (`entityType`). */
export const linkedTypes: INodePropertyOptions[] = [
	{ name: 'Case', value: 'case' },
	{ name: 'Opportunity', value: 'opportunity' },
];

/** The orders ONLYOFFICE's task list offers (`sortBy`); any other value turns its paging off. */
export const sortOptions: INodePropertyOptions[] = [
	{ name: 'Category', value: 'category' },
	{ name: 'Contact', value: 'contact' },
	{ name: 'Contact Manager', value: 'contactManager' },
	{ name: 'Deadline', value: 'deadLine' },
	{ name: 'Title', value: 'title' },
];
