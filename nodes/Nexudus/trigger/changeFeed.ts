import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { parseDate, toMinuteStamp } from '../../shared/dates';
import type { ChangeFeed, ChangeStream } from '../../shared/polling/changeFeed';
import type { ChangeEvent } from '../../shared/polling/events';
import { sendVendorRequest } from '../../shared/transport/request';
import type { NexudusEntity } from '../entities';
import { fetchRecordsByIds } from '../readRecords';
import { nexudusApi, nexudusPaging } from '../transport';
import type { TriggerAccount } from '../../shared/polling/account';

type ChangeTime = 'CreatedOn' | 'UpdatedOn';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What a Nexudus trigger watches: which records, which changes, and in which account. */
export interface NexudusTriggerSettings {
	entity: NexudusEntity;
	event: ChangeEvent;
	/** Search filters, as Nexudus query parameters. */
	filters: IDataObject;
	account: TriggerAccount;
}

const timeOf = (record: IDataObject, property: ChangeTime) => parseDate(record[property]);

/** Whether the record's last change came after its creation, i.e. it was updated. */
const wasUpdated = (record: IDataObject) => {
	const created = timeOf(record, 'CreatedOn');
	const updated = timeOf(record, 'UpdatedOn');
	return !created || !updated || updated > created;
};

/** A record Nexudus created without an UpdatedOn: only its CreatedOn tells of it. */
const neverUpdated = (record: IDataObject) => !timeOf(record, 'UpdatedOn');

/**
 * Nexudus as a change feed. Records are listed sorted by CreatedOn or UpdatedOn and filtered with
 * from_<Entity>_<time>, which Nexudus reads to the minute, then read in full in batches, because
 * search results may be a summary of the record.
 * - Created: the CreatedOn stream.
 * - Updated: the UpdatedOn stream, records whose UpdatedOn is later than their CreatedOn.
 * - Created or Updated: the UpdatedOn stream, plus the CreatedOn stream for records Nexudus created
 *   with an empty UpdatedOn, which the UpdatedOn filter never lists.
 */
export function nexudusChangeFeed(
	context: IPollFunctions,
	{ entity, event, filters, account }: NexudusTriggerSettings,
): ChangeFeed {
	const { baseURL } = account;
	const search = async (property: ChangeTime, qs: IDataObject) =>
		await sendVendorRequest(context, nexudusApi, {
			method: 'GET',
			baseURL,
			url: entity.path,
			qs: { ...filters, orderBy: property, ...qs },
		});

	const stream = (property: ChangeTime, reports?: ChangeStream['reports']): ChangeStream => ({
		name: property,
		async fetchPage(since, pageIndex) {
			const from = since ? { [`from_${entity.name}_${property}`]: toMinuteStamp(since) } : {};
			const response = await search(property, {
				...from,
				dir: 1,
				page: pageIndex + 1,
				size: nexudusPaging.maxPageSize,
			});
			return nexudusPaging.readPage(response, nexudusPaging.maxPageSize, pageIndex);
		},
		async fetchNewest(count) {
			const response = await search(property, { dir: -1, page: 1, size: count });
			return nexudusPaging.readPage(response, count, 0).records;
		},
		timeOf: (record) => timeOf(record, property),
		reports,
	});

	const streams: Record<ChangeEvent, ChangeStream[]> = {
		created: [stream('CreatedOn')],
		updated: [stream('UpdatedOn', wasUpdated)],
		createdOrUpdated: [stream('UpdatedOn'), stream('CreatedOn', neverUpdated)],
	};

	return {
		granularityMs: MINUTE,
		// Nexudus may stamp the space's local wall-clock (with a literal Z): when its clocks go back
		// an hour in autumn, a change is stamped up to an hour earlier than the one before it. Two
		// minutes for stamps written late, plus that hour, so that the repeated hour is read again.
		overlapMs: HOUR + 2 * MINUTE,
		streams: streams[event],
		idOf: (record) => String(record.Id),
		readFull: async (records) =>
			await fetchRecordsByIds(
				context,
				entity,
				records.map((record) => Number(record.Id)),
				baseURL,
			),
		configuration: { ...account, resource: entity.resource, event, filters },
	};
}
