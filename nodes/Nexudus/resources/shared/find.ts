import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { recordLocator, type RecordPicker } from '../../../shared/fields';
import { vendorRequest } from '../../../shared/transport/request';
import {
	checkParameters,
	optionalRecordId,
	recordIdList,
	type ParameterRules,
} from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { nexudusApi } from '../../transport';
import type { DateQuery } from './dates';
import { fetchRecordPages, pagingFields } from './paging';

/** A search filter Nexudus documents for an entity: `<Entity>_<property>=value`. */
export interface NexudusFilter {
	/** The part after `<Entity>_`, e.g. `Coworker_FullName`. */
	property: string;
	displayName: string;
	type: 'string' | 'boolean' | 'number' | 'dateTime' | 'record';
	picker?: RecordPicker;
	description?: string;
}

function filterOption(entity: NexudusEntity, filter: NexudusFilter): INodeProperties {
	const name = filter.property.charAt(0).toLowerCase() + filter.property.slice(1).replace(/_/g, '');
	const routing = {
		send: { type: 'query' as const, property: `${entity.name}_${filter.property}` },
	};
	const base = { displayName: filter.displayName, name, description: filter.description, routing };
	if (filter.type === 'record') return recordLocator(filter.picker!, base);
	const defaults = { string: '', boolean: false, number: 0, dateTime: '' };
	return { ...base, type: filter.type, default: defaults[filter.type] };
}

/**
 * A preSend hook: checks the picked records and numbers among the filters the user added. Dates
 * are checked as they are formatted (see dates.ts).
 */
export function validateFilters(entity: NexudusEntity, filters: NexudusFilter[]) {
	const schemas = { record: optionalRecordId, number: z.number().optional() };
	return async function checkFilters(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const added = this.getNodeParameter('filters', {}) as IDataObject;
		const rules: ParameterRules = {};
		for (const filter of filters) {
			const name = filterOption(entity, filter).name;
			if (!(name in added) || (filter.type !== 'record' && filter.type !== 'number')) continue;
			rules[`filters.${name}`] = { label: filter.displayName, schema: schemas[filter.type] };
		}
		checkParameters(this, rules);
		return requestOptions;
	};
}

/** The date filters among `filters`, for the hook that formats them. */
export function filterDateQueries(entity: NexudusEntity, filters: NexudusFilter[]): DateQuery[] {
	return filters
		.filter((filter) => filter.type === 'dateTime')
		.map((filter) => ({
			key: `${entity.name}_${filter.property}`,
			path: `filters.${filterOption(entity, filter).name}`,
			label: filter.displayName,
		}));
}

/** Find: search by any documented filter, or fetch a list of records by their IDs. */
export function findFields(entity: NexudusEntity, filters: NexudusFilter[]): INodeProperties[] {
	const show = { resource: [entity.resource], operation: ['find'] };
	return [
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Filters',
					value: 'filters',
					description: `Search ${entity.nounPlural} by their fields`,
				},
				{ name: 'IDs', value: 'ids', description: `Fetch ${entity.nounPlural} by their IDs` },
			],
			default: 'filters',
			displayOptions: { show },
		},
		{
			displayName: 'IDs',
			name: 'ids',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234, 5678',
			description: `Comma-separated IDs of the ${entity.nounPlural} to fetch`,
			displayOptions: { show: { ...show, findBy: ['ids'] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters
				.map((filter) => filterOption(entity, filter))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			displayOptions: { show: { ...show, findBy: ['filters'] } },
		},
		...pagingFields(entity.resource, ['find']).map((field) => ({
			...field,
			displayOptions: { show: { ...field.displayOptions!.show, findBy: ['filters'] } },
		})),
	];
}

const idsRule = { ids: { label: 'IDs', schema: recordIdList } };

/** Find's executor: the IDs form is one request; the filters form pages like List. */
export const findRecords: OperationExecutor = async function findRecords(requestData) {
	if (this.getNodeParameter('findBy', 'filters') !== 'ids') {
		return await fetchRecordPages.call(this, requestData);
	}
	const ids = checkParameters(this, idsRule).ids as number[];
	const body = await vendorRequest<IDataObject[] | { Records?: IDataObject[] }>(this, nexudusApi, {
		...requestData.options,
		qs: { id: `[${ids.join(',')}]` },
	});
	return toItems(this, Array.isArray(body) ? body : (body.Records ?? []));
};
