import type { IDataObject } from 'n8n-workflow';

import { digest } from '../../shared/digest';

/**
 * The task fields a change sets (COTTask, model_tasks.md), for telling apart two versions stamped
 * in the same millisecond. Fields Cotalker may compute on reading (SLAs, answers, populated users)
 * are left out, so that the newest task is not taken for changed on every poll.
 */
const CHANGE_FIELDS = [
	'name',
	'info',
	'assignee',
	'editors',
	'followers',
	'smState',
	'status',
	'status1',
	'status2',
	'status3',
	'status4',
	'status5',
	'extensions',
	'startDate',
	'endDate',
	'estimatedTime',
	'isActive',
	'parent',
	'closedAt',
];

export const contentOf = (task: IDataObject) =>
	digest(CHANGE_FIELDS.map((field) => task[field] ?? null)).slice(0, 8);

/** The ID a task refers to (e.g. its assignee), whether Cotalker gives it as an ID or as the record. */
export const refOf = (task: IDataObject, property: string) => {
	const value = task[property];
	return value && typeof value === 'object' ? (value as IDataObject)._id : value;
};
