import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { parseDate } from '../../shared/dates';
import { digest } from '../../shared/digest';
import type { TriggerAccount } from '../../shared/polling/account';
import type { SnapshotChange, SnapshotFeed } from '../../shared/polling/snapshotFeed';
import { sendVendorRequest } from '../../shared/transport/request';
import { servedAtOf } from '../../shared/polling/servedAt';
import { apiUrlOf, onlyofficeApi, onlyofficePaging } from '../transport';

/** Which changes an ONLYOFFICE trigger reports. */
export type TaskEvent = 'created' | 'updated' | 'closed' | 'reopened';

/** What an ONLYOFFICE trigger watches. */
export interface OnlyofficeTriggerSettings {
	event: TaskEvent;
	/** Task list filters, as query parameters. */
	filters: IDataObject;
	account: TriggerAccount;
}

const CLOSED = 'c';
const OPEN = 'o';

/**
 * What a user would call a change of a task: every field they edit, not its state. Related records
 * count by which one they are, not by their names, which change without the task changing.
 */
const contentOf = (task: IDataObject) => {
	const id = (related: unknown) => (related as IDataObject | undefined)?.id ?? null;
	const entity = (task.entity ?? null) as IDataObject | null;
	return [
		task.title,
		task.description ?? null,
		task.deadLine ?? null,
		id(task.responsible),
		id(task.category),
		id(task.contact),
		entity && [entity.entityType, entity.entityId],
		task.alertValue ?? 0,
	];
};

/** A task's fingerprint: `c` or `o` for closed or open, then a short digest of its content. */
const fingerprint = (task: IDataObject) =>
	`${task.isClosed === true ? CLOSED : OPEN}${digest(contentOf(task)).slice(0, 5)}`;

/** When the portal answered, from its `Date` header (none if absent or unreadable). */
/** Which event each kind of change is. */
const reportsBy: Record<TaskEvent, (change: SnapshotChange) => boolean> = {
	created: ({ isNew }) => isNew,
	updated: ({ isNew, previous, current }) =>
		!isNew && (previous === undefined || previous.slice(1) !== current.slice(1)),
	closed: ({ isNew, previous, current }) =>
		!isNew && previous?.[0] === OPEN && current[0] === CLOSED,
	reopened: ({ previous, current }) => previous?.[0] === CLOSED && current[0] === OPEN,
};

/**
 * ONLYOFFICE's tasks as a snapshot feed: the API gives tasks no modification time, so each poll
 * lists every task in the trigger's scope (its filters, open and closed) and compares each with
 * the previous poll's fingerprint of it. A task is new when the portal created it after it
 * answered the previous poll: its `Date` header and the tasks' `created` are both the portal's
 * clock.
 */
export function onlyofficeSnapshotFeed(
	context: IPollFunctions,
	{ event, filters, account }: OnlyofficeTriggerSettings,
): SnapshotFeed {
	const pageSize = onlyofficePaging.maxPageSize;
	return {
		async fetchPage(pageIndex) {
			const response = await sendVendorRequest(context, onlyofficeApi, {
				method: 'GET',
				baseURL: apiUrlOf(account.baseURL),
				url: '/crm/task/filter',
				headers: { Accept: 'application/json' },
				qs: {
					...filters,
					sortBy: 'deadLine',
					sortOrder: 'ascending',
					startIndex: pageIndex * pageSize,
					count: pageSize,
				},
			});
			return {
				...onlyofficePaging.readPage(response, pageSize, pageIndex),
				servedAt: servedAtOf(response.headers),
			};
		},
		idOf: (task) => String(task.id),
		fingerprint,
		createdAt: (task) => parseDate(task.created),
		reports: (_task, change) => reportsBy[event](change),
		configuration: { ...account, resource: 'task', event, filters },
	};
}
