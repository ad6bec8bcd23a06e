/**
 * Copper task, user and custom field definition shapes (vendors.md §2.3, seed 002), and the
 * create / partial-update rules for tasks.
 */
import { INVALID_INPUT, type Reply } from './replies';

export type Priority = 'None' | 'High';
export type Status = 'Open' | 'Completed';
export const PRIORITIES: Priority[] = ['None', 'High'];
export const STATUSES: Status[] = ['Open', 'Completed'];
/**
 * Copper's docs show only "project" on a task; the rest follow Copper's parent-type
 * convention [?] (vendors.md §2.3). The emulator accepts these five, and only ids of its
 * seeded records of that type (copper/related.ts).
 */
export const RELATED_TYPES = ['lead', 'person', 'company', 'opportunity', 'project'];

export interface CopperUser {
	id: number;
	name: string;
	email: string;
}

export type CustomFieldType =
	| 'String'
	| 'Text'
	| 'Dropdown'
	| 'MultiSelect'
	| 'Date'
	| 'Checkbox'
	| 'Float'
	| 'Percentage'
	| 'Currency'
	| 'URL';

export interface CustomFieldDefinition {
	id: number;
	name: string;
	canonical_name: string | null;
	data_type: CustomFieldType;
	available_on: string[];
	options?: Array<{ id: number; name: string; rank: number }>;
	currency?: string;
}

export type CustomValue = string | number | boolean | number[] | null;

export interface CopperTask {
	id: number;
	name: string;
	related_resource: { id: number | null; type: string | null };
	assignee_id: number | null;
	due_date: number | null;
	reminder_date: number | null;
	completed_date: number | null;
	priority: Priority;
	status: Status;
	details: string | null;
	tags: string[];
	/** Stored values by definition id; rendering lists every task definition. */
	custom: Map<number, CustomValue>;
	date_created: number;
	date_modified: number;
	/** User ids following the task (drives the `followed` search filter; not rendered). */
	followers: Set<number>;
}

export type RenderedTask = Omit<CopperTask, 'custom' | 'followers'> & {
	custom_fields: Array<{ custom_field_definition_id: number; value: CustomValue }>;
};

/** Seed 002 shows an unset MultiSelect as `[]` and an unset Checkbox as `false`. */
function unsetValue(definition: CustomFieldDefinition): CustomValue {
	if (definition.data_type === 'MultiSelect') return [];
	return definition.data_type === 'Checkbox' ? false : null;
}

/** Renders like seed 002: every task-applicable definition appears, unset ones as null. */
export function renderTask(task: CopperTask, definitions: CustomFieldDefinition[]): RenderedTask {
	const onTasks = definitions.filter((definition) => definition.available_on.includes('task'));
	const { custom } = task;
	return {
		id: task.id,
		name: task.name,
		related_resource: { ...task.related_resource },
		assignee_id: task.assignee_id,
		due_date: task.due_date,
		reminder_date: task.reminder_date,
		completed_date: task.completed_date,
		priority: task.priority,
		status: task.status,
		details: task.details,
		tags: [...task.tags],
		custom_fields: onTasks.map((definition) => ({
			custom_field_definition_id: definition.id,
			value: custom.get(definition.id) ?? unsetValue(definition),
		})),
		date_created: task.date_created,
		date_modified: task.date_modified,
	};
}

type Body = Record<string, unknown>;
const isInt = (value: unknown): value is number => Number.isInteger(value);
const nullableInt = (value: unknown) => value === null || isInt(value);

/** A field the body may carry: checks the value and applies it; returns an error message. */
type FieldRule = (task: CopperTask, value: unknown, ctx: ApplyContext) => string | undefined;

export interface ApplyContext {
	users: CopperUser[];
	definitions: CustomFieldDefinition[];
	nowSeconds: number;
	/** Whether a related record of this type and id exists (copper/related.ts). */
	relatedExists(type: string, id: number): boolean;
}

function dateRule(field: 'due_date' | 'reminder_date'): FieldRule {
	return (task, value) => {
		if (!nullableInt(value)) return `${field} must be a Unix timestamp in seconds or null`;
		task[field] = value as number | null;
		return undefined;
	};
}

function customValueError(definition: CustomFieldDefinition, value: unknown): string | undefined {
	if (value === null) return undefined;
	const optionIds = (definition.options ?? []).map((option) => option.id);
	switch (definition.data_type) {
		case 'Dropdown':
			return isInt(value) && optionIds.includes(value) ? undefined : 'an option id';
		case 'MultiSelect':
			return Array.isArray(value) && value.every((id) => isInt(id) && optionIds.includes(id))
				? undefined
				: 'an array of option ids';
		case 'Date':
			return isInt(value) ? undefined : 'a Unix timestamp in seconds';
		case 'Checkbox':
			return typeof value === 'boolean' ? undefined : 'a boolean';
		case 'Float':
		case 'Percentage':
		case 'Currency':
			return typeof value === 'number' ? undefined : 'a number';
		default:
			return typeof value === 'string' ? undefined : 'a string';
	}
}

