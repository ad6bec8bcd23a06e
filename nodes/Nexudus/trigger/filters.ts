import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { recordId } from '../../shared/validation';
import type { NexudusEntity } from '../entities';

/** The trigger's filters: parameter, Nexudus filter suffix, label and what a valid value is. */
const triggerFilters: Record<string, Array<[string, string, string, z.ZodTypeAny]>> = {
	filters: [
		['business', 'Business', 'Business', recordId],
		['completed', 'Completed', 'Completed', z.boolean()],
		['coworker', 'Coworker', 'Coworker', recordId],
		['responsible', 'Responsible', 'Responsible User', recordId],
	],
	historyFilters: [
		['crmOpportunity', 'CrmOpportunity', 'Opportunity ID', recordId],
		['newCrmBoardColumn', 'NewCrmBoardColumn', 'New Board Column ID', recordId],
	],
};

/** Reads and checks the trigger's filters into Nexudus query parameters. */
export function checkTriggerFilters(context: IPollFunctions, entity: NexudusEntity): IDataObject {
	const collection = entity.resource === 'coworkerTask' ? 'filters' : 'historyFilters';
	const set = context.getNodeParameter(collection, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [name, suffix, label, schema] of triggerFilters[collection]) {
		if (!(name in set)) continue;
		const value = context.getNodeParameter(`${collection}.${name}`, undefined, {
			extractValue: true,
		});
		const result = schema.safeParse(value);
		if (!result.success) {
			throw new NodeOperationError(
				context.getNode(),
				`Invalid value for "${label}": ${result.error.issues[0].message}`,
			);
		}
		qs[`${entity.name}_${suffix}`] = result.data as IDataObject[string];
	}
	return qs;
}
