import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fieldNoun, type RecordField } from '../fields';
import { fieldSchema } from '../fieldValues';
import { inputError } from '../inputError';
import type { Task } from './task';

/**
 * How a vendor's create and update take a shared Task ("Set Fields From: Task"), so that a task
 * copied from another vendor needs no mapping by hand.
 */
export interface TaskWriting {
	/** The properties of the fields every task fills; required ones are then not asked for. */
	fills: string[];
	/**
	 * The values of those fields for one task, as a user would type them: ISO dates, booleans,
	 * option values. A value left out or null leaves the field as the user set it, or as it is.
	 * Fields only some tasks fill, e.g. the assignee of a task from the same vendor, may be given
	 * too: they stay asked for, and the user's value wins.
	 */
	values(task: Task): IDataObject;
}

/** The record a TaskWriting writes: its fields and what it is called. */
interface TaskTarget {
	noun: string;
	fields: RecordField[];
	fromTask?: TaskWriting;
}

const FROM_TASK = 'task';

/** "A, B and C", for lists of field names in descriptions. */
const listed = (names: string[]) =>
	names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];

/** The labels of the fields a task fills. */
const filledNames = (target: TaskTarget) =>
	listed(
		target.fromTask!.fills.map((property) =>
			fieldNoun(target.fields.find((field) => field.property === property)!),
		),
	);

/**
 * Set Fields From, and the Task it reads, for one operation (create or update): the user either
 * sets every field, or takes them from a shared Task, e.g. a trigger's output with Simplify on.
 */
export function fieldsFromTask(
	target: TaskTarget,
	show: { resource: string[]; operation: string[] },
): INodeProperties[] {
	if (!target.fromTask) return [];
	return [
		{
			displayName: 'Set Fields From',
			name: 'fieldsFrom',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Fields Below',
					value: 'fields',
					description: `Set each field of the ${target.noun} in this node`,
				},
				{
					name: 'Task From a Previous Node',
					value: FROM_TASK,
					description: `Take ${filledNames(target)} from a task that any CRM Tasks node output with Simplify on`,
				},
			],
			default: 'fields',
			description: 'Where the fields of the task come from',
			displayOptions: { show },
		},
		{
			displayName: 'Source Task',
			name: 'task',
			type: 'json',
			default: '={{ $json }}',
			required: true,
			description: `A task in the shared shape, as CRM Tasks nodes output it with Simplify on. It sets ${filledNames(target)}; a field you set below wins over the task's.`,
			displayOptions: { show: { ...show, fieldsFrom: [FROM_TASK] } },
		},
	];
}

/** Whether the current item's fields come from a shared Task. */
export const takesTask = (context: IExecuteSingleFunctions, target: TaskTarget) =>
	Boolean(target.fromTask) && context.getNodeParameter('fieldsFrom', 'fields') === FROM_TASK;

/** The display options of a field that a task fills: shown only when fields are set one by one. */
export const unlessFromTask = (target: TaskTarget, field: RecordField) =>
	target.fromTask?.fills.includes(field.property) ? { fieldsFrom: ['fields'] } : {};

const nullableText = z.string().nullable().optional();

/** What a shared Task must hold for a create or update to take it. */
const taskSchema = z
	.object({
		title: z.string({
			required_error: 'it has no title',
			invalid_type_error: 'its title is not text',
		}),
		description: nullableText,
		dueDate: nullableText,
		completed: z.boolean({ invalid_type_error: 'its completed is not true or false' }).optional(),
		tags: z.array(z.string()).optional(),
	})
	.passthrough();

/** The Task parameter, checked: an object, or its JSON text. */
function readTask(context: IExecuteSingleFunctions): Task {
	let value = context.getNodeParameter('task', {}) as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			throw inputError(context, 'Invalid value for "Source Task": it is not JSON');
		}
	}
	const result = taskSchema.safeParse(value);
	if (!result.success) {
		throw inputError(
			context,
			`Invalid value for "Source Task": ${result.error.issues[0].message}`,
			{
				description:
					'The Source Task needs the shared shape: turn on Simplify in the CRM Tasks node it comes from.',
			},
		);
	}
	return result.data as unknown as Task;
}

/**
 * The body values a shared Task gives, each checked and turned into the vendor's form as if the
 * user had typed it. `required`: a field every new record needs fails when the task lacks it.
 */
function taskValues(context: IExecuteSingleFunctions, target: TaskTarget, required: boolean) {
	const values = target.fromTask!.values(readTask(context));
	const body: IDataObject = {};
	const properties = new Set([...target.fromTask!.fills, ...Object.keys(values)]);
	for (const property of properties) {
		const field = target.fields.find((candidate) => candidate.property === property)!;
		const value = values[property];
		const needed = required && field.required === true && target.fromTask!.fills.includes(property);
		if ((value === undefined || value === null) && !needed) continue;
		const timeZone = field.workflowTimeZone ? context.getTimezone() : undefined;
		const result = fieldSchema(field, needed, timeZone).safeParse(value ?? undefined);
		if (!result.success) {
			throw inputError(
				context,
				`Invalid value for "Source Task": its value for "${fieldNoun(field)}" is not valid (${result.error.issues[0].message})`,
				{ description: `The task gave ${JSON.stringify(value ?? null)}.` },
			);
		}
		if (result.data !== undefined) body[property] = result.data as IDataObject[string];
	}
	return body;
}

/**
 * The fields to write, with those a shared Task gives under the user's own (see fieldsFromTask).
 * Of two fields that write the same value, the user's one replaces the task's twin.
 */
export function withTaskValues(
	context: IExecuteSingleFunctions,
	target: TaskTarget,
	userBody: IDataObject,
	{ creating }: { creating: boolean },
): IDataObject {
	if (!takesTask(context, target)) return userBody;
	const fromTask = taskValues(context, target, creating);
	for (const field of target.fields) {
		const twin = field.sameValueAs;
		if (!twin) continue;
		if (field.property in userBody) delete fromTask[twin];
		if (twin in userBody) delete fromTask[field.property];
	}
	return { ...fromTask, ...userBody };
}
