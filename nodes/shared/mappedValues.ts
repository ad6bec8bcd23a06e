import type { IDataObject, IExecuteSingleFunctions, ResourceMapperValue } from 'n8n-workflow';

import { inputError } from './inputError';
import type { ParameterRules } from './validation';

/**
 * Checks the values of a resource mapper parameter (`type: 'resourceMapper'`) against `rules`, keyed
 * by field ID, and returns the parsed values. The values are read as mapped, expressions resolved,
 * but without n8n's own conversion by the field types saved with the workflow, so a value is judged
 * by the rules alone, e.g. a user ID that was not in the list when the workflow was saved. The first
 * failure becomes an input error that names the field, as `checkParameters` does.
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
			// An empty field needs no echo: the message says what to enter.
			const empty = value === undefined || value === null || value === '';
			throw inputError(
				context,
				`Invalid value for "${rule.label}": ${result.error.issues[0].message}`,
				{
					description: empty
						? undefined
						: `The "${rule.label}" field received ${JSON.stringify(value)}.`,
				},
			);
		}
		parsed[field] = result.data;
	}
	return parsed;
}
