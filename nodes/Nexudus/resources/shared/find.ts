import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { toItems, type OperationExecutor } from '../../../shared/executor';
import { pickedId, recordLocator, type RecordPicker } from '../../../shared/fields';
import { pagingFields } from '../../../shared/listPaging';
import {
	checkParameters,
	isEmpty,
	numberInput,
	numericId,
	recordIdList,
	text,
	type ParameterRules,
} from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { fetchRecordsByIds } from '../../readRecords';
import type { DateQuery } from './dates';
import { lowerCase } from './range';
import { fetchRecordPages } from './paging';

/** A search filter Nexudus documents for an entity: `<Entity>_<property>=value`. */
export interface NexudusFilter {
	/** The part after `<Entity>_`, e.g. `Coworker_FullName`. */
	property: string;
	displayName: string;
	/** `id`: a record ID, typed as text so that an empty filter is plainly empty. */
	type: 'string' | 'boolean' | 'number' | 'id' | 'dateTime' | 'record';
	picker?: RecordPicker;
	description?: string;
	/** The query parameter when it is not `<Entity>_<property>`, e.g. `Id`. */
	query?: string;
	/** For dates Nexudus keeps as a wall-clock time: sent as typed, not converted. */
	wallClock?: boolean;
}

/** Filters every Nexudus record has, documented as `?Id=` and `?UniqueId=`. */
export const recordFilters: NexudusFilter[] = [
	{
		property: 'Id',
		displayName: 'ID',
		type: 'id',
		query: 'Id',
		description: 'The ID of the record. To fetch several records by ID, set Find By to IDs.',
	},
	{
		property: 'UniqueId',
		displayName: 'Unique ID',
		type: 'string',
		query: 'UniqueId',
		description: 'The GUID Nexudus gives every record',
	},
];

const filterName = (filter: NexudusFilter) =>
	filter.property.charAt(0).toLowerCase() + filter.property.slice(1).replace(/_/g, '');

const filterKey = (entity: NexudusEntity, filter: NexudusFilter) =>
	filter.query ?? `${entity.name}_${filter.property}`;

function filterOption(entity: NexudusEntity, filter: NexudusFilter): INodeProperties {
	const routing = { send: { type: 'query' as const, property: filterKey(entity, filter) } };
	const base = {
		displayName: filter.displayName,
		name: filterName(filter),
		description:
			filter.description ?? `Find ${entity.nounPlural} by their ${lowerCase(filter.displayName)}`,
		routing,
	};
	if (filter.type === 'record') return recordLocator(filter.picker!, base);
	if (filter.type === 'id')
		return { ...base, type: 'string', default: '', placeholder: 'e.g. 1234' };
	const defaults = { string: '', boolean: false, number: 0, dateTime: '' };
	return { ...base, type: filter.type, default: defaults[filter.type] };
}

/** A text filter: text of at most MAX_TEXT_LENGTH; a number from an expression is its digits. */
const filterText = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : value),
	text,
);

/**
 * A preSend hook for the filters the user added: one left empty is ignored (taken out of the
 * query), the others are checked (picked records and IDs are IDs, numbers are numbers, text is
 * text of a sane length, switches are true or false). Dates are checked as they are formatted
 * (see dates.ts).
 */
export function checkFilters(entity: NexudusEntity, filters: NexudusFilter[]) {
	return async function checkFilters(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const qs: IDataObject = { ...requestOptions.qs };
		const rules: ParameterRules = {};
		for (const filter of filters) {
			const key = filterKey(entity, filter);
			if (!(key in qs)) continue;
			if (isEmpty(qs[key])) {
				delete qs[key];
				continue;
			}
			const schema = {
				record: filter.picker ? pickedId(filter.picker) : z.never(),
				id: numericId,
				number: numberInput,
				string: filterText,
				boolean: z.boolean({ invalid_type_error: 'Expected true or false' }),
			}[filter.type as 'record' | 'id' | 'number' | 'string' | 'boolean'];
			if (schema) rules[`filters.${filterName(filter)}`] = { label: filter.displayName, schema };
		}
		checkParameters(this, rules);
		return { ...requestOptions, qs };
	};
}

type PreSendHook = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** Runs Find's search checks only when it searches: fetching by IDs has no filters or sort. */
export function whenSearching(hooks: PreSendHook[]): PreSendHook {
	return async function whenSearching(requestOptions) {
		if (this.getNodeParameter('findBy', 'filters') === 'ids') return requestOptions;
		let options = requestOptions;
		for (const hook of hooks) options = await hook.call(this, options);
		return options;
	};
}

/** The date filters among `filters`, for the hook that formats them. */
export function filterDateQueries(entity: NexudusEntity, filters: NexudusFilter[]): DateQuery[] {
	return filters
		.filter((filter) => filter.type === 'dateTime')
		.map((filter) => ({
			key: filterKey(entity, filter),
			path: `filters.${filterName(filter)}`,
			label: filter.displayName,
			bound: 'equal',
			wallClock: filter.wallClock,
		}));
}

/** Find: search by filters (with ranges and sort, see operations.ts), or fetch records by ID. */
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
					description: `Search ${entity.nounPlural} by field values and ranges, in a chosen order`,
				},
				{ name: 'IDs', value: 'ids', description: `Fetch ${entity.nounPlural} by their IDs` },
			],
			default: 'filters',
			description: 'Whether to search by filters or to fetch known records by ID',
			displayOptions: { show },
		},
		{
			displayName: 'IDs',
			name: 'ids',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234, 5678',
			description: `Comma-separated IDs of the ${entity.nounPlural} to fetch. Every one that exists is returned, in this order.`,
			displayOptions: { show: { ...show, findBy: ['ids'] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: `Only ${entity.nounPlural} that match every filter you add are returned`,
			hint: 'A filter left empty is ignored.',
			options: [...recordFilters, ...filters]
				.map((filter) => filterOption(entity, filter))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			displayOptions: { show: { ...show, findBy: ['filters'] } },
		},
	];
}

/** Find's paging fields: only the filters form pages. */
export const findPagingFields = (entity: NexudusEntity) =>
	pagingFields(entity.resource, ['find']).map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions!.show, findBy: ['filters'] } },
	}));

const idsRule = { ids: { label: 'IDs', schema: recordIdList } };

/**
 * Find's executor. The filters form pages like List. The IDs form reads every requested record
 * with Nexudus' batch form `?id=[…]`, its page sized to the list and long lists split (see
 * readRecords.ts).
 */
export function findRecords(entity: NexudusEntity): OperationExecutor {
	return async function findRecords(requestData) {
		if (this.getNodeParameter('findBy', 'filters') !== 'ids') {
			return await fetchRecordPages.call(this, requestData);
		}
		const ids = checkParameters(this, idsRule).ids as number[];
		const records = await fetchRecordsByIds(this, entity, ids, String(requestData.options.baseURL));
		return toItems(this, records);
	};
}

/** Every filter of the entity, the ones every record has included. */
export const allFilters = (filters: NexudusFilter[]) => [...recordFilters, ...filters];
