import { toUrlDate } from '../../../shared/dates';
import type { RecordField } from '../../../shared/fields';
import type { DateRanges } from '../../../shared/search';
import { pickers } from '../../pickers';

/** The filters ONLYOFFICE's task list takes (`GET /crm/task/filter`), as query parameters. */
export const taskFilters: RecordField[] = [
	{
		property: 'categoryid',
		displayName: 'Category',
		type: 'record',
		picker: pickers.taskCategory,
		description: 'Only tasks of this category',
	},
	{
		property: 'isClosed',
		displayName: 'Status',
		type: 'options',
		options: [
			{ name: 'Closed', value: true },
			{ name: 'Open', value: false },
		],
		description: 'Only open or only closed tasks',
	},
	{
		property: 'entityType',
		displayName: 'Linked To',
		type: 'options',
		options: [
			{ name: 'Case', value: 'case' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		description: 'Only tasks linked to a record of this kind. Set Linked Record ID for one record.',
	},
	{
		property: 'entityid',
		displayName: 'Linked Record ID',
		type: 'number',
		description: 'Only tasks linked to this contact, opportunity or case (set Linked To too)',
	},
	{
		property: 'responsibleid',
		displayName: 'Responsible',
		type: 'record',
		picker: pickers.user,
		description: 'Only tasks of this portal user',
	},
	{
		property: 'filterValue',
		displayName: 'Text',
		type: 'string',
		description: 'Only tasks whose title or description contains these words',
	},
];

const bound = (property: 'fromDate' | 'toDate', displayName: string): RecordField => ({
	property,
	displayName,
	type: 'dateTime',
	formatDate: toUrlDate,
	workflowTimeZone: true,
	description: `Only tasks due ${property === 'fromDate' ? 'at or after' : 'at or before'} this moment. A time without an offset is in the workflow's time zone.`,
});

/** The deadline bounds of the task list, sent in ONLYOFFICE's URL date form. */
export const deadlineRange: DateRanges = {
	fields: [bound('fromDate', 'Earliest Deadline'), bound('toDate', 'Latest Deadline')],
	pairs: [['fromDate', 'toDate']],
	collection: 'deadlineRange',
	collectionName: 'Deadline Range',
	noun: 'task',
};
