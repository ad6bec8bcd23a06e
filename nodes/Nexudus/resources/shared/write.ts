import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteSingleFunctions,
} from 'n8n-workflow';

import { vendorRequest } from '../../../shared/transport/request';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';

type RequestOptions = DeclarativeRestApiSettings.ResultOptions['options'];

/** Reads one record in full, on the same base URL as the operation's own request. */
export async function getRecord(
	context: IExecuteSingleFunctions,
	entity: NexudusEntity,
	id: number,
	options: RequestOptions,
): Promise<IDataObject> {
	return await vendorRequest<IDataObject>(context, nexudusApi, {
		baseURL: options.baseURL,
		timeout: options.timeout,
		allowedDomains: options.allowedDomains,
		headers: { Accept: 'application/json' },
		method: 'GET',
		url: `${entity.path}/${encodeURIComponent(id)}`,
	});
}

/** The record ID Nexudus reports in a write envelope (`Value.Id`). */
export const writtenId = (envelope: IDataObject) =>
	(envelope.Value as IDataObject | null)?.Id as number;
