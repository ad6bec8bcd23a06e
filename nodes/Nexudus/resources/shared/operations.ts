import type { INodeProperties } from 'n8n-workflow';

import { runThroughExecutor } from '../../../shared/executor';
import { recordIdRule, recordUrl } from '../../../shared/record';
import { optionalRecordId, validateParameters } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { runCommand } from './commands';
import { createRecord } from './create';
import { sendDatesAsMinutes } from './dates';
import { deleteRecord } from './delete';
import {
	allFilters,
	checkFilters,
	filterDateQueries,
	findRecords,
	whenSearching,
	type NexudusFilter,
} from './find';
import { sortRules } from './list';
import { fetchRecordPages } from './paging';
import { checkRanges, rangeDateQueries } from './range';
import { nexudusRecord } from './record';
import { updateRecord } from './update';

/**
 * The operations Nexudus offers on every entity, with the request each one sends. Each operation
 * runs through an executor (see shared/executor.ts); the ones without their own send the request
 * as described and output the response.
 */
export function operationSelector(
	entity: NexudusEntity,
	entityFilters: NexudusFilter[],
): INodeProperties {
	const { path, noun, nounPlural } = entity;
	const filters = allFilters(entityFilters);
	const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [entity.resource] } },
		routing: runThroughExecutor,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: `Create ${article} ${noun}`,
				description: `Create ${article} ${noun}`,
				routing: {
					request: { method: 'POST', url: path },
					operations: { pagination: createRecord(entity) },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: `Delete ${article} ${noun}`,
				description: `Delete ${article} ${noun}`,
				routing: {
					request: { method: 'DELETE', url: recordUrl(nexudusRecord(entity)) },
					operations: { pagination: deleteRecord(entity) },
				},
			},
			{
				name: 'Find',
				value: 'find',
				action: `Find ${nounPlural}`,
				description: `Search ${nounPlural} by field values, date and ID ranges and sort order together, or fetch them by ID. Use it when you know something about the ${nounPlural} you want.`,
				routing: {
					request: { method: 'GET', url: path },
					send: {
						preSend: [
							whenSearching([
								checkFilters(entity, filters),
								checkRanges(entity),
								validateParameters(sortRules(entity)),
								sendDatesAsMinutes([
									...filterDateQueries(entity, filters),
									...rangeDateQueries(entity),
								]),
							]),
						],
					},
					operations: { pagination: findRecords(entity) },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: `Get ${article} ${noun}`,
				description: `Get one ${noun} by its ID`,
				routing: {
					request: { method: 'GET', url: recordUrl(nexudusRecord(entity)) },
					send: { preSend: [validateParameters(recordIdRule(nexudusRecord(entity)))] },
				},
			},
			{
				name: 'List',
				value: 'list',
				action: `List ${nounPlural}`,
				description: `Go through all ${nounPlural}, newest first or in the order you choose. To narrow them down, use Find.`,
				routing: {
					request: { method: 'GET', url: path },
					send: { preSend: [validateParameters(sortRules(entity))] },
					operations: { pagination: fetchRecordPages },
				},
			},
			{
				name: 'List Commands',
				value: 'listCommands',
				action: `List ${noun} commands`,
				description: `List the commands that can run on ${nounPlural}`,
				routing: {
					request: { method: 'GET', url: `${path}/commands` },
					send: {
						preSend: [
							validateParameters({
								commandsForId: { label: 'Record ID', schema: optionalRecordId },
							}),
						],
					},
				},
			},
			{
				name: 'Range',
				value: 'range',
				action: `Find ${nounPlural} in a date or ID range`,
				description: `Get the ${nounPlural} whose dates or IDs fall between two bounds, e.g. created last week. To combine ranges with other filters, use Find.`,
				routing: {
					request: { method: 'GET', url: path },
					send: {
						preSend: [
							checkRanges(entity),
							validateParameters(sortRules(entity)),
							sendDatesAsMinutes(rangeDateQueries(entity)),
						],
					},
					operations: { pagination: fetchRecordPages },
				},
			},
			{
				name: 'Run Command',
				value: 'runCommand',
				action: `Run ${article} ${noun} command`,
				description: `Run a command on one or more ${nounPlural}`,
				routing: {
					request: { method: 'POST', url: `${path}/runcommand` },
					operations: { pagination: runCommand },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: `Update ${article} ${noun}`,
				description: `Change fields of ${article} ${noun}, keeping all others as they are`,
				routing: {
					request: { method: 'PUT', url: path },
					operations: { pagination: updateRecord(entity) },
				},
			},
		],
		default: 'find',
	};
}
