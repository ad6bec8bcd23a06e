import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseDate, toMinuteStamp } from '../../shared/dates';
import type { ChangeFeed } from '../../shared/polling/changeFeed';
import { vendorRequest } from '../../shared/transport/request';
import type { NexudusEntity } from '../entities';
import { nexudusApi, nexudusBaseUrl, nexudusPaging } from '../transport';

/** Which changes a Nexudus trigger reports. */
export type NexudusEvent = 'created' | 'updated' | 'createdOrUpdated';

const MINUTE = 60_000;

/**
 * Nexudus as a change feed: records sorted by CreatedOn or UpdatedOn, filtered with
 * from_<Entity>_<time>, which Nexudus reads to the minute. Records are emitted in full, read one by
 * one, because search results may be a summary of the record.
 */
export function nexudusChangeFeed(
	context: IPollFunctions,
	entity: NexudusEntity,
	event: NexudusEvent,
	filters: IDataObject,
): ChangeFeed {
	const timeProperty = event === 'created' ? 'CreatedOn' : 'UpdatedOn';
	const request = async (qs: IDataObject) =>
		await vendorRequest<IDataObject>(context, nexudusApi, {
			method: 'GET',
			baseURL: await nexudusBaseUrl(context),
			url: entity.path,
			qs: { ...filters, orderBy: timeProperty, ...qs },
		});
	const timeOf = (record: IDataObject, property = timeProperty) => parseDate(record[property]);

	return {
		granularityMs: MINUTE,
		overlapMs: 2 * MINUTE,
		async fetchPage(since, pageIndex) {
			const from = since ? { [`from_${entity.name}_${timeProperty}`]: toMinuteStamp(since) } : {};
			const body = await request({
				...from,
				dir: 1,
				page: pageIndex + 1,
				size: nexudusPaging.maxPageSize,
			});
			return nexudusPaging.readPage(body, nexudusPaging.maxPageSize);
		},
		async fetchNewest() {
			const body = await request({ dir: -1, page: 1, size: 1 });
			return (body.Records as IDataObject[] | undefined)?.[0];
		},
		changedAt: (record) => timeOf(record),
		changeKey: (record) =>
			event === 'created' ? String(record.Id) : `${String(record.Id)}@${String(record.UpdatedOn)}`,
		isWanted: (record) => {
			if (event !== 'updated') return true;
			const created = timeOf(record, 'CreatedOn');
			const updated = timeOf(record, 'UpdatedOn');
			return !created || !updated || updated > created;
		},
		async complete(records) {
			const baseURL = await nexudusBaseUrl(context);
			const full: IDataObject[] = [];
			for (const record of records) {
				try {
					full.push(
						await vendorRequest<IDataObject>(context, nexudusApi, {
							method: 'GET',
							baseURL,
							url: `${entity.path}/${encodeURIComponent(String(record.Id))}`,
						}),
					);
				} catch (error) {
					// Deleted since it changed: there is nothing left to report.
					if (error instanceof NodeApiError && error.httpCode === '404') continue;
					throw new NodeApiError(context.getNode(), error as JsonObject);
				}
			}
			return full;
		},
	};
}