/**
 * `custom_fields` on write: values are merged by definition id (definitions not sent keep their
 * value) [?]: Copper's partial-update rule is documented per field, not per custom field.
 */
const customFieldsRule: FieldRule = (task, value, { definitions }) => {
	if (value === null) {
		task.custom.clear();
		return undefined;
	}
	if (!Array.isArray(value)) return 'custom_fields must be an array';
	for (const entry of value as unknown[]) {
		const item = (entry ?? {}) as Body;
		const id = item.custom_field_definition_id;
		const definition = definitions.find((candidate) => candidate.id === id);
		if (!definition || !definition.available_on.includes('task')) {
			return `Invalid custom_field_definition_id ${String(id)}`;
		}
		const expected = customValueError(definition, item.value);
		if (expected) return `Custom field ${definition.id} (${definition.name}) expects ${expected}`;
	}
	for (const entry of value as Body[]) {
		task.custom.set(
			entry.custom_field_definition_id as number,
			(entry.value ?? null) as CustomValue,
		);
	}
	return undefined;
};

const RULES: Record<string, FieldRule> = {
	name: (task, value) => {
		if (typeof value !== 'string' || value.trim() === '') return "Name can't be blank";
		task.name = value;
		return undefined;
	},
	related_resource: (task, value, { relatedExists }) => {
		if (value === null) {
			task.related_resource = { id: null, type: null };
			return undefined;
		}
		const { id, type } = (value ?? {}) as Body;
		if (id === null && type === null) {
			task.related_resource = { id: null, type: null };
			return undefined;
		}
		if (!isInt(id) || typeof type !== 'string' || !RELATED_TYPES.includes(type)) {
			return `related_resource must be {id, type} with type one of ${RELATED_TYPES.join(', ')}`;
		}
		// Copper's wording for a missing related record is not documented [?].
		if (!relatedExists(type, id)) return `Invalid related_resource: no ${type} with id ${id}`;
		task.related_resource = { id, type };
		return undefined;
	},
	assignee_id: (task, value, { users }) => {
		if (value !== null && !users.some((user) => user.id === value)) {
			return `Invalid assignee_id ${String(value)}`;
		}
		task.assignee_id = value as number | null;
		return undefined;
	},
	due_date: dateRule('due_date'),
	reminder_date: dateRule('reminder_date'),
	priority: (task, value) => {
		if (!PRIORITIES.includes(value as Priority)) return 'priority must be "None" or "High"';
		task.priority = value as Priority;
		return undefined;
	},
	status: (task, value, { nowSeconds }) => {
		if (!STATUSES.includes(value as Status)) return 'status must be "Open" or "Completed"';
		// completed_date is set by the Open -> Completed change and cannot be set directly.
		if (value === 'Completed' && task.status !== 'Completed') task.completed_date = nowSeconds;
		if (value === 'Open') task.completed_date = null;
		task.status = value as Status;
		return undefined;
	},
	details: (task, value) => {
		if (value !== null && typeof value !== 'string') return 'details must be a string or null';
		task.details = value as string | null;
		return undefined;
	},
	tags: (task, value) => {
		if (value === null) {
			task.tags = [];
			return undefined;
		}
		if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) {
			return 'tags must be an array of strings';
		}
		task.tags = [...new Set(value as string[])];
		return undefined;
	},
	custom_fields: customFieldsRule,
};

/**
 * Applies the fields present in `body` to a copy of `task`: absent fields keep their value,
 * an explicit null clears (Copper's partial PUT). Unknown and read-only fields (id,
 * completed_date, date_created, date_modified) are ignored. On error nothing changes.
 */
export function applyTaskBody(
	task: CopperTask,
	body: Body,
	ctx: ApplyContext,
): { task: CopperTask } | Reply {
	const next: CopperTask = {
		...task,
		related_resource: { ...task.related_resource },
		tags: [...task.tags],
		custom: new Map(task.custom),
		followers: new Set(task.followers),
	};
	for (const [field, rule] of Object.entries(RULES)) {
		if (!(field in body)) continue;
		const value = body[field];
		if (value === null && field === 'name') return INVALID_INPUT("Name can't be blank");
		if (value === null && (field === 'priority' || field === 'status')) {
			// Clearing an enum falls back to its default [?].
			RULES[field](next, field === 'priority' ? 'None' : 'Open', ctx);
			continue;
		}
		const error = rule(next, value, ctx);
		if (error) return INVALID_INPUT(error);
	}
	return { task: next };
}

export function blankTask(id: number, nowSeconds: number): CopperTask {
	return {
		id,
		name: '',
		related_resource: { id: null, type: null },
		assignee_id: null,
		due_date: null,
		reminder_date: null,
		completed_date: null,
		priority: 'None',
		status: 'Open',
		details: null,
		tags: [],
		custom: new Map(),
		date_created: nowSeconds,
		date_modified: nowSeconds,
		followers: new Set(),
	};
}
