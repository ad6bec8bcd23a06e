import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CreatedId } from '../../../shared/create';
import type { NexudusEntity } from '../../entities';

/**
 * The record ID Nexudus reports in a write envelope (`Value.Id`). An answer without one is an
 * error: the record may or may not exist, and there is nothing to read back.
 */
export const writtenId =
	(entity: NexudusEntity): CreatedId =>
	(context, envelope) => {
		const value = (envelope?.Value ?? null) as IDataObject | null;
		const id =
			typeof value?.Id === 'string' && /^\d+$/.test(value.Id) ? Number(value.Id) : value?.Id;
		if (typeof id === 'number' && Number.isInteger(id) && id > 0) return id;
		const said = typeof envelope?.Message === 'string' ? ` It said: "${envelope.Message}"` : '';
		throw new NodeApiError(context.getNode(), (envelope ?? {}) as JsonObject, {
			message: `Nexudus did not say which ${entity.noun} it created`,
			description: `Its answer has no record ID (Value.Id), so the new ${entity.noun} cannot be read back.${said} Check in Nexudus whether it was created before running again, to avoid a duplicate.`,
			itemIndex: context.getItemIndex(),
		});
	};
