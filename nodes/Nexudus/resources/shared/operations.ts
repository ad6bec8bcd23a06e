import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { runThroughExecutor } from '../../../shared/executor';
import { oneOf, optionalRecordId, validateParameters } from '../../../shared/validation';
import type { NexudusEntity } from '../../entities';
import { runCommand } from './commands';
import { createRecord } from './create';
import { rangeDateQueries, sendDatesAsMinutes } from './dates';
import { deleteRecord } from './delete';
import { filterDateQueries, findRecords, validateFilters, type NexudusFilter } from './find';
import { fetchRecordPages } from './paging';
import { recordIdRule, recordUrl } from './record';
import { updateRecord } from './update';

/**
 * The operations Nexudus offers on every entity, with the request each one sends. Each operation
 * runs through an executor (see shared/executor.ts); the ones without their own send the request
 * as described and output the response.
 */
export function operationSelector(
	entity: NexudusEntity,
	filters: NexudusFilter[],
): INodeProperties {
	const { path, noun, nounPlural } = entity;
	const sortRules = {
		orderBy: { label: 'Sort By', schema: oneOf(entity.sortable as [string, ...string[]]) },
		dir: {
			label: 'Sort Direction',
			schema: z.union([z.literal(1), z.literal(-1)], {
				errorMap: () => ({ message: 'Expected 1 (ascending) or -1 (descending)' }),
			}),
		},
	};
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
				action: `Create a ${noun}`,
				description: `Create a ${noun}`,
				routing: {
					request: { method: 'POST', url: path },
					operations: { pagination: createRecord(entity) },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: `Delete a ${noun}`,
				description: `Delete a ${noun}`,
				routing: {
					request: { method: 'DELETE', url: recordUrl(entity) },
					operations: { pagination: deleteRecord(entity) },
				},
			},
			{
				name: 'Find',
				value: 'find',
				action: `Find ${nounPlural}`,
				description: `Find ${nounPlural} by filters or by IDs`,
				routing: {
					request: { method: 'GET', url: path },
					send: {
						preSend: [
							validateFilters(entity, filters),
							sendDatesAsMinutes(filterDateQueries(entity, filters)),
						],
					},
					operations: { pagination: findRecords },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: `Get a ${noun}`,
				description: `Get a ${noun} by ID`,
				routing: {
					request: { method: 'GET', url: recordUrl(entity) },
					send: { preSend: [validateParameters(recordIdRule(entity))] },
				},
			},
			{
				name: 'List',
				value: 'list',
				action: `List ${nounPlural}`,
				description: `List all ${nounPlural} in a chosen order`,
				routing: {
					request: { method: 'GET', url: path },
					send: { preSend: [validateParameters(sortRules)] },
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
								commandsForId: { label: 'Only for Record ID', schema: optionalRecordId },
							}),
						],
					},
				},
			},
			{
				name: 'Range',
				value: 'range',
				action: `Find ${nounPlural} in a date or number range`,
				description: `Find ${nounPlural} whose dates or numbers fall in a range`,
				routing: {
					request: { method: 'GET', url: path },
					send: { preSend: [sendDatesAsMinutes(rangeDateQueries(entity))] },
					operations: { pagination: fetchRecordPages },
				},
			},
			{
				name: 'Run Command',
				value: 'runCommand',
				action: `Run a ${noun} command`,
				description: `Run a command on one or more ${nounPlural}`,
				routing: {
					request: { method: 'POST', url: `${path}/runcommand` },
					operations: { pagination: runCommand },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: `Update a ${noun}`,
				description: `Change fields of a ${noun}, keeping all others as they are`,
				routing: {
					request: { method: 'PUT', url: path },
					operations: { pagination: updateRecord(entity) },
				},
			},
		],
		default: 'find',
	};
}
