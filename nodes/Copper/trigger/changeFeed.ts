import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { toUnixSeconds } from '../../shared/dates';
import { digest } from '../../shared/digest';
import type { TriggerAccount } from '../../shared/polling/account';
import type { ChangeFeed, ChangeStream } from '../../shared/polling/changeFeed';
import type { ChangeEvent } from '../../shared/polling/events';
import { sendVendorRequest } from '../../shared/transport/request';
import { fetchTasksByIds } from '../readRecords';
import { copperApi, copperPaging } from '../transport';

type ChangeTime = 'date_created' | 'date_modified';

/** The search body bounds of each change time. */
const boundsOf: Record<ChangeTime, { minimum: string; maximum: string }> = {
	date_created: { minimum: 'minimum_created_date', maximum: 'maximum_created_date' },
	date_modified: { minimum: 'minimum_modified_date', maximum: 'maximum_modified_date' },
};

const SECOND = 1_000;

/** What a Copper trigger watches: which changes, which tasks, and in which account. */
export interface CopperTriggerSettings {
	event: ChangeEvent;
	/** Search filters, as Copper search body fields. */
	filters: IDataObject;
	account: TriggerAccount;
}

const timeOf = (record: IDataObject, property: ChangeTime) =>
	typeof record[property] === 'number'
		? new Date((record[property] as number) * SECOND)
		: undefined;

/** Whether the task was changed after it was created. */
const wasUpdated = (record: IDataObject) => {
	const created = timeOf(record, 'date_created');
	const modified = timeOf(record, 'date_modified');
	return !created || !modified || modified > created;
};

/**
 * Copper as a change feed. Tasks are searched with minimum_created_date or minimum_modified_date
 * (Unix seconds), sorted by that date ascending and paged in the body. Changed tasks are then
 * read again by ID, 200 to a search, so that each is emitted as it is now and a deleted one not
 * at all. Copper stamps whole seconds: a second with
 * more tasks than a page is checked against Copper's count of that second, and a task changed
 * again within the second it was emitted at is told apart by its fingerprint.
 * - Created: the date_created stream.
 * - Updated: the date_modified stream, tasks changed after they were created.
 * - Created or Updated: the date_modified stream, which Copper sets on creation too.
 */
export function copperChangeFeed(
	context: IPollFunctions,
	{ event, filters, account }: CopperTriggerSettings,
): ChangeFeed {
	const search = async (body: IDataObject) =>
		await sendVendorRequest(context, copperApi, {
			method: 'POST',
			baseURL: account.baseURL,
			url: '/tasks/search',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: { ...filters, ...body },
		});

	const stream = (property: ChangeTime, reports?: ChangeStream['reports']): ChangeStream => ({
		name: property,
		async fetchPage(since, pageIndex) {
			const pageSize = copperPaging.maxPageSize;
			const response = await search({
				...(since ? { [boundsOf[property].minimum]: toUnixSeconds(since) } : {}),
				sort_by: property,
				sort_direction: 'asc',
				page_number: pageIndex + 1,
				page_size: pageSize,
			});
			return copperPaging.readPage(response, pageSize, pageIndex);
		},
		async fetchNewest(count) {
			const response = await search({
				sort_by: property,
				sort_direction: 'desc',
				page_number: 1,
				page_size: count,
			});
			return copperPaging.readPage(response, count, 0).records;
		},
		/** Copper's count of the tasks at one second, in X-PW-TOTAL of a one-task page. */
		async countAt(time) {
			const second = toUnixSeconds(time);
			const { minimum, maximum } = boundsOf[property];
			const response = await search({
				[minimum]: second,
				[maximum]: second,
				page_number: 1,
				page_size: 1,
			});
			const page = copperPaging.readPage(response, 1, 0);
			return page.total ?? page.records.length;
		},
		timeOf: (record) => timeOf(record, property),
		// A task changed twice within one second keeps its date_modified: its content tells.
		fingerprint: property === 'date_modified' ? (record) => digest(record).slice(0, 8) : undefined,
		reports,
	});

	const streams: Record<ChangeEvent, ChangeStream[]> = {
		created: [stream('date_created')],
		updated: [stream('date_modified', wasUpdated)],
		createdOrUpdated: [stream('date_modified')],
	};

	return {
		granularityMs: SECOND,
		overlapMs: 2 * 60 * SECOND,
		streams: streams[event],
		idOf: (record) => String(record.id),
		readFull: async (records) =>
			await fetchTasksByIds(
				context,
				records.map((record) => String(record.id)),
				account.baseURL,
				filters,
			),
		configuration: { ...account, resource: 'task', event, filters },
	};
}
