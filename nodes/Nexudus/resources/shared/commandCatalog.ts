import type { FieldType } from 'n8n-workflow';
import { z } from 'zod';

import { vendorRequest, type ApiContext } from '../../../shared/transport/request';
import { dateInput, pickedRecordId, requiredText } from '../../../shared/validation';
import { nexudusApi } from '../../transport';

/** A command as `GET <entity>/commands` describes it (vendors.md §1.5). */
export interface NexudusCommand {
	Key: string;
	Name?: string;
	NeedsEntitiesToRun?: boolean;
	AppliesOnlyToOneEntity?: boolean;
	AppliesOnlyToTwoEntities?: boolean;
	AppliesOnlyToMultipleEntities?: boolean;
	RequiresParameters?: CommandParameter[] | null;
}

/** The commands Nexudus offers for the entity at `path` (e.g. `/crm/coworkertasks`), as it describes them now. */
export async function fetchCommands(
	context: ApiContext,
	path: string,
	baseURL: string | undefined,
): Promise<NexudusCommand[]> {
	const commands = await vendorRequest<NexudusCommand[] | null>(context, nexudusApi, {
		method: 'GET',
		baseURL,
		url: `${path}/commands`,
		headers: { Accept: 'application/json' },
	});
	return commands ?? [];
}

/** A parameter a command requires, with its type in Nexudus' own words (e.g. `int`, `DateTime`). */
export interface CommandParameter {
	Name: string;
	Type?: string | null;
}

/** What kind of input a parameter needs, read from its Nexudus type and name. */
export type ParameterKind = 'user' | 'whole' | 'number' | 'boolean' | 'dateTime' | 'text';

/** `System.Int32?` → `int32`: Nexudus types with the namespace and nullability dropped. */
const typeWord = (type: CommandParameter['Type']) =>
	String(type ?? '')
		.replace(/\?$/, '')
		.split('.')
		.pop()!
		.toLowerCase();

const WHOLE = ['int', 'int16', 'int32', 'int64', 'long', 'short', 'byte'];
const FRACTIONAL = ['decimal', 'double', 'float', 'single', 'number'];

/**
 * Nexudus names a parameter's type but not what an ID points to. A parameter of type `User`, or a
 * whole number named like `UserId` or `ResponsibleId` (the admin a task is assigned to), is an
 * admin user's ID.
 */
export function parameterKind(parameter: CommandParameter): ParameterKind {
	const type = typeWord(parameter.Type);
	const namesUser = /(User|Responsible)Id$/i.test(parameter.Name);
	if (type === 'user' || (namesUser && WHOLE.includes(type))) return 'user';
	if (WHOLE.includes(type)) return 'whole';
	if (FRACTIONAL.includes(type)) return 'number';
	if (type === 'bool' || type === 'boolean') return 'boolean';
	if (type === 'datetime' || type === 'date' || type === 'datetimeoffset') return 'dateTime';
	return 'text';
}

/** The input n8n shows for each kind of parameter. */
export const fieldTypes: Record<ParameterKind, FieldType> = {
	user: 'options',
	whole: 'number',
	number: 'number',
	boolean: 'boolean',
	dateTime: 'dateTime',
	text: 'string',
};

/** n8n's date picker and expressions may hand over a Luxon DateTime; read it as its ISO text. */
const isoText = (value: unknown) =>
	value && typeof value === 'object' && 'toISO' in value && typeof value.toISO === 'function'
		? (value.toISO() as string)
		: value;

const numberText = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
		? Number(value)
		: value;

const present = (value: unknown) => (value === '' || value === null ? undefined : value);

/** How a value of each kind is checked, and the form it is sent in. */
export const parameterSchemas: Record<ParameterKind, z.ZodTypeAny> = {
	user: pickedRecordId('user'),
	whole: z.preprocess(
		(value) => numberText(present(value)),
		z
			.number({
				required_error: 'This field is required',
				invalid_type_error: 'Expected a whole number',
			})
			.int('Expected a whole number'),
	),
	number: z.preprocess(
		(value) => numberText(present(value)),
		z.number({ required_error: 'This field is required', invalid_type_error: 'Expected a number' }),
	),
	// A switch the user never touched is off; an expression may give "true" or "false" as text.
	boolean: z.preprocess(
		(value) =>
			value === undefined || value === null || value === ''
				? false
				: value === 'true' || value === 'false'
					? value === 'true'
					: value,
		z.boolean({ invalid_type_error: 'Expected true or false' }),
	),
	dateTime: z
		.preprocess(
			(value) => isoText(present(value)),
			z
				.unknown()
				.refine((value) => value !== undefined, 'This field is required')
				.pipe(dateInput),
		)
		.transform((date) => (date as Date).toISOString()),
	text: z.preprocess((value) => present(value) ?? '', requiredText),
};
