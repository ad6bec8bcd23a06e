import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { sendAsDescribed } from '../../../shared/executor';
import {
	createOperation,
	deleteOperation,
	getOperation,
	updateOperation,
	operationSelector,
} from '../../../shared/operations';
import { aOrAn, optionalRecordId, validateParameters } from '../../../shared/validation';
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
import { nexudusApi } from '../../transport';
import { nexudusRecord } from './record';
import { readingTasks } from './simplify';
import { updateRecord } from './update';

/**
 * The operations Nexudus offers on every entity, with the request each one sends. Each operation
 * runs through an executor (see shared/executor.ts); the ones without their own send the request
 * as described and output the response.
 */
export function entityOperations(
	entity: NexudusEntity,
	entityFilters: NexudusFilter[],
): INodeProperties {
	const { path, noun, nounPlural } = entity;
	const filters = allFilters(entityFilters);
	const record = nexudusRecord(entity);
	const options: INodePropertyOptions[] = [
		createOperation(record, { executor: createRecord(entity) }),
		deleteOperation(record, { executor: deleteRecord(entity) }),
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
				operations: { pagination: readingTasks(entity, findRecords(entity)) },
			},
		},
		getOperation(record, { executor: readingTasks(entity, sendAsDescribed(nexudusApi)) }),
		{
			name: 'List',
			value: 'list',
			action: `List ${nounPlural}`,
			description: `Go through all ${nounPlural}, newest first or in the order you choose. To narrow them down, use Find.`,
			routing: {
				request: { method: 'GET', url: path },
				send: { preSend: [validateParameters(sortRules(entity))] },
				operations: { pagination: readingTasks(entity, fetchRecordPages) },
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
				operations: { pagination: readingTasks(entity, fetchRecordPages) },
			},
		},
		{
			name: 'Run Command',
			value: 'runCommand',
			action: `Run ${aOrAn(noun)} command`,
			description: `Run a command on one or more ${nounPlural}`,
			routing: {
				request: { method: 'POST', url: `${path}/runcommand` },
				operations: { pagination: runCommand },
			},
		},
		// Nexudus' PUT names the record in its body, not in the URL.
		updateOperation(record, {
			executor: updateRecord(entity),
			request: { method: 'PUT', url: path },
		}),
	];
	return operationSelector(entity.resource, options, 'find');
}
