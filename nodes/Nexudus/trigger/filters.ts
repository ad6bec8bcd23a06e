import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { checkParameters, recordId, type ParameterRule } from '../../shared/validation';
import type { NexudusEntity } from '../entities';

interface TriggerFilter extends ParameterRule {
	/** The parameter inside the Filters collection. */
	name: string;
	/** The Nexudus filter it becomes: `<Entity>_<suffix>`. */
	suffix: string;
}

/** The trigger's filters, by the collection they sit in. */
const triggerFilters: Record<string, TriggerFilter[]> = {
	filters: [
		{ name: 'business', suffix: 'Business', label: 'Business', schema: recordId },
		{ name: 'completed', suffix: 'Completed', label: 'Completed', schema: z.boolean() },
		{ name: 'coworker', suffix: 'Coworker', label: 'Coworker', schema: recordId },
		{ name: 'responsible', suffix: 'Responsible', label: 'Responsible User', schema: recordId },
	],
	historyFilters: [
		{ name: 'crmOpportunity', suffix: 'CrmOpportunity', label: 'Opportunity ID', schema: recordId },
		{
			name: 'newCrmBoardColumn',
			suffix: 'NewCrmBoardColumn',
			label: 'New Board Column ID',
			schema: recordId,
		},
	],
};

/** Reads and checks the filters the user added into Nexudus query parameters. */
export function checkTriggerFilters(context: IPollFunctions, entity: NexudusEntity): IDataObject {
	const collection = entity.resource === 'coworkerTask' ? 'filters' : 'historyFilters';
	const added = context.getNodeParameter(collection, {}) as IDataObject;
	const chosen = triggerFilters[collection].filter((filter) => filter.name in added);
	const values = checkParameters(
		context,
		Object.fromEntries(chosen.map((filter) => [`${collection}.${filter.name}`, filter])),
	);
	return Object.fromEntries(
		chosen.map((filter) => [
			`${entity.name}_${filter.suffix}`,
			values[`${collection}.${filter.name}`] as IDataObject[string],
		]),
	);
}
