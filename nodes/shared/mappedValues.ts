import type { IDataObject, IExecuteSingleFunctions, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParameterRules } from './validation';

/**
 * Checks the values of a resource mapper parameter (`type: 'resourceMapper'`) against `rules`, keyed
 * by field ID, and returns the parsed values. The values are read as mapped, expressions resolved,
 * but without n8n's own conversion by the field types saved with the workflow, so a value is judged
 * by the rules alone, e.g. a user ID that was not in the list when the workflow was saved. The first
 * failure becomes a NodeOperationError that names the field, as `checkParameters` does.
 */
export function checkMappedValues(
	context: IExecuteSingleFunctions,
	parameter: string,
	rules: ParameterRules,
): Record<string, unknown> {
	const mapper = context.getNodeParameter(parameter, {}) as Partial<ResourceMapperValue>;
	const values: IDataObject = mapper.value ?? {};
	const parsed: Record<string, unknown> = {};
	for (const [field, rule] of Object.entries(rules)) {
		const result = rule.schema.safeParse(values[field]);
		if (!result.success) {
			const value = values[field];
			const shown = value === undefined || value === '' ? 'nothing' : JSON.stringify(value);
			throw new NodeOperationError(
				context.getNode(),
				`Invalid value for "${rule.label}": ${result.error.issues[0].message}`,
				{
					itemIndex: context.getItemIndex(),
					description: `The "${rule.label}" field received ${shown}.`,
				},
			);
		}
		parsed[field] = result.data;
	}
	return parsed;
}
